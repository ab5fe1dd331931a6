// 4:1 multiplexer of 8-bit words, written as a case statement.
module mux4 (input [7:0] a, b, c, d, input [1:0] sel, output reg [7:0] y);
  always @* case (sel)
    2'd0: y = a;
    2'd1: y = b;
    2'd2: y = c;
    default: y = d;
  endcase
endmodule

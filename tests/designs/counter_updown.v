// Up/down counter with synchronous reset, enable and parallel load.
module counter_updown (input clk, input rst, input en, input up, input load, input [7:0] d, output reg [7:0] q);
  always @(posedge clk)
    if (rst)       q <= 8'd0;
    else if (load) q <= d;
    else if (en)   q <= up ? q + 8'd1 : q - 8'd1;
endmodule

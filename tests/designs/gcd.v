// Greatest common divisor by repeated subtraction: a small datapath with its controller.
module gcd (input clk, input rst, input start, input [7:0] a_in, b_in, output reg [7:0] result, output reg done);
  reg [7:0] a, b;
  reg busy;
  always @(posedge clk)
    if (rst) begin busy <= 1'b0; done <= 1'b0; a <= 8'd0; b <= 8'd0; result <= 8'd0; end
    else if (start && !busy) begin a <= a_in; b <= b_in; busy <= 1'b1; done <= 1'b0; end
    else if (busy) begin
      if (a == 8'd0 || b == 8'd0) begin result <= a | b; busy <= 1'b0; done <= 1'b1; end
      else if (a > b) a <= a - b;
      else b <= b - a;
    end
endmodule

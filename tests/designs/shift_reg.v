// 8-bit shift register: serial in/out, parallel load, shift direction.
module shift_reg (input clk, input rst, input load, input left, input sin, input [7:0] d,
                  output reg [7:0] q, output sout);
  always @(posedge clk)
    if (rst)       q <= 8'h00;
    else if (load) q <= d;
    else if (left) q <= {q[6:0], sin};
    else           q <= {sin, q[7:1]};
  assign sout = left ? q[7] : q[0];
endmodule

// 16-bit Fibonacci LFSR (taps 16,14,13,11) with a non-zero initial value and a seed load.
module lfsr16 (input clk, input load, input [15:0] seed, output [15:0] state, output bit_out);
  reg [15:0] r = 16'hACE1;
  wire fb = r[15] ^ r[13] ^ r[12] ^ r[10];
  always @(posedge clk) r <= load ? (seed | 16'd1) : {r[14:0], fb};
  assign state = r;
  assign bit_out = r[15];
endmodule

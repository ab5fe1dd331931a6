// Or8Way: 1 if any of the eight inputs is 1.
`default_nettype none
module Or8Way (input wire [7:0] in, output wire out);
  wire [5:0] t;
  Or g0 (.a(in[0]), .b(in[1]), .out(t[0]));
  Or g1 (.a(in[2]), .b(in[3]), .out(t[1]));
  Or g2 (.a(in[4]), .b(in[5]), .out(t[2]));
  Or g3 (.a(in[6]), .b(in[7]), .out(t[3]));
  Or g4 (.a(t[0]), .b(t[1]), .out(t[4]));
  Or g5 (.a(t[2]), .b(t[3]), .out(t[5]));
  Or g6 (.a(t[4]), .b(t[5]), .out(out));
endmodule
`default_nettype wire

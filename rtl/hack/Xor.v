// Xor: the classic four-Nand construction, sharing the first gate.
`default_nettype none
module Xor (input wire a, input wire b, output wire out);
  wire n, na, nb;
  Nand g1 (.a(a), .b(b), .out(n));
  Nand g2 (.a(a), .b(n), .out(na));
  Nand g3 (.a(b), .b(n), .out(nb));
  Nand g4 (.a(na), .b(nb), .out(out));
endmodule
`default_nettype wire

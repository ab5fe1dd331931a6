// Mux: out = sel ? b : a
`default_nettype none
module Mux (input wire a, input wire b, input wire sel, output wire out);
  wire nsel, ta, tb;
  Not  g1 (.in(sel), .out(nsel));
  Nand g2 (.a(a), .b(nsel), .out(ta));
  Nand g3 (.a(b), .b(sel), .out(tb));
  Nand g4 (.a(ta), .b(tb), .out(out));
endmodule
`default_nettype wire

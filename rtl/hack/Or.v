// Or: De Morgan, a | b = !(!a & !b).
`default_nettype none
module Or (input wire a, input wire b, output wire out);
  wire na, nb;
  Not  g1 (.in(a), .out(na));
  Not  g2 (.in(b), .out(nb));
  Nand g3 (.a(na), .b(nb), .out(out));
endmodule
`default_nettype wire

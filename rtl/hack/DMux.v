// DMux: routes in to a (sel=0) or b (sel=1); the other output is 0.
`default_nettype none
module DMux (input wire in, input wire sel, output wire a, output wire b);
  wire nsel;
  Not g1 (.in(sel), .out(nsel));
  And g2 (.a(in), .b(nsel), .out(a));
  And g3 (.a(in), .b(sel), .out(b));
endmodule
`default_nettype wire

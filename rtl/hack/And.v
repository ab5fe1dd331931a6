// And: Nand followed by Not.
`default_nettype none
module And (input wire a, input wire b, output wire out);
  wire n;
  Nand g1 (.a(a), .b(b), .out(n));
  Not  g2 (.in(n), .out(out));
endmodule
`default_nettype wire

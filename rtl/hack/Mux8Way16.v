// Mux8Way16: picks one of eight 16-bit words by sel[2:0].
`default_nettype none
module Mux8Way16 (input wire [15:0] a, b, c, d, e, f, g, h, input wire [2:0] sel, output wire [15:0] out);
  wire [15:0] lo, hi;
  Mux4Way16 m1 (.a(a), .b(b), .c(c), .d(d), .sel(sel[1:0]), .out(lo));
  Mux4Way16 m2 (.a(e), .b(f), .c(g), .d(h), .sel(sel[1:0]), .out(hi));
  Mux16     m3 (.a(lo), .b(hi), .sel(sel[2]), .out(out));
endmodule
`default_nettype wire

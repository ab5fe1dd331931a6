// Mux4Way16: picks one of four 16-bit words (sel 00 a, 01 b, 10 c, 11 d).
`default_nettype none
module Mux4Way16 (input wire [15:0] a, b, c, d, input wire [1:0] sel, output wire [15:0] out);
  wire [15:0] ab, cd;
  Mux16 m1 (.a(a), .b(b), .sel(sel[0]), .out(ab));
  Mux16 m2 (.a(c), .b(d), .sel(sel[0]), .out(cd));
  Mux16 m3 (.a(ab), .b(cd), .sel(sel[1]), .out(out));
endmodule
`default_nettype wire

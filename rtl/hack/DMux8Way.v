// DMux8Way: routes in to one of eight outputs by sel[2:0].
`default_nettype none
module DMux8Way (input wire in, input wire [2:0] sel, output wire a, b, c, d, e, f, g, h);
  wire lo, hi;
  DMux     d1 (.in(in), .sel(sel[2]), .a(lo), .b(hi));
  DMux4Way d2 (.in(lo), .sel(sel[1:0]), .a(a), .b(b), .c(c), .d(d));
  DMux4Way d3 (.in(hi), .sel(sel[1:0]), .a(e), .b(f), .c(g), .d(h));
endmodule
`default_nettype wire

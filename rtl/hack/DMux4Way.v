// DMux4Way: routes in to one of four outputs by sel[1:0].
`default_nettype none
module DMux4Way (input wire in, input wire [1:0] sel, output wire a, b, c, d);
  wire lo, hi;
  DMux d1 (.in(in), .sel(sel[1]), .a(lo), .b(hi));
  DMux d2 (.in(lo), .sel(sel[0]), .a(a), .b(b));
  DMux d3 (.in(hi), .sel(sel[0]), .a(c), .b(d));
endmodule
`default_nettype wire

// ALU: the Hack ALU. x and y are zeroed (zx, zy), negated (nx, ny), then
// added or and-ed (f), and the result negated (no). zr: out == 0, ng: out < 0.
`default_nettype none
module ALU (
    input  wire [15:0] x, y,
    input  wire        zx, nx, zy, ny, f, no,
    output wire [15:0] out,
    output wire        zr, ng
);
  wire [15:0] x0, x1, nx1, y0, y1, ny1, sum, conj, r, nr;
  Mux16 zxm (.a(x), .b(16'd0), .sel(zx), .out(x0));
  Not16 nxn (.in(x0), .out(nx1));
  Mux16 nxm (.a(x0), .b(nx1), .sel(nx), .out(x1));
  Mux16 zym (.a(y), .b(16'd0), .sel(zy), .out(y0));
  Not16 nyn (.in(y0), .out(ny1));
  Mux16 nym (.a(y0), .b(ny1), .sel(ny), .out(y1));
  Add16 add (.a(x1), .b(y1), .out(sum));
  And16 conjunction (.a(x1), .b(y1), .out(conj));
  Mux16 fm  (.a(conj), .b(sum), .sel(f), .out(r));
  Not16 non (.in(r), .out(nr));
  Mux16 nom (.a(r), .b(nr), .sel(no), .out(out));
  wire lo, hi, any;
  Or8Way o1 (.in(out[7:0]), .out(lo));
  Or8Way o2 (.in(out[15:8]), .out(hi));
  Or     o3 (.a(lo), .b(hi), .out(any));
  Not    z  (.in(any), .out(zr));
  assign ng = out[15];
endmodule
`default_nettype wire

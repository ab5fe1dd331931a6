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
`ifdef HACK_FPGA
  // On an FPGA, waiting for the sum to ripple up the carry chain and then OR-ing its 16
  // bits is the slowest path of the CPU. zr can be read off x1 and y1 without the carries:
  //   f=1, no=0: x1 + y1 == 0       <=> bit 0 of x1 ^ y1 is 0 and every bit i above it is
  //              x1[i-1] | y1[i-1] (the carry that bit i must receive for all bits below
  //              it to be 0: a 1 from two 1s, or from a 1 and the carry that zeroed it)
  //   f=1, no=1: x1 + y1 == 0xFFFF  <=> x1 ^ y1 == 0xFFFF (then no bit makes a carry)
  //   f=0, no=0: x1 & y1 == 0;   f=0, no=1: x1 & y1 == 0xFFFF
  // Each bit's test looks at two neighbouring bits only, so it is as fast as x1 and y1.
  // (tests/integration/alu_fpga_equiv.sh proves this ALU equal to the gate-level one.)
  wire [15:0] carryIn = {x1[14:0] | y1[14:0], 1'b0};
  wire [15:0] bitOk = f ? (no ? x1 ^ y1 : ~(x1 ^ y1 ^ carryIn)) : (no ? x1 & y1 : ~(x1 & y1));
  assign zr = &bitOk;
`else
  wire lo, hi, any;
  Or8Way o1 (.in(out[7:0]), .out(lo));
  Or8Way o2 (.in(out[15:8]), .out(hi));
  Or     o3 (.a(lo), .b(hi), .out(any));
  Not    z  (.in(any), .out(zr));
`endif
  assign ng = out[15];
endmodule
`default_nettype wire

// RAM8: eight Registers; DMux8Way routes load, Mux8Way16 selects the output.
`default_nettype none
module RAM8 (input wire clk, input wire [15:0] in, input wire load, input wire [2:0] address,
             output wire [15:0] out);
  wire [7:0] l;
  wire [15:0] r0, r1, r2, r3, r4, r5, r6, r7;
  DMux8Way dm (.in(load), .sel(address), .a(l[0]), .b(l[1]), .c(l[2]), .d(l[3]), .e(l[4]), .f(l[5]), .g(l[6]), .h(l[7]));
  Register g0 (.clk(clk), .in(in), .load(l[0]), .out(r0));
  Register g1 (.clk(clk), .in(in), .load(l[1]), .out(r1));
  Register g2 (.clk(clk), .in(in), .load(l[2]), .out(r2));
  Register g3 (.clk(clk), .in(in), .load(l[3]), .out(r3));
  Register g4 (.clk(clk), .in(in), .load(l[4]), .out(r4));
  Register g5 (.clk(clk), .in(in), .load(l[5]), .out(r5));
  Register g6 (.clk(clk), .in(in), .load(l[6]), .out(r6));
  Register g7 (.clk(clk), .in(in), .load(l[7]), .out(r7));
  Mux8Way16 mx (.a(r0), .b(r1), .c(r2), .d(r3), .e(r4), .f(r5), .g(r6), .h(r7), .sel(address), .out(out));
endmodule
`default_nettype wire

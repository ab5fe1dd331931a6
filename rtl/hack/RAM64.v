// RAM64: 8 x RAM8; address[5:3] picks the RAM8, address[2:0] the word in it.
`default_nettype none
module RAM64 (input wire clk, input wire [15:0] in, input wire load, input wire [5:0] address,
             output wire [15:0] out);
  wire [7:0] l;
  wire [15:0] r0, r1, r2, r3, r4, r5, r6, r7;
  DMux8Way dm (.in(load), .sel(address[5:3]), .a(l[0]), .b(l[1]), .c(l[2]), .d(l[3]), .e(l[4]), .f(l[5]), .g(l[6]), .h(l[7]));
  RAM8 m0 (.clk(clk), .in(in), .load(l[0]), .address(address[2:0]), .out(r0));
  RAM8 m1 (.clk(clk), .in(in), .load(l[1]), .address(address[2:0]), .out(r1));
  RAM8 m2 (.clk(clk), .in(in), .load(l[2]), .address(address[2:0]), .out(r2));
  RAM8 m3 (.clk(clk), .in(in), .load(l[3]), .address(address[2:0]), .out(r3));
  RAM8 m4 (.clk(clk), .in(in), .load(l[4]), .address(address[2:0]), .out(r4));
  RAM8 m5 (.clk(clk), .in(in), .load(l[5]), .address(address[2:0]), .out(r5));
  RAM8 m6 (.clk(clk), .in(in), .load(l[6]), .address(address[2:0]), .out(r6));
  RAM8 m7 (.clk(clk), .in(in), .load(l[7]), .address(address[2:0]), .out(r7));
  Mux8Way16 mx (.a(r0), .b(r1), .c(r2), .d(r3), .e(r4), .f(r5), .g(r6), .h(r7), .sel(address[5:3]), .out(out));
endmodule
`default_nettype wire

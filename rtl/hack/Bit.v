// Bit: a 1-bit register: if load, out(t+1) = in(t), else it keeps its value.
`default_nettype none
module Bit (input wire clk, input wire in, input wire load, output wire out);
  wire d;
  Mux m (.a(out), .b(in), .sel(load), .out(d));
  DFF ff (.clk(clk), .in(d), .out(out));
endmodule
`default_nettype wire

// PC: the program counter. Priority: reset (to 0), then load (in), then inc (+1).
`default_nettype none
module PC (input wire clk, input wire [15:0] in, input wire load, input wire inc, input wire reset,
           output wire [15:0] out);
  wire [15:0] plus1, a, b, c;
  Inc16 i1 (.in(out), .out(plus1));
  Mux16 m1 (.a(out), .b(plus1), .sel(inc), .out(a));
  Mux16 m2 (.a(a), .b(in), .sel(load), .out(b));
  Mux16 m3 (.a(b), .b(16'd0), .sel(reset), .out(c));
  Register r (.clk(clk), .in(c), .load(1'b1), .out(out));
endmodule
`default_nettype wire

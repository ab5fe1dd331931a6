// A level-sensitive latch on a board, as a nandflow netlist has them (an nf_dlatch cell
// from nf_cells.v): open for one half of a slow counter's period, its LEDs follow a faster
// bit, then hold the last value for the other half. Yosys maps the latch to a LUT feeding
// itself. Only clk and the LEDs, so that every board's constraints fit.
module latch_blink #(parameter CLOCK_HZ = 12000000, parameter LEDS = 5) (
  input  wire            clk,
  output wire [LEDS-1:0] led
);
  reg [24:0] count = 0;
  always @(posedge clk) count <= count + 1'b1;
  wire held;
  nf_dlatch hold (.E(count[24]), .D(count[21]), .Q(held));
  assign led = {LEDS{held}};
endmodule

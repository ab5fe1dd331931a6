// clock_top: a design's top level (clk, [uart_rx,] uart_tx, led) run from a clock derived
// from the board's: the chip's PLL, for a design faster than the oscillator (PLL_MHZ), or a
// divider, for one slower than it (CLOCK_DIV, even). fpga/Makefile generates board_pll
// (icepll for iCE40, ecppll for ECP5: clock_in, clock_out, locked) and defines DESIGN_TOP,
// DESIGN_LEDS, CLOCK_DIV when dividing and, for a design with a serial input,
// DESIGN_HAS_UART_RX. The design keeps its own power-on reset, counted on its clock.
`default_nettype none
module clock_top (
    input  wire                   clk,
`ifdef DESIGN_HAS_UART_RX
    input  wire                   uart_rx,
`endif
    output wire                   uart_tx,
    output wire [`DESIGN_LEDS-1:0] led
);
  wire design_clk;
`ifdef CLOCK_DIV
  // Divided: a flip-flop that toggles every CLOCK_DIV / 2 cycles (the tools give it a global
  // buffer of its own).
  reg [$clog2(`CLOCK_DIV)-1:0] count = 0;
  reg slow = 1'b0;
  always @(posedge clk) begin
    count <= count == `CLOCK_DIV / 2 - 1 ? 0 : count + 1'b1;
    if (count == `CLOCK_DIV / 2 - 1) slow <= !slow;
  end
  assign design_clk = slow;
`else
  /* verilator lint_off UNUSEDSIGNAL */
  wire locked;
  /* verilator lint_on UNUSEDSIGNAL */
  board_pll pll (.clock_in(clk), .clock_out(design_clk), .locked(locked));
`endif
  `DESIGN_TOP design (
      .clk(design_clk),
`ifdef DESIGN_HAS_UART_RX
      .uart_rx(uart_rx),
`endif
      .uart_tx(uart_tx),
      .led(led));
endmodule
`default_nettype wire

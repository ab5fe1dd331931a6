// pll_top: a design's top level (clk, [uart_rx,] uart_tx, led) run from the chip's PLL, for a
// design that is faster than the board's oscillator. fpga/Makefile generates board_pll
// (icepll for iCE40, ecppll for ECP5: clock_in, clock_out, locked) and defines DESIGN_TOP,
// DESIGN_LEDS and, for a design with a serial input, DESIGN_HAS_UART_RX. The design keeps
// its own power-on reset, counted on the PLL's clock.
`default_nettype none
module pll_top (
    input  wire                   clk,
`ifdef DESIGN_HAS_UART_RX
    input  wire                   uart_rx,
`endif
    output wire                   uart_tx,
    output wire [`DESIGN_LEDS-1:0] led
);
  wire design_clk;
  /* verilator lint_off UNUSEDSIGNAL */
  wire locked;
  /* verilator lint_on UNUSEDSIGNAL */
  board_pll pll (.clock_in(clk), .clock_out(design_clk), .locked(locked));
  `DESIGN_TOP design (
      .clk(design_clk),
`ifdef DESIGN_HAS_UART_RX
      .uart_rx(uart_rx),
`endif
      .uart_tx(uart_tx),
      .led(led));
endmodule
`default_nettype wire

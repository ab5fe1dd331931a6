// hack_top: the Hack SoC as a board's top level. Port names match every board's
// constraint file in fpga/boards (clk, uart_tx, led[0..LEDS-1]). The program comes
// from the HACK_PROGRAM macro (see HackSoC).
`default_nettype none
module hack_top #(
    parameter CLOCK_HZ  = 12000000,
    parameter BAUD      = 115200,
    parameter ROM_WORDS = 2048,
    parameter RAM_WORDS = 2048,
    parameter LEDS      = 8         // how many LEDs the board has (bits 0 .. LEDS-1 of 0x6001)
) (
    input  wire            clk,
    output wire            uart_tx,
    output wire [LEDS-1:0] led
);
  // Power-on reset: hold the CPU in reset for the first 15 cycles. iCE40 and ECP5
  // flip-flops start at 0 after configuration, so the counter needs no reset itself.
  reg [3:0] startup = 4'd0;
  wire reset = startup != 4'hF;
  always @(posedge clk) if (reset) startup <= startup + 4'd1;

  wire [7:0] leds;
  HackSoC #(.ROM_WORDS(ROM_WORDS), .RAM_WORDS(RAM_WORDS), .CLOCK_HZ(CLOCK_HZ), .BAUD(BAUD))
      soc (.clk(clk), .reset(reset), .uart_tx(uart_tx), .leds(leds));
  assign led = leds[LEDS-1:0];
  /* verilator lint_off UNUSEDSIGNAL */
  wire [7:0] unusedLeds = leds;  // boards with fewer than 8 LEDs show the low bits
  /* verilator lint_on UNUSEDSIGNAL */
endmodule
`default_nettype wire

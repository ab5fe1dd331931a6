// upduino3_top: a design's top level (clk, uart_tx, led[2:0]) on the UPduino v3, which has no
// clock of its own by default. The UP5K's internal 48 MHz oscillator, divided by 4, gives
// the 12 MHz clock; the design's LEDs 0, 1, 2 light the RGB LED's red, green and blue through
// the chip's LED driver (the pins sink current: they cannot be plain outputs).
// The module inside is named by the BOARD_INNER macro (fpga/Makefile sets it): the design's
// top, or boards/clock_top.v around it when the design runs from a divided clock.
`default_nettype none
module upduino3_top (
    output wire uart_tx,
    output wire led_red,
    output wire led_green,
    output wire led_blue
);
  wire clk;
  SB_HFOSC #(.CLKHF_DIV("0b10")) oscillator (.CLKHFPU(1'b1), .CLKHFEN(1'b1), .CLKHF(clk));  // 48 MHz / 4

  wire [2:0] led;
  `BOARD_INNER design (.clk(clk), .uart_tx(uart_tx), .led(led));

  SB_RGBA_DRV #(.CURRENT_MODE("0b1"), .RGB0_CURRENT("0b000001"), .RGB1_CURRENT("0b000001"),
                .RGB2_CURRENT("0b000001")) rgb (
      .CURREN(1'b1), .RGBLEDEN(1'b1), .RGB0PWM(led[1]), .RGB1PWM(led[2]), .RGB2PWM(led[0]),
      .RGB0(led_green), .RGB1(led_blue), .RGB2(led_red));
endmodule
`default_nettype wire

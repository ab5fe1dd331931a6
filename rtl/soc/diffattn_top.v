// diffattn_top: the differential-attention accelerator as a board's top level, driven over
// the board's serial port (diffattn_bridge: the command protocol; diffattn-host: the host
// side). Port names match the constraint files in fpga/boards (clk, uart_rx, uart_tx,
// led[0..LEDS-1]). LED 0 is lit while a head runs, LED 1 blinks to show the clock runs.
`default_nettype none
// Where the accelerator's tables are (the FPGA flow points this at rtl/diffattn/tables).
`ifndef DIFFATTN_TABLES
`define DIFFATTN_TABLES "."
`endif
module diffattn_top #(
    parameter CLOCK_HZ = 12000000,
    parameter BAUD     = 1000000,       // the FT2232H and the host take 1 Mbaud
    parameter LEDS     = 2,
    // the accelerator's synthesis parameters (rtl/diffattn/diffattn.v)
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,
    parameter NARROW = 0,              // 8 x 8 lanes (diffattn_lanes)
    parameter HAS_NORM = 0,
    parameter EXP2_TABLE = {`DIFFATTN_TABLES, "/exp2.hex"},
    parameter RSQRT_TABLE = {`DIFFATTN_TABLES, "/rsqrt.hex"},
    parameter O_SPRAM = 0,         // O in the UP5K's SPRAM
    parameter Q_SPRAM = 0,         // Q1 and Q2 in another
    parameter SPLIT = 0,           // DOT and OUT on lanes of their own
    parameter OUT_LANES = 4
) (
    input  wire            clk,
    input  wire            uart_rx,
    output wire            uart_tx,
    output wire [LEDS-1:0] led
);
  // Power-on reset: iCE40 and ECP5 flip-flops start at 0 after configuration.
  reg [3:0] startup = 4'd0;
  wire reset = startup != 4'hF;
  always @(posedge clk) if (reset) startup <= startup + 4'd1;

  wire       rx_valid, tx_start, tx_busy;
  wire [7:0] rx_data, tx_data;
  uart_rx #(.CLOCK_HZ(CLOCK_HZ), .BAUD(BAUD)) receiver (
      .clk(clk), .reset(reset), .rx(uart_rx), .valid(rx_valid), .data(rx_data));
  /* verilator lint_off PINCONNECTEMPTY */
  uart_tx #(.CLOCK_HZ(CLOCK_HZ), .BAUD(BAUD)) transmitter (
      .clk(clk), .reset(reset), .start(tx_start), .data(tx_data), .busy(tx_busy),
      .busy_next(), .tx(uart_tx));  // the bridge waits on busy itself
  /* verilator lint_on PINCONNECTEMPTY */

  wire        bus_write, bus_read, busy, done;
  reg         busy_seen = 1'b0;  // busy a cycle late (below)
  wire [19:0] bus_addr;
  wire [31:0] bus_wdata, bus_rdata;
  diffattn_bridge bridge (
      .clk(clk), .reset(reset), .rx_valid(rx_valid), .rx_data(rx_data), .tx_start(tx_start),
      .tx_data(tx_data), .tx_busy(tx_busy), .bus_write(bus_write), .bus_read(bus_read),
      .bus_addr(bus_addr), .bus_wdata(bus_wdata), .bus_rdata(bus_rdata), .busy(busy_seen));
  diffattn #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(LANES), .NARROW(NARROW), .HAS_NORM(HAS_NORM),
             .EXP2_TABLE(EXP2_TABLE), .RSQRT_TABLE(RSQRT_TABLE), .O_SPRAM(O_SPRAM), .Q_SPRAM(Q_SPRAM),
             .SPLIT(SPLIT), .OUT_LANES(OUT_LANES)) accelerator (
      .clk(clk), .reset(reset), .bus_write(bus_write), .bus_read(bus_read), .bus_addr(bus_addr),
      .bus_wdata(bus_wdata), .bus_rdata(bus_rdata), .busy(busy), .done(done));

  // busy a cycle late, for the bridge and the LED: the wire would otherwise run from the
  // sequencer's state across the chip to the pin and through the bridge's command logic in one
  // clock (the iCEBreaker's longest path). A cycle does not matter to either: the bridge waits
  // on it only for a 'D' command, which comes a whole serial byte after the start's reply.
  always @(posedge clk) busy_seen <= busy;

  reg [23:0] heartbeat = 24'd0;
  always @(posedge clk) heartbeat <= heartbeat + 24'd1;
  wire [7:0] leds = {5'd0, done, heartbeat[23], busy_seen};
  assign led = leds[LEDS-1:0];
endmodule
`default_nettype wire

// Runs the Hack SoC's bitstream, turned back into Verilog by icebox_vlog (module
// hack_pb), with Yosys's iCE40 cell models, and prints what it sends on the UART:
// the check that the packed bitstream computes what the RTL does.
`timescale 1ns / 1ps
module postpack_tb;
  parameter BIT = 104;        // clocks per UART bit (board clock / 115200)
  parameter CYCLES = 300000;  // enough for a short program's output
  reg clk = 1'b0;
  wire tx;
  hack_pb dut (.clk(clk), .uart_tx(tx));
  always #5 clk = ~clk;

  initial begin
    repeat (CYCLES) @(posedge clk);
    $display("");
    $finish;
  end
  wire [7:0] c;
  wire got;
  uart_sink #(.BIT(BIT)) sink (.clk(clk), .line(tx), .data(c), .strobe(got));
  always @(posedge got) $write("%c", c);
endmodule

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

  // 8N1: wait for a start bit, sample each data bit in its middle.
  integer k;
  reg [7:0] c;
  initial begin
    repeat (CYCLES) @(posedge clk);
    $display("");
    $finish;
  end
  always begin
    @(negedge tx);
    repeat (BIT / 2) @(posedge clk);
    if (tx == 1'b0) begin
      for (k = 0; k < 8; k = k + 1) begin
        repeat (BIT) @(posedge clk);
        c[k] = tx;
      end
      repeat (BIT) @(posedge clk);
      $write("%c", c);
    end
  end
endmodule

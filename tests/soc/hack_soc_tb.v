// Runs the Hack SoC top level (hack_top: the RTL, or the netlist icebox_vlog reads back
// from a packed bitstream) and prints what it sends on the UART.
//   +chars=N     stop after N characters (default 13)
//   +cycles=N    give up after N clock cycles (default 100000)
//   +bit=N       clock cycles per UART bit (default 104: 12 MHz, 115200 baud)
// With -DHACK_PROGRAM='"file.hack"' the RTL's ROM is loaded from that file.
`timescale 1ns / 1ps
module hack_soc_tb;
  reg clk = 1'b0;
  wire tx;
  wire [7:0] led;
  hack_top dut (.clk(clk), .uart_tx(tx), .led(led));
`ifdef HACK_PROGRAM
  defparam dut.soc.PROGRAM = `HACK_PROGRAM;
`endif

  integer chars, cycles, bit_cycles, received = 0, cycle = 0, k;
  reg [7:0] byte_in;
  always #1 clk = ~clk;
  always @(posedge clk) cycle <= cycle + 1;

  task wait_cycles(input integer n);
    integer j;
    for (j = 0; j < n; j = j + 1) @(posedge clk);
  endtask

  initial begin
    if (!$value$plusargs("chars=%d", chars)) chars = 13;
    if (!$value$plusargs("cycles=%d", cycles)) cycles = 100000;
    if (!$value$plusargs("bit=%d", bit_cycles)) bit_cycles = 104;
    while (received < chars) begin
      @(negedge tx);                       // the start bit
      wait_cycles(bit_cycles + bit_cycles / 2);
      for (k = 0; k < 8; k = k + 1) begin  // eight data bits, LSB first, sampled mid-bit
        byte_in[k] = tx;
        wait_cycles(bit_cycles);
      end
      $write("%c", byte_in);
      received = received + 1;
    end
    $display("");
    $display("[%0d characters in %0d cycles]", received, cycle);
    $finish;
  end
  initial begin
    wait (cycle == cycles);
    $display("");
    $display("TIMEOUT after %0d cycles, %0d characters", cycle, received);
    $finish;
  end
endmodule

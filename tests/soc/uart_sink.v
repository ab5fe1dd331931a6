// The receiving end of a UART line in a testbench: 8N1 at BIT clocks per bit, each bit
// sampled in its middle; `strobe` is high for one clock with each byte in `data`.
`timescale 1ns / 1ps
module uart_sink #(
    parameter BIT = 104
) (
    input  wire       clk,
    input  wire       line,
    output reg  [7:0] data,
    output reg        strobe = 1'b0
);
  integer k;
  always begin
    @(negedge line);
    repeat (BIT / 2) @(posedge clk);
    if (line == 1'b0) begin              // still low: a start bit
      for (k = 0; k < 8; k = k + 1) begin
        repeat (BIT) @(posedge clk);
        data[k] = line;
      end
      repeat (BIT) @(posedge clk);
      strobe = 1'b1;
      @(posedge clk);
      strobe = 1'b0;
    end
  end
endmodule

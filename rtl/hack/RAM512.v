// RAM512: 512 words of 16 bits. Built from eight smaller RAMs it would hold 8192
// flip-flops as separate instances, which no simulator enjoys, so like the
// course's built-in chip it is a memory array: same interface, same timing
// (combinational read, write at the clock edge when load is 1).
`default_nettype none
module RAM512 (input wire clk, input wire [15:0] in, input wire load, input wire [8:0] address,
             output wire [15:0] out);
  reg [15:0] mem [0:511];
  // Power-up contents are zero in simulation; synthesis (Yosys defines SYNTHESIS)
  // skips the 512-step loop.
`ifndef SYNTHESIS
  integer i;
  initial for (i = 0; i < 512; i = i + 1) mem[i] = 16'd0;
`endif
  always @(posedge clk) if (load) mem[address] <= in;
  assign out = mem[address];
endmodule
`default_nettype wire

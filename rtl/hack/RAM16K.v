// RAM16K: 16384 words of 16 bits. Built from eight smaller RAMs it would hold 262144
// flip-flops as separate instances, which no simulator enjoys, so like the
// course's built-in chip it is a memory array: same interface, same timing
// (combinational read, write at the clock edge when load is 1).
`default_nettype none
module RAM16K (input wire clk, input wire [15:0] in, input wire load, input wire [13:0] address,
             output wire [15:0] out);
  reg [15:0] mem [0:16383] /*verilator public*/;  // public: hacksim reads and pokes it
  // Power-up contents are zero in simulation; synthesis (Yosys defines SYNTHESIS)
  // skips the 16384-step loop.
`ifndef SYNTHESIS
  integer i;
  initial for (i = 0; i < 16384; i = i + 1) mem[i] = 16'd0;
`endif
  always @(posedge clk) if (load) mem[address] <= in;
  assign out = mem[address];
endmodule
`default_nettype wire

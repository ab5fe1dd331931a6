// WordArray: 2^ADDRESS_BITS words of 16 bits with the timing of the course's RAM
// chips: the output follows the address at once, a write happens at the clock
// edge when load is 1. RAM512, RAM4K, RAM16K and Screen are this array; built
// from Registers they would hold up to 262,144 flip-flop instances, which no
// simulator enjoys (the course's own simulator makes them built-in chips too).
`default_nettype none
module WordArray #(parameter ADDRESS_BITS = 9) (
    input  wire                    clk,
    input  wire [15:0]             in,
    input  wire                    load,
    input  wire [ADDRESS_BITS-1:0] address,
    output wire [15:0]             out
);
  reg [15:0] mem [0:(1 << ADDRESS_BITS) - 1] /*verilator public*/;  // public: hacksim reads it
  // Power-up contents are zero in simulation; synthesis (Yosys defines SYNTHESIS)
  // skips the loop.
`ifndef SYNTHESIS
  integer i;
  initial for (i = 0; i < (1 << ADDRESS_BITS); i = i + 1) mem[i] = 16'd0;
`endif
  always @(posedge clk) if (load) mem[address] <= in;
  assign out = mem[address];
endmodule
`default_nettype wire

// Screen: 8K words of screen memory (256 rows x 512 pixels, bit 0 of a word is
// its leftmost pixel). Same interface and timing as a RAM.
`default_nettype none
module Screen (input wire clk, input wire [15:0] in, input wire load, input wire [12:0] address,
               output wire [15:0] out);
  reg [15:0] mem [0:8191] /*verilator public*/;  // public: hacksim draws it
  // Power-up contents are zero in simulation; synthesis (Yosys defines SYNTHESIS)
  // skips the 8192-step loop.
`ifndef SYNTHESIS
  integer i;
  initial for (i = 0; i < 8192; i = i + 1) mem[i] = 16'd0;
`endif
  always @(posedge clk) if (load) mem[address] <= in;
  assign out = mem[address];
endmodule
`default_nettype wire

// ROM32K: the instruction memory, loaded at start from a .hack file (one 16-bit
// binary word per line) named by the PROGRAM parameter, or by the simulator.
`default_nettype none
module ROM32K #(parameter PROGRAM = "") (input wire [14:0] address, output wire [15:0] out);
  reg [15:0] words [0:32767] /*verilator public*/;  // public: hacksim loads programs into it
`ifndef SYNTHESIS
  integer i;
  initial begin
    for (i = 0; i < 32768; i = i + 1) words[i] = 16'd0;
    if (PROGRAM != "") $readmemb(PROGRAM, words);
  end
`endif
  assign out = words[address];
endmodule
`default_nettype wire

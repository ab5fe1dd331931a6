// Computer: the whole Hack computer. The ROM feeds the CPU, the CPU drives the
// data memory. Hold reset at 1 for a cycle to start the program from address 0.
`default_nettype none
module Computer #(parameter PROGRAM = "") (
    input  wire        clk,
    input  wire        reset,
    input  wire [15:0] key      // the key currently pressed (0: none)
);
  wire [15:0] instruction, inM, outM;
  wire writeM;
  wire [14:0] addressM, pc;
  ROM32K #(.PROGRAM(PROGRAM)) rom (.address(pc), .out(instruction));
  CPU cpu (.clk(clk), .inM(inM), .instruction(instruction), .reset(reset), .outM(outM), .writeM(writeM),
           .addressM(addressM), .pc(pc));
  Memory memory (.clk(clk), .in(outM), .load(writeM), .address(addressM), .key(key), .out(inM));
endmodule
`default_nettype wire

// The FPGA SoC's HackCore beside the chip-built CPU (rtl/hack/CPU.v), fed the same inputs:
// bad is 1 when any output differs, or when matchesA says something other than whether the
// ALU's result equals A in bits 0..i (tests/integration/hack_core_equiv.sh).
`default_nettype none
module hack_core_miter (
    input  wire        clk,
    input  wire [15:0] inM,
    input  wire [15:0] instruction,
    input  wire        reset,
    output wire        bad
);
  wire [15:0] outM, coreOutM;
  wire        writeM, coreWriteM, coreJumps;
  wire [14:0] addressM, coreAddressM, pc, corePc, matchesA;
  CPU cpu (.clk(clk), .inM(inM), .instruction(instruction), .reset(reset), .outM(outM), .writeM(writeM),
           .addressM(addressM), .pc(pc));
  HackCore core (.clk(clk), .inM(inM), .instruction(instruction), .reset(reset), .outM(coreOutM),
                 .writeM(coreWriteM), .addressM(coreAddressM), .pc(corePc), .jumps(coreJumps),
                 .matchesA(matchesA));
  wire [14:0] expected;
  genvar i;
  generate for (i = 0; i < 15; i = i + 1) begin : prefix
    assign expected[i] = outM[i:0] == addressM[i:0];
  end endgenerate
  assign bad = outM != coreOutM || writeM != coreWriteM || addressM != coreAddressM || pc != corePc ||
               matchesA != expected;
endmodule
`default_nettype wire

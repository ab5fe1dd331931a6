// HackCore: the Hack CPU as the FPGA SoC runs it. The same machine as rtl/hack/CPU.v (the
// CPU built chip by chip from NAND gates), with the same ports, and proven to behave the
// same (tests/integration/hack_core_equiv.sh), but written for an FPGA: the ALU as a few
// expressions that Yosys maps onto look-up tables and the carry chain, and two extra
// outputs that let HackSoC fetch one instruction per clock at a higher clock rate:
//   jumps       pc <- A at the next edge (the SoC picks between two prefetched words)
//   matchesA[i] the ALU's result equals A in bits 0..i (the SoC uses it to tell whether
//               an instruction such as AM=M-1 reads back, as its next M, the word it writes)
// Both are computed from the ALU's inputs without waiting for its adder's carries.
`default_nettype none
module HackCore (
    input  wire        clk,
    input  wire [15:0] inM,          // M = RAM[A]
    input  wire [15:0] instruction,
    input  wire        reset,        // 1: pc <- 0 at the next edge
    output wire [15:0] outM,
    output wire        writeM,
    output wire [14:0] addressM,
    output wire [14:0] pc,
    output wire        jumps,
    output wire [14:0] matchesA
);
  wire isC = instruction[15];
  wire aBit = instruction[12];                   // ALU y: 0 = A, 1 = M
  wire zx = instruction[11], nx = instruction[10], zy = instruction[9], ny = instruction[8];
  wire f = instruction[7], no = instruction[6];
  wire d1 = instruction[5], d2 = instruction[4], d3 = instruction[3];
  wire j1 = instruction[2], j2 = instruction[1], j3 = instruction[0];

  reg [15:0] A = 16'd0, D = 16'd0, pcReg = 16'd0;

  // The ALU: x and y zeroed and negated, added or and-ed, the result negated.
  wire [15:0] x = (zx ? 16'd0 : D) ^ {16{nx}};
  wire [15:0] y = (zy ? 16'd0 : aBit ? inM : A) ^ {16{ny}};
  wire [15:0] result = (f ? x + y : x & y) ^ {16{no}};

  // Whether result equals a word k in bits 0..i, without the carries. For the sum: x + y
  // equals k' = k ^ no exactly when x + y + ~k' is all ones; in carry-save form that is
  // s + (c << 1) with s = x ^ y ^ ~k' and c = majority(x, y, ~k'), and a sum of two words
  // is all ones exactly when no bit of both is 1, that is when s ^ (c << 1) is all ones.
  // So bit i agrees (given the bits below it do) when x ^ y ^ k' ^ c[i-1] is 0. For the
  // AND, when (x & y) ^ k' is 0. Each bit looks at itself and its neighbour only.
  // (A function of its arguments only: simulators re-evaluate a continuous assignment
  // when the arguments of a function in it change, not the module's signals it reads.)
  function [15:0] agrees(input [15:0] xv, input [15:0] yv, input [15:0] k, input add, input negate);
    reg [15:0] kk, c;
    begin
      kk = k ^ {16{negate}};
      c = (xv & yv) | (xv & ~kk) | (yv & ~kk);
      agrees = add ? ~(xv ^ yv ^ kk ^ {c[14:0], 1'b0}) : ~((xv & yv) ^ kk);
    end
  endfunction
  wire [15:0] zeroBits = agrees(x, y, 16'd0, f, no);   // zr: the result is 0
  wire [15:0] aBits = agrees(x, y, A, f, no);
  genvar i;
  generate for (i = 0; i < 15; i = i + 1) begin : prefix
    assign matchesA[i] = &aBits[i:0];
  end endgenerate
  wire zr = &zeroBits, ng = result[15];

  assign jumps = isC & ((j1 & ng) | (j2 & zr) | (j3 & ~zr & ~ng));
  always @(posedge clk) begin
    if (!isC) A <= instruction;
    else if (d1) A <= result;
    if (isC & d2) D <= result;
    pcReg <= reset ? 16'd0 : jumps ? A : pcReg + 16'd1;
  end

  assign outM = result;
  assign writeM = isC & d3;
  assign addressM = A[14:0];
  assign pc = pcReg[14:0];
  /* verilator lint_off UNUSEDSIGNAL */
  wire unusedHighBits = aBits[15] ^ pcReg[15];  // matchesA stops at bit 14; bit 15 of pc never leaves
  /* verilator lint_on UNUSEDSIGNAL */
endmodule
`default_nettype wire

// CPU: the Hack central processing unit (nand2tetris project 5).
// One instruction per clock. outM and writeM are combinational; addressM and pc
// are register outputs, so a write goes to the OLD value of A and a jump goes to
// the OLD value of A, exactly as the course's CPU.tst expects.
`default_nettype none
module CPU (
    input  wire        clk,
    input  wire [15:0] inM,          // M = RAM[A]
    input  wire [15:0] instruction,
    input  wire        reset,        // 1: pc <- 0 at the next edge
    output wire [15:0] outM,
    output wire        writeM,
    output wire [14:0] addressM,
    output wire [14:0] pc
);
  // Decode: bit 15 tells an A-instruction (0) from a C-instruction (1).
  wire isC = instruction[15];
  wire aBit = instruction[12];                   // ALU y: 0 = A, 1 = M
  wire d1 = instruction[5], d2 = instruction[4], d3 = instruction[3];
  wire j1 = instruction[2], j2 = instruction[1], j3 = instruction[0];

  wire [15:0] A, D, aluOut, aIn, y;
  wire zr, ng;

  // A takes the instruction itself (@value) or, for dest A, the ALU output.
  Mux16 aSel (.a(instruction), .b(aluOut), .sel(isC), .out(aIn));
  Register aReg (.clk(clk), .in(aIn), .load(~isC | d1), .out(A));
  Register dReg (.clk(clk), .in(aluOut), .load(isC & d2), .out(D));

  Mux16 ySel (.a(A), .b(inM), .sel(aBit), .out(y));
  ALU alu (.x(D), .y(y), .zx(instruction[11]), .nx(instruction[10]), .zy(instruction[9]),
           .ny(instruction[8]), .f(instruction[7]), .no(instruction[6]), .out(aluOut), .zr(zr), .ng(ng));

  assign outM = aluOut;
  assign writeM = isC & d3;
  assign addressM = A[14:0];

  // Jump if the ALU output is <0, =0 or >0 as the j bits ask.
  wire jump = isC & ((j1 & ng) | (j2 & zr) | (j3 & ~zr & ~ng));
  wire [15:0] pcOut;
  PC counter (.clk(clk), .in(A), .load(jump), .inc(1'b1), .reset(reset), .out(pcOut));
  assign pc = pcOut[14:0];
  /* verilator lint_off UNUSEDSIGNAL */
  wire unusedHighBits = A[15] ^ pcOut[15];  // bit 15 of A and PC never leaves the CPU
  /* verilator lint_on UNUSEDSIGNAL */
endmodule
`default_nettype wire

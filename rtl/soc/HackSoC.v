// HackSoC: the Hack CPU running one instruction per clock from block RAM, with a UART and
// LEDs where the keyboard lives in the Hack memory map. The CPU is HackCore on FPGAs
// (HACK_FPGA; proven to behave as rtl/hack/CPU.v), or any CPU with the nand2tetris ports.
//
// Memory map (16-bit words):
//   0x0000 .. RAM_WORDS-1   data RAM (block RAM; the full Hack machine has 16K words)
//   0x6000  KBD             reads 0 (no keyboard and no UART receiver yet)
//   0x6001  LEDS            write: bits 7..0 drive the LEDs; read: the LEDs
//   0x6002  UART            write: send bits 7..0; read: 1 while the UART is busy
// Writes anywhere else are ignored. Reads decode fewer address bits, as small computers
// often do, so that where M comes from is known one gate after the ALU: bit 14 picks RAM
// or I/O, then the RAM's address bits or the two lowest bits pick the word. So reads of
// RAM_WORDS .. 0x3FFF repeat the RAM, and reads of 0x4000 .. 0x7FFF (the screen, absent
// here) repeat KBD, LEDS, UART and 0.
//
// Timing. The CPU needs its instruction (ROM[pc]) and M (RAM[A]) within the same clock
// cycle, but block RAM reads are clocked: each is read at the rising edge that starts the
// cycle, at an address chosen before it.
// - The instruction: the next pc is pc + 1, or A when the instruction jumps, and whether it
//   jumps is known only at the end of its cycle, after the ALU. So two copies of the ROM read
//   both words at the edge (pc + 1 and the A of before the edge, which a jump loads), and the
//   jump, registered, picks one after it: the ALU's result never reaches a ROM address.
//   (FPGA builds, HACK_FPGA, take the jump from HackCore, which knows it before its sum.)
// - M: the RAM reads where A goes at the edge (aNext: the instruction's value, the ALU's
//   result or A unchanged). Where M comes from instead (a device, or the word written at
//   the same edge, which the block RAM would not give) is decided before the edge too, and
//   only a 2-way choice is left after it.
// Everything is clocked on the rising edge.
`default_nettype none
// The program: a .hack file named by the HACK_PROGRAM macro (yosys/iverilog
// -DHACK_PROGRAM=\"file.hack\"), loaded into the ROM at synthesis. A macro, not only a
// parameter, because Yosys 0.23 loses a string parameter's type when it is passed down
// an instance, and $readmemb then finds no file.
`ifndef HACK_PROGRAM
`define HACK_PROGRAM ""
`endif
module HackSoC #(
    parameter PROGRAM   = `HACK_PROGRAM,
    parameter ROM_WORDS = 2048,     // two copies: 16 of the iCE40's 30 or 32 block RAMs
    parameter RAM_WORDS = 2048,
    parameter CLOCK_HZ  = 12000000,
    parameter BAUD      = 115200
) (
    input  wire       clk,
    input  wire       reset,        // 1: pc <- 0 (RAM keeps its contents)
    output wire       uart_tx,
    output reg  [7:0] leds = 8'd0
);
  localparam ROM_BITS = $clog2(ROM_WORDS);
  localparam RAM_BITS = $clog2(RAM_WORDS);

  wire [15:0] outM;
  wire        writeM;
  wire [14:0] addressM, pc;       // pc: the address of the instruction now
  wire [15:0] instruction;
  wire [15:0] inM;
  wire isC = instruction[15];     // a C-instruction (else an @value)

  // The CPU: on an FPGA (HACK_FPGA) HackCore, which also tells whether the instruction
  // jumps and whether its result equals A, both computed early; otherwise any CPU with the
  // nand2tetris ports (rtl/hack/CPU.v, or nandflow's NAND netlist of it), and the same two
  // facts worked out here from its outputs.
`ifdef HACK_FPGA
  wire        jump;
  wire [14:0] matchesA;
  /* verilator lint_off PINCONNECTEMPTY */
  HackCore cpu (.clk(clk), .inM(inM), .instruction(instruction), .reset(reset), .outM(outM),
                .writeM(writeM), .addressM(addressM), .pc(), .jumps(jump), .matchesA(matchesA));
  /* verilator lint_on PINCONNECTEMPTY */
  wire aluIsA = matchesA[RAM_BITS-1];          // in the RAM's address bits
`else
  CPU cpu (.clk(clk), .inM(inM), .instruction(instruction), .reset(reset), .outM(outM), .writeM(writeM),
           .addressM(addressM), .pc(pc));           // its own program counter
  wire zr = outM == 16'd0, ng = outM[15];
  wire jump = isC & ((instruction[2] & ng) | (instruction[1] & zr) | (instruction[0] & ~zr & ~ng));
  wire aluIsA = outM[RAM_BITS-1:0] == addressM[RAM_BITS-1:0];
`endif

  // Where A goes at the edge: the ALU's result (aFromAlu), or else A itself or an @value,
  // both known early (aEarly), so that aNext is one gate after the ALU.
  wire aFromAlu = isC & instruction[5];
  wire [14:0] aEarly = isC ? addressM : instruction[14:0];
  wire [14:0] aNext = aFromAlu ? outM[14:0] : aEarly;

  // ROM: one array read at two addresses; synthesis makes two copies in block RAM.
  reg [15:0] rom [0:ROM_WORDS-1];
  integer i;
  initial begin
    if (PROGRAM == "") begin
      for (i = 0; i < ROM_WORDS; i = i + 1) rom[i] = 16'd0;
    end else begin
`ifndef SYNTHESIS
      for (i = 0; i < ROM_WORDS; i = i + 1) rom[i] = 16'd0;  // words past the program read 0
`endif
      $readmemb(PROGRAM, rom);
    end
  end
  // The words at pc + 1 (seqWord) and at A (jumpWord), read at the edge at which pc goes to
  // one of them; jumped: it went to A, so jumpWord is the instruction now.
  reg  [15:0] seqWord = 16'd0, jumpWord = 16'd0;
  reg         jumped = 1'b0;
  wire [14:0] pcPlus1 = reset ? 15'd0 : pc + 15'd1;
  assign instruction = jumped ? jumpWord : seqWord;
  always @(posedge clk) begin
    seqWord  <= rom[pcPlus1[ROM_BITS-1:0]];
    jumpWord <= rom[addressM[ROM_BITS-1:0]];
    jumped   <= jump & ~reset;
  end
`ifdef HACK_FPGA
  // With HackCore, pc is kept here, as both candidates and `jumped`, rather than taken from
  // the core: then the jump, decided at the very end of the cycle, drives one flip-flop
  // instead of choosing each bit of a pc register (30.5 MHz on the UP5K instead of 28.3).
  reg [14:0] pcSeq = 15'd0, pcJump = 15'd0;
  always @(posedge clk) begin
    pcSeq  <= pcPlus1;
    pcJump <= addressM;
  end
  assign pc = jumped ? pcJump : pcSeq;
`endif

  // RAM: written at addressM and read at aNext at the same rising edge.
  // RAM_WORDS is a power of two: an address is in the RAM when its high bits are 0 (written
  // so, not as address < RAM_WORDS, which Yosys would build as a subtraction on the carry chain).
  wire isRam = addressM >> RAM_BITS == 15'd0;
  // no_rw_check: what the block RAM gives when it reads the word being written at the same
  // edge does not matter (M then comes from writtenWord, below), so Yosys need not add logic
  // that makes it the old word.
  (* no_rw_check *)
  reg [15:0] ram [0:RAM_WORDS-1];
  reg [15:0] ramOut = 16'd0;
  always @(posedge clk) begin
    if (writeM && isRam) ram[addressM[RAM_BITS-1:0]] <= outM;
    ramOut <= ram[aNext[RAM_BITS-1:0]];
  end

  // I/O registers.
  wire isLeds = addressM == 15'h6001;
  wire isUart = addressM == 15'h6002;
  wire uartBusy, uartBusyNext;
  wire [7:0] ledsNext = writeM && isLeds ? outM[7:0] : leds;
  always @(posedge clk) leds <= ledsNext;
  uart_tx #(.CLOCK_HZ(CLOCK_HZ), .BAUD(BAUD)) uart (
      .clk(clk), .reset(reset), .start(writeM && isUart), .data(outM[7:0]), .busy(uartBusy),
      .busy_next(uartBusyNext), .tx(uart_tx));

  // An I/O word as M reads it, by the two lowest address bits.
  function [15:0] deviceWord(input [1:0] register, input [7:0] ledsNow, input busyNow);
    deviceWord = register == 2'd1 ? {8'd0, ledsNow} : register == 2'd2 ? {15'd0, busyNow} : 16'd0;
  endfunction

  // What M reads after the edge: the RAM's word, unless aNext is I/O (bit 14), or is the RAM
  // word written at the same edge (then that word: outM). Decided before the edge, with as
  // little logic as possible after the ALU's result. When A comes from the ALU (aFromAlu),
  // the word written is the one read if the result equals A in the RAM's address bits
  // (aluIsA); otherwise aNext is A itself or an @value, and an @value writes nothing.
  wire sameWord = aFromAlu ? aluIsA : 1'b1;
  reg        useOther = 1'b0;     // M is not the RAM's word
  reg        useDevice = 1'b0;    // ... but an I/O word
  reg [15:0] writtenWord = 16'd0, deviceRead = 16'd0;
  always @(posedge clk) begin
    useOther <= aNext[14] || (writeM && isRam && sameWord);
    useDevice <= aNext[14];
    writtenWord <= outM;
    deviceRead <= deviceWord(aNext[1:0], ledsNext, uartBusyNext);
  end
  wire [15:0] otherWord = useDevice ? deviceRead : writtenWord;
  assign inM = useOther ? otherWord : ramOut;
endmodule
`default_nettype wire

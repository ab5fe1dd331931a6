// HackSoC: the Hack CPU of rtl/hack running one instruction per clock from block RAM,
// with a UART and LEDs where the keyboard lives in the Hack memory map.
//
// Memory map (16-bit words):
//   0x0000 .. RAM_WORDS-1   data RAM (block RAM; the full Hack machine has 16K words)
//   0x6000  KBD             reads 0 (no keyboard and no UART receiver yet)
//   0x6001  LEDS            write: bits 7..0 drive the LEDs; read: the LEDs
//   0x6002  UART            write: send bits 7..0; read: 1 while the UART is busy
// Any other address reads 0 and ignores writes.
//
// Timing. The CPU needs its instruction (ROM[pc]) and M (RAM[A]) within the same clock
// cycle, but block RAM reads are clocked. So the SoC works out, from the CPU's outputs,
// where pc and A go at the next rising edge (pcNext, aNext: the same few gates the CPU
// uses to load them), and the block RAMs read those addresses at that same edge: the
// instruction and M of the new cycle are there from its start. A RAM write and a read of
// the same address at one edge (M=D+1 followed by D=M) would read the old word, so the
// written word is passed on instead. Which device M reads (RAM, LEDs, UART) is decoded from
// aNext at the same edge too. Everything is clocked on the rising edge.
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
    parameter ROM_WORDS = 4096,
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
  wire [14:0] addressM, pc;
  reg  [15:0] instruction = 16'd0;
  wire [15:0] inM;

  CPU cpu (.clk(clk), .inM(inM), .instruction(instruction), .reset(reset), .outM(outM), .writeM(writeM),
           .addressM(addressM), .pc(pc));

  // Where the CPU goes next, from its outputs: A <- instruction or the ALU's result
  // (outM) when loaded; pc <- A on a jump (decided on the ALU's result: zero, negative),
  // else pc + 1; 0 in reset.
  wire isC = instruction[15];
  wire loadA = ~isC | instruction[5];
  wire [14:0] aNext = loadA ? (isC ? outM[14:0] : instruction[14:0]) : addressM;
  wire zr = outM == 16'd0, ng = outM[15];
  wire jump = isC & ((instruction[2] & ng) | (instruction[1] & zr) | (instruction[0] & ~zr & ~ng));
  wire [14:0] pcNext = reset ? 15'd0 : jump ? addressM : pc + 15'd1;

  // ROM: the program, read at the rising edge at pcNext.
  reg [15:0] rom [0:ROM_WORDS-1];
  integer i;
  // Yosys (0.23) applies a $readmemb before the assignments that precede it in the same
  // initial block, so zeroing the ROM first, as simulators want, gave the bitstream an
  // empty ROM: the zeroing is for simulators only (Yosys defines SYNTHESIS), and the
  // $readmemb sits in an if-else, which Yosys evaluates at elaboration.
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
  always @(posedge clk) instruction <= rom[pcNext[ROM_BITS-1:0]];

  // RAM: written at addressM and read at aNext at the same rising edge.
  wire isRam = addressM < RAM_WORDS;
  reg [15:0] ram [0:RAM_WORDS-1];
  reg [15:0] ramOut = 16'd0;
  reg [15:0] written = 16'd0;
  reg        bypass = 1'b0;       // the word read was written at the same edge
  always @(posedge clk) begin
    if (writeM && isRam) ram[addressM[RAM_BITS-1:0]] <= outM;
    ramOut <= ram[aNext[RAM_BITS-1:0]];
    bypass <= writeM && isRam && aNext == addressM;
    written <= outM;
  end
  wire [15:0] ramWord = bypass ? written : ramOut;

  // I/O registers.
  wire isLeds = addressM == 15'h6001;
  wire isUart = addressM == 15'h6002;
  wire uartBusy;
  always @(posedge clk) if (writeM && isLeds) leds <= outM[7:0];
  uart_tx #(.CLOCK_HZ(CLOCK_HZ), .BAUD(BAUD)) uart (
      .clk(clk), .reset(reset), .start(writeM && isUart), .data(outM[7:0]), .busy(uartBusy), .tx(uart_tx));

  // What M reads is decoded from A a cycle early (aNext), so that the decoder is not on the
  // path from A to the ALU.
  reg readRam = 1'b1, readLeds = 1'b0, readUart = 1'b0;
  always @(posedge clk) begin
    readRam <= aNext < RAM_WORDS;
    readLeds <= aNext == 15'h6001;
    readUart <= aNext == 15'h6002;
  end
  assign inM = readRam  ? ramWord
             : readLeds ? {8'd0, leds}
             : readUart ? {15'd0, uartBusy}
             : 16'd0;
endmodule
`default_nettype wire

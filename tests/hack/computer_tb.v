// A Verilog-only testbench for the Hack Computer, used to run a program on a Computer
// whose CPU is nandflow's NAND netlist (tests/integration/hack_cpu.sh). It prints RAM
// in hacksim's format, so the two runs can be compared line by line.
//   +program=FILE.hack  +cycles=N  +r0=V +r1=V (RAM[0], RAM[1] before the run)
//   +lo=A +hi=B         the RAM range to print
`timescale 1ns / 1ns
module computer_tb;
  reg clk = 0, reset = 1;
  Computer computer (.clk(clk), .reset(reset), .key(16'd0));

  reg [8*256-1:0] program_file;
  integer cycles, v, lo, hi, a;
  initial begin
    if (!$value$plusargs("program=%s", program_file)) $fatal(1, "no +program=FILE.hack");
    if (!$value$plusargs("cycles=%d", cycles)) cycles = 1000;
    if (!$value$plusargs("lo=%d", lo)) lo = 0;
    if (!$value$plusargs("hi=%d", hi)) hi = lo;
    #1;  // after the memories' own initial blocks have cleared them
    $readmemb(program_file, computer.rom.words);
    if ($value$plusargs("r0=%d", v)) computer.memory.ram.array.mem[0] = v[15:0];
    if ($value$plusargs("r1=%d", v)) computer.memory.ram.array.mem[1] = v[15:0];
    // One reset cycle, then the program, as hacksim runs it.
    #1 clk = 1; #1 clk = 0;
    reset = 0;
    repeat (cycles) begin #1 clk = 1; #1 clk = 0; end
    for (a = lo; a <= hi; a = a + 1)
      $display("RAM[%0d] = %0d", a, $signed(a < 16384 ? computer.memory.ram.array.mem[a]
                                                      : computer.memory.screen.array.mem[a - 16384]));
    $finish;
  end
endmodule

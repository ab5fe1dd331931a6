// hacktst's own CPU script (needs no ../shared): the built-ins ARegister[] and
// DRegister[] show the NEW register value on the "+" rows (after tick), while the
// pins addressM and pc still show the old one until tock.
load CPU.hdl,
output-file CPUPlus.out,
compare-to CPUPlus.cmp,
output-list time%S1.4.1 inM%D1.6.1 instruction%X1.4.1 reset outM%D1.6.1 writeM addressM%D1.5.1 pc%D1.5.1
            ARegister[]%D1.6.1 DRegister[]%D1.6.1;

set instruction %X0007, tick, output, tock, output;   // @7
set instruction %XEC10, tick, output, tock, output;   // D=A
set instruction 100, tick, output, tock, output;      // @100
set instruction %XE308, tick, output, tock, output;   // M=D
set instruction %XFDD8, set inM 41,                   // MD=M+1
tick, output, tock, output;
set instruction %B0000000000000011,                   // @3
tick, output, tock, output;
set instruction %XE301, tick, output, tock, output;   // D;JGT (D = 42 > 0: pc <- 3)
set instruction 5, set reset 1, tick, output, tock, output;  // @5 with reset: pc <- 0

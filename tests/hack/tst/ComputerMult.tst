// hacktst's own Computer script: loads a program from source (.asm is assembled on
// the way in), sets RAM through the RAM16K[] built-in, runs, and reads RAM back.
load Computer.hdl,
output-file ComputerMult.out,
compare-to ComputerMult.cmp,
output-list time%S1.4.1 reset RAM16K[0]%D1.6.1 RAM16K[1]%D1.6.1 RAM16K[2]%D1.6.1;
ROM32K load ../../../rtl/hack/programs/Mult.asm,
set RAM16K[0] 6, set RAM16K[1] 7, set RAM16K[2] 999,
set reset 1, tick, tock, output;
set reset 0,
repeat 300 { tick, tock }
output;

// hacktst's own script for a combinational chip: output-list items without a format
// (printed in binary at the pin's width), hex and decimal formats, pin bits.
load Mux4Way16.hdl,
output-file Mux4Way16.out,
compare-to Mux4Way16.cmp,
output-list a%X1.4.1 b%D1.6.1 c d sel out%X1.4.1;
set a %X1234, set b -2, set c %B1010101010101010, set d 7,
set sel 0, eval, output;
set sel[0] 1, eval, output;
set sel[1] 1, eval, output;
set sel %B10, eval, output;
repeat 2 { set sel 1, eval, output; }

// hacktst's own Memory script: the script waits until the keyboard register reads
// 'K' (75); hacktst presses the keys given with --key when a while loop starts.
load Memory.hdl,
output-file KeyWait.out,
compare-to KeyWait.cmp,
output-list address%X1.4.1 out%D1.6.1;
set address %X6000, eval, output;
while out <> 75 { tick, tock, }
output;

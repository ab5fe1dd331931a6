// a script with an error on its last line
load X.hdl,
output-list a%B1.1.1;
set a 1, eval, output;
repeat { tick, tock; }
while a <> 0 { set a 0; }
set a %Q12;

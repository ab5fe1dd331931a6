// not a program: assembler errors the fuzzer starts from
(LOOP
@-1
D=Q
0;JXX
(LOOP)
(LOOP)

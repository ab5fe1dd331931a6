// Sum.asm: RAM[1] = 1 + 2 + ... + RAM[0].
// A first program: a loop with a counter variable and a running total.
    @i
    M=1         // i = 1
    @R1
    M=0         // sum = 0
(LOOP)
    @i
    D=M
    @R0
    D=D-M
    @END
    D;JGT       // if i > RAM[0] goto END
    @i
    D=M
    @R1
    M=D+M       // sum = sum + i
    @i
    M=M+1       // i = i + 1
    @LOOP
    0;JMP
(END)
    @END
    0;JMP       // stay here

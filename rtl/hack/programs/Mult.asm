// Mult.asm (nand2tetris project 4): R2 = R0 * R1, for R0, R1 >= 0.
// The Hack CPU has no multiplier: add R0 to a running sum R1 times.
    @R2
    M=0         // product = 0
    @R1
    D=M
    @n
    M=D         // n = R1
(LOOP)
    @n
    D=M
    @END
    D;JLE       // while n > 0
    @R0
    D=M
    @R2
    M=D+M       // product += R0
    @n
    M=M-1
    @LOOP
    0;JMP
(END)
    @END
    0;JMP

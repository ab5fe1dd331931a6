// Max.asm: RAM[2] = the larger of RAM[0] and RAM[1] (signed, when their difference
// fits in 16 bits, as in the course's own Max).
// The CPU can only test the ALU output against zero, so compare by subtracting.
    @R0
    D=M
    @R1
    D=D-M       // D = R0 - R1
    @FIRST_IS_LARGER
    D;JGT
    @R1
    D=M         // R1 >= R0: the answer is R1
    @STORE
    0;JMP
(FIRST_IS_LARGER)
    @R0
    D=M
(STORE)
    @R2
    M=D
(END)
    @END
    0;JMP       // a Hack program ends in an endless loop

// Box.asm: draws a filled box of RAM[0] rows, 32 pixels wide, at the top left,
// one 16-pixel word at a time (bit 0 of a word is its leftmost pixel).
    @R0
    D=M
    @rows
    M=D
    @SCREEN
    D=A
    @addr
    M=D
(ROW)
    @rows
    D=M
    @END
    D;JLE
    @addr
    A=M
    M=-1        // 16 black pixels
    A=A+1
    M=-1        // 16 more
    @32
    D=A
    @addr
    M=D+M       // next row: 32 words further
    @rows
    M=M-1
    @ROW
    0;JMP
(END)
    @END
    0;JMP

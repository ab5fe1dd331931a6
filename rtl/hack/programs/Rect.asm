// Rect.asm: draws a filled rectangle 16 pixels wide and RAM[0] rows tall in the
// top-left corner of the screen. One screen row is 32 words of 16 pixels, so each
// row of the rectangle is one word set to -1 (all 16 bits on), 32 words further on.
    @R0
    D=M
    @rows
    M=D         // rows left to draw
    @SCREEN
    D=A
    @address
    M=D         // the first word of the current row
(LOOP)
    @rows
    D=M
    @END
    D;JLE       // done when no rows are left
    @address
    A=M
    M=-1        // 16 black pixels
    @32
    D=A
    @address
    M=D+M       // next row
    @rows
    M=M-1
    @LOOP
    0;JMP
(END)
    @END
    0;JMP

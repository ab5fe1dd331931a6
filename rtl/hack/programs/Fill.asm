// Fill.asm (nand2tetris project 4): while a key is pressed the screen turns
// black, otherwise white. Each pass writes all 8192 screen words with the
// colour chosen from the keyboard at the start of the pass.
(START)
    @KBD
    D=M
    @WHITE
    D;JEQ
    @colour
    M=-1        // a key is down: black (all 16 bits set)
    @PAINT
    0;JMP
(WHITE)
    @colour
    M=0
(PAINT)
    @SCREEN
    D=A
    @addr
    M=D         // addr = first screen word
(NEXT)
    @addr
    D=M
    @KBD
    D=D-A
    @START
    D;JGE       // past the last screen word: read the keyboard again
    @colour
    D=M
    @addr
    A=M
    M=D         // paint one word
    @addr
    M=M+1
    @NEXT
    0;JMP

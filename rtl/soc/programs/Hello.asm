// Hello.asm (Hack SoC): prints "Hello, Hack!" and a newline on the UART, then counts
// on the LEDs forever. The SoC maps the UART at 24578: writing sends a byte, reading
// gives 1 while the previous byte is still going out. PUTC is a subroutine: the caller
// leaves the character in `char` and its return address in `ret`.
    // build the message in RAM[100..113], ending with 0
    @72
    D=A
    @100
    M=D                 // 'H'
    @101
    D=A
    @101
    M=D                 // 'e'
    @108
    D=A
    @102
    M=D                 // 'l'
    @103
    M=D                 // 'l'
    @111
    D=A
    @104
    M=D                 // 'o'
    @44
    D=A
    @105
    M=D                 // ','
    @32
    D=A
    @106
    M=D                 // ' '
    @72
    D=A
    @107
    M=D                 // 'H'
    @97
    D=A
    @108
    M=D                 // 'a'
    @99
    D=A
    @109
    M=D                 // 'c'
    @107
    D=A
    @110
    M=D                 // 'k'
    @33
    D=A
    @111
    M=D                 // '!'
    @10
    D=A
    @112
    M=D                 // newline
    @113
    M=0                 // the end
    @100
    D=A
    @p
    M=D                 // p = the first character
(NEXT)
    @p
    A=M
    D=M
    @COUNT
    D;JEQ               // 0: the message is out
    @char
    M=D
    @BACK
    D=A
    @ret
    M=D
    @PUTC
    0;JMP
(BACK)
    @p
    M=M+1
    @NEXT
    0;JMP

(PUTC)                  // wait while the UART is busy, then send `char`
    @24578
    D=M
    @PUTC
    D;JNE
    @char
    D=M
    @24578
    M=D
    @ret
    A=M
    0;JMP

(COUNT)                 // the LEDs show a counter that steps every 65,536 inner loops
    @n
    M=M+1
    D=M
    @24577
    M=D
    @i
    M=0
(WAIT)
    @i
    M=M-1
    D=M
    @WAIT
    D;JNE
    @COUNT
    0;JMP

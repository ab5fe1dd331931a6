// SelfTest.asm (Hack SoC): computes 123 * 45 = 5535 by repeated addition, with the steps a
// pipelined memory can get wrong (a word read back in the very next instruction after it
// is written, MD=M-1, jumps taken and not taken), then sends the product (as read back)
// over the UART as 16 binary digits, least significant bit first, and a newline: "1111100110101000" (5535 = 0x159F). Tests run it
// on the SoC's RTL and on the netlist read back from its bitstream.
    @product
    M=0
    @45
    D=A
    @count
    M=D                 // count = 45
(ADD)
    @123
    D=A
    @product
    M=D+M               // product = product + 123
    D=M                 // read back at once, same address: the word just written
    @copy
    M=D
    @count
    MD=M-1
    @ADD
    D;JGT               // until count = 0
    @count
    D=M
    @FAIL
    D;JLT               // (never: count stops at 0)
    @FAIL
    D;JNE
    // send the bits: mask = 1, 2, 4, ... 32768 (mask + mask), then 0 ends the loop
    @mask
    M=1
(BIT)
    @mask
    D=M
    @copy
    D=D&M
    @ONE
    D;JNE
    @48                 // '0'
    D=A
    @SEND
    0;JMP
(ONE)
    @49                 // '1'
    D=A
(SEND)
    @char
    M=D
    @BACK
    D=A
    @ret
    M=D
    @PUTC
    0;JMP
(BACK)
    @mask
    D=M
    MD=D+M              // mask = mask * 2; 0 after bit 15
    @BIT
    D;JNE
    @10                 // newline
    D=A
    @char
    M=D
    @DONE
    D=A
    @ret
    M=D
    @PUTC
    0;JMP
(DONE)
    @DONE
    0;JMP
(FAIL)
    @70                 // 'F'
    D=A
    @char
    M=D
    @DONE
    D=A
    @ret
    M=D
    @PUTC
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

// SelfTest.asm (Hack SoC): computes 123 * 45 = 5535 by repeated addition, with the steps a
// pipelined memory can get wrong (a word read back in the very next instruction after it
// is written, MD=M-1, A loaded from the ALU and M read at once, the UART busy in the
// instruction right after a send, jumps taken and not taken), then sends the product (as read back)
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
    // A loaded from the ALU, then M read at once (the FPGA SoC decides where M comes from
    // at the end of the cycle that computes A): the word just written at the same address,
    // a word elsewhere, the LEDs.
    @21
    D=A
    @20
    M=D                 // RAM[20] = 21
    AM=M-1              // RAM[20] = 20 and A = 20: the same word, written and then read
    D=M
    @20
    D=D-A
    @FAIL
    D;JNE               // D was the old 21
    @77
    D=A
    @31
    M=D                 // RAM[31] = 77
    @30
    M=A+1               // RAM[30] = 31
    AM=M                // A = 31 (RAM[30] written, unchanged)
    D=M
    @77
    D=D-A
    @FAIL
    D;JNE
    @5
    D=A
    @24577
    M=D                 // LEDs = 5
    @24576
    D=A
    A=D+1               // A = 24577 from the ALU
    D=M
    @5
    D=D-A
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
    D=M                 // busy at once, in the very next instruction
    @FAIL
    D;JEQ
    @ret
    A=M
    0;JMP

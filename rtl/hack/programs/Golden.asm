// Golden.asm: the golden ratio from Fibonacci numbers, in fixed point.
//
// The ratio of consecutive Fibonacci numbers F(k+1)/F(k) tends to phi, the
// positive root of x^2 = x + 1, (1 + sqrt 5)/2 = 1.6180339...; the other root
// is (1 - sqrt 5)/2 = 1 - phi = -0.6180339... The program runs the Fibonacci
// recurrence up to F(21) = 10946 and F(22) = 17711 (the largest pair whose
// long division stays inside 15 bits), then divides F(22) by F(21) bit by bit
// with 13 fraction bits. Results, as signed numbers scaled by 2^13 = 8192:
//   RAM[0] = phi * 8192      = 13254  (13254 / 8192 = 1.61792)
//   RAM[1] = (1 - phi) * 8192 = -5062 (-5062 / 8192 = -0.61792)
//   RAM[2] = F(21), RAM[3] = F(22)
    @a
    M=1         // a = F(1)
    @b
    M=1         // b = F(2)
(FIB)           // while a < 10946: (a, b) = (b, a + b)
    @a
    D=M
    @10946
    D=D-A
    @DIVIDE
    D;JGE
    @a
    D=M
    @b
    D=D+M
    @t
    M=D         // t = a + b
    @b
    D=M
    @a
    M=D         // a = b
    @t
    D=M
    @b
    M=D         // b = t
    @FIB
    0;JMP
(DIVIDE)        // q = b / a with 13 fraction bits; the integer part is 1
    @a
    D=M
    @b
    D=M-D
    @rem
    M=D         // rem = b - a
    @q
    M=1
    @13
    D=A
    @i
    M=D
(BIT)
    @i
    D=M
    @DONE
    D;JEQ
    @q
    D=M
    M=D+M       // q = 2q
    @rem
    D=M
    M=D+M       // rem = 2 rem
    @a
    D=M
    @rem
    D=M-D       // rem - a
    @ZERO
    D;JLT
    @rem
    M=D         // rem = rem - a
    @q
    M=M+1       // this fraction bit is 1
(ZERO)
    @i
    M=M-1
    @BIT
    0;JMP
(DONE)
    @q
    D=M
    @R0
    M=D         // RAM[0] = phi * 8192
    @8192
    D=A
    @R0
    D=D-M
    @R1
    M=D         // RAM[1] = 8192 - phi * 8192 = (1 - phi) * 8192
    @a
    D=M
    @R2
    M=D
    @b
    D=M
    @R3
    M=D
(END)
    @END
    0;JMP

// gates.v: the basic two-input gates side by side, one output each.
// The smallest NAND counts are known exactly: NOT 1, AND 2, OR 3, NOR 4, XOR 4, XNOR 5.
`default_nettype none
module gates (
    input  wire a,
    input  wire b,
    output wire y_not,   // !a
    output wire y_and,
    output wire y_or,
    output wire y_nor,
    output wire y_xor,
    output wire y_xnor
);
  assign y_not  = ~a;
  assign y_and  = a & b;
  assign y_or   = a | b;
  assign y_nor  = ~(a | b);
  assign y_xor  = a ^ b;
  assign y_xnor = ~(a ^ b);
endmodule
`default_nettype wire

// HalfAdder: sum = a ^ b, carry = a & b.
`default_nettype none
module HalfAdder (input wire a, input wire b, output wire sum, output wire carry);
  Xor g1 (.a(a), .b(b), .out(sum));
  And g2 (.a(a), .b(b), .out(carry));
endmodule
`default_nettype wire

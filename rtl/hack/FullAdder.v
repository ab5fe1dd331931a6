// FullAdder: adds three bits with two half adders and an Or.
`default_nettype none
module FullAdder (input wire a, input wire b, input wire c, output wire sum, output wire carry);
  wire s1, c1, c2;
  HalfAdder h1 (.a(a), .b(b), .sum(s1), .carry(c1));
  HalfAdder h2 (.a(s1), .b(c), .sum(sum), .carry(c2));
  Or        g  (.a(c1), .b(c2), .out(carry));
endmodule
`default_nettype wire

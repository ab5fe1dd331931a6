// Nand: the one gate everything else is built from. out = !(a & b)
`default_nettype none
module Nand (input wire a, input wire b, output wire out);
  nand g (out, a, b);
endmodule
`default_nettype wire

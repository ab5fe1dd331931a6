// Not: a Nand with both inputs tied together.
`default_nettype none
module Not (input wire in, output wire out);
  Nand g (.a(in), .b(in), .out(out));
endmodule
`default_nettype wire

// Inc16: out = in + 1.
`default_nettype none
module Inc16 (input wire [15:0] in, output wire [15:0] out);
  Add16 add (.a(in), .b(16'd1), .out(out));
endmodule
`default_nettype wire

// Or16: bitwise Or of two 16-bit words.
`default_nettype none
module Or16 (input wire [15:0] a, input wire [15:0] b, output wire [15:0] out);
  genvar i;
  generate for (i = 0; i < 16; i = i + 1) begin : lane
    Or g (.a(a[i]), .b(b[i]), .out(out[i]));
  end endgenerate
endmodule
`default_nettype wire

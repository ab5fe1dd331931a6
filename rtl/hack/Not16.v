// Not16: sixteen Not gates side by side.
`default_nettype none
module Not16 (input wire [15:0] in, output wire [15:0] out);
  genvar i;
  generate for (i = 0; i < 16; i = i + 1) begin : lane
    Not g (.in(in[i]), .out(out[i]));
  end endgenerate
endmodule
`default_nettype wire

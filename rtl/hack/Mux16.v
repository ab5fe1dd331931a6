// Mux16: out = sel ? b : a, for 16-bit words.
`default_nettype none
module Mux16 (input wire [15:0] a, input wire [15:0] b, input wire sel, output wire [15:0] out);
  genvar i;
  generate for (i = 0; i < 16; i = i + 1) begin : lane
    Mux g (.a(a[i]), .b(b[i]), .sel(sel), .out(out[i]));
  end endgenerate
endmodule
`default_nettype wire

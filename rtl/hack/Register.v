// Register: sixteen Bits sharing one load line.
`default_nettype none
module Register (input wire clk, input wire [15:0] in, input wire load, output wire [15:0] out);
  genvar i;
  generate for (i = 0; i < 16; i = i + 1) begin : lane
    Bit b (.clk(clk), .in(in[i]), .load(load), .out(out[i]));
  end endgenerate
endmodule
`default_nettype wire

// Unsigned division and remainder of 6-bit numbers (x / 0 gives Verilog's x: avoided by forcing d >= 1).
module divmod (input [5:0] n, input [5:0] d, output [5:0] q, output [5:0] r);
  wire [5:0] dd = (d == 6'd0) ? 6'd1 : d;
  assign q = n / dd;
  assign r = n % dd;
endmodule

// Add16: 16-bit ripple-carry adder; the carry out of bit 15 is dropped.
`default_nettype none
module Add16 (input wire [15:0] a, input wire [15:0] b, output wire [15:0] out);
  /* verilator lint_off UNUSEDSIGNAL */
  wire [16:0] c;  // c[16], the carry out of bit 15, is dropped
  /* verilator lint_on UNUSEDSIGNAL */
  assign c[0] = 1'b0;
  genvar i;
  generate for (i = 0; i < 16; i = i + 1) begin : lane
    FullAdder fa (.a(a[i]), .b(b[i]), .c(c[i]), .sum(out[i]), .carry(c[i+1]));
  end endgenerate
endmodule
`default_nettype wire

// A small hierarchy: a ripple adder built from full-adder instances.
module hier_fa (input a, b, c, output s, co);
  assign s = a ^ b ^ c;
  assign co = (a & b) | (c & (a ^ b));
endmodule
module hier_top (input [3:0] a, b, output [4:0] sum);
  wire [4:0] c;
  assign c[0] = 1'b0;
  genvar i;
  generate for (i = 0; i < 4; i = i + 1) begin : stage
    hier_fa fa (.a(a[i]), .b(b[i]), .c(c[i]), .s(sum[i]), .co(c[i+1]));
  end endgenerate
  assign sum[4] = c[4];
endmodule

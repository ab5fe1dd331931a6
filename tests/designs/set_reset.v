// Flip-flops with asynchronous set, asynchronous reset, and both.
module set_reset (input clk, input pre, input clr, input d, output reg q_set, output reg q_rst, output reg q_both);
  always @(posedge clk or posedge pre) if (pre) q_set <= 1'b1; else q_set <= d;
  always @(posedge clk or posedge clr) if (clr) q_rst <= 1'b0; else q_rst <= d;
  // Set gated by reset, so that simulation matches hardware when reset is released
  // while set is still held (a plain "posedge pre" would miss that moment).
  wire pre_only = pre & ~clr;
  always @(posedge clk or posedge clr or posedge pre_only)
    if (clr) q_both <= 1'b0; else if (pre_only) q_both <= 1'b1; else q_both <= d ^ q_both;
endmodule

// Flip-flops on both clock edges: one captures on the rising, one on the falling edge.
module both_edges (input clk, input d, output reg q_rise, output reg q_fall, output both);
  always @(posedge clk) q_rise <= d;
  always @(negedge clk) q_fall <= q_rise;
  assign both = q_rise & q_fall;
endmodule

// 8x8 signed multiplier with signed ports.
module mult8s (input signed [7:0] a, b, output signed [15:0] p);
  assign p = a * b;
endmodule

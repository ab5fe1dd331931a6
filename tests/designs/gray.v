// Binary to Gray code and back, with a parameter and a generate loop.
module gray #(parameter N = 8) (input [N-1:0] bin, input [N-1:0] g, output [N-1:0] to_gray, output [N-1:0] to_bin);
  assign to_gray = bin ^ (bin >> 1);
  genvar i;
  generate for (i = 0; i < N; i = i + 1) begin : g2b
    assign to_bin[i] = ^(g >> i);
  end endgenerate
endmodule

// 3-to-8 decoder with an enable, using a generate loop.
module decoder3to8 (input en, input [2:0] a, output [7:0] y);
  genvar i;
  generate for (i = 0; i < 8; i = i + 1) begin : dec
    assign y[i] = en && (a == i);
  end endgenerate
endmodule

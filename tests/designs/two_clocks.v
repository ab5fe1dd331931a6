// Two clock domains: a counter in each, and a two-flop synchroniser from a to b.
module two_clocks (input clk_a, input clk_b, input rst, input in_a,
                   output reg [3:0] cnt_a, output reg [3:0] cnt_b, output reg sync_b);
  reg meta;
  always @(posedge clk_a) cnt_a <= rst ? 4'd0 : cnt_a + {3'd0, in_a};
  always @(posedge clk_b) begin
    cnt_b  <= rst ? 4'd0 : cnt_b + 4'd1;
    meta   <= cnt_a[3];
    sync_b <= meta;
  end
endmodule

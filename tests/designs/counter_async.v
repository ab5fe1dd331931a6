// Counter with an asynchronous active-low reset and a WIDTH parameter.
module counter_async #(parameter WIDTH = 6) (input clk, input rst_n, output reg [WIDTH-1:0] q);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= {WIDTH{1'b0}};
    else        q <= q + 1'b1;
endmodule

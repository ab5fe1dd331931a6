// counter.v: an 8-bit counter with synchronous reset and a count enable.
// The reset and the enable have no special flip-flop here: they become NAND logic
// in front of a plain D flip-flop.
`default_nettype none
module counter (
    input  wire       clk,
    input  wire       rst,     // synchronous, active high
    input  wire       en,      // count when high
    output reg  [7:0] count
);
  always @(posedge clk)
    if (rst)     count <= 8'd0;
    else if (en) count <= count + 8'd1;
endmodule
`default_nettype wire

// DFF: the course's primitive clocked chip: out(t+1) = in(t).
`default_nettype none
module DFF (input wire clk, input wire in, output reg out);
  initial out = 1'b0;
  always @(posedge clk) out <= in;
endmodule
`default_nettype wire

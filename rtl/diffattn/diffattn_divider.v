// diffattn_divider: r = floor(2^38 / l) by restoring division, one quotient bit per step:
// 39 steps after clear. l is a softmax row sum, 2^15 <= l < 2^24, so r fits 24 bits.
//
// A step shifts the next dividend bit into the remainder (2^38 has a single 1, the first)
// and subtracts the divisor where it fits, which gives the next quotient bit. The remainder
// stays below the divisor, so 24 bits hold it and the subtraction is 26 bits wide.
`default_nettype none
module diffattn_divider (
    input  wire        clk,
    input  wire        clear,      // start again: the next step takes 2^38's leading 1
    input  wire        step,
    input  wire [23:0] divisor,
    output reg  [23:0] quotient
);
  reg [23:0] remainder;
  reg        first;

  wire [24:0] shifted = {remainder, first};
  wire [25:0] diff = {1'b0, shifted} - {2'b00, divisor};
  wire        fits = !diff[25];

  always @(posedge clk)
    if (clear) begin
      remainder <= 24'd0;
      quotient <= 24'd0;
      first <= 1'b1;
    end else if (step) begin
      remainder <= fits ? diff[23:0] : shifted[23:0];
      quotient <= {quotient[22:0], fits};
      first <= 1'b0;
    end
endmodule
`default_nettype wire

// diffattn_divider: r = floor(2^38 / l) by non-restoring division, one quotient bit per step:
// 39 steps after clear. l is a softmax row sum, 2^15 <= l < 2^24, so r fits 24 bits.
//
// A step shifts the next dividend bit into the partial remainder (2^38 has a single 1, the
// first) and then subtracts the divisor if the remainder is not negative, or adds it back if
// it is; the sign of the result is the next quotient bit (1 when it is not negative). This is
// restoring division with the restore put off to the next step: when the restoring divider
// keeps remainder R, this one keeps R, or R - l when the last subtraction went below zero.
// So the quotient bits are the same, and only the final remainder (not needed here) would need
// correcting. What it buys is the clock: the choice between adding and subtracting depends on
// a register (the remainder's sign), not on the subtraction that has just run, so a step is one
// carry chain with no select after it. The partial remainder lies in [-l, l), 25 bits signed;
// shifted, 26.
`default_nettype none
module diffattn_divider (
    input  wire        clk,
    input  wire        clear,      // start again: the next step takes 2^38's leading 1
    input  wire        step,
    input  wire [23:0] divisor,
    output reg  [23:0] quotient
);
  reg [24:0] remainder;            // signed: in [-l, l)
  reg        first;

  wire        subtract = !remainder[24];
  wire [25:0] shifted = {remainder, first};
  // shifted - l is shifted + ~l + 1: the + 1 enters as the carry into bit 0, through the
  // constant 1 below it, so that add and subtract are one adder.
  wire [26:0] sum = {shifted, 1'b1} + {({2'b00, divisor} ^ {26{subtract}}), subtract};
  wire [25:0] next = sum[26:1];

  always @(posedge clk)
    if (clear) begin
      remainder <= 25'd0;
      quotient <= 24'd0;
      first <= 1'b1;
    end else if (step) begin
      remainder <= next[24:0];
      quotient <= {quotient[22:0], !next[25]};
      first <= 1'b0;
    end
endmodule
`default_nettype wire

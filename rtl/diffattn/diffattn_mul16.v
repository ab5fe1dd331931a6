// diffattn_mul16: a signed 16 x 16 multiplier with registered operands and a registered
// product, p = a b two cycles after a and b: one DSP (SB_MAC16) on the iCE40, one
// MULT18X18D on the ECP5. The softmax unit's products (p r for each map, lambda a2) take one
// each, unless the OUT lanes lend it theirs (diffattn_lanes, SHARED).
`default_nettype none
module diffattn_mul16 (
    input  wire               clk,
    input  wire signed [15:0] a,
    input  wire signed [15:0] b,
    output reg  signed [31:0] p
);
  reg signed [15:0] a_reg, b_reg;
  always @(posedge clk) begin
    a_reg <= a;
    b_reg <= b;
    p <= a_reg * b_reg;
  end
endmodule
`default_nettype wire

// The power operator with a base that is not a constant: Yosys's synth keeps it as a
// $pow cell, which nandflow lowers with its own techmap rule (cells/nf_lower.v: square
// and multiply). Unsigned, and signed with negative exponents (IEEE 1364-2005 5.1.5:
// 1 ** -n = 1, (-1) ** -n = +-1, any other base 0; 0 ** -n is x and is left out here).
module power (
    input  wire        [3:0] a,
    input  wire        [2:0] b,
    input  wire signed [3:0] sa,
    input  wire signed [2:0] sb,
    output wire        [7:0] y,
    output wire signed [7:0] z,
    output wire        [5:0] w
);
  assign y = a ** b;
  assign z = (sa == 0 && sb < 0) ? 8'sd0 : sa ** sb;
  assign w = sa ** b;
endmodule

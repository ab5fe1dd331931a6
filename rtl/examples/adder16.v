// adder16.v: a 16-bit adder without carry in or out, like nand2tetris's Add16.
// Best known: 139 NANDs (a half adder at bit 0, full adders, and a bare XOR at the top).
`default_nettype none
module adder16 (
    input  wire [15:0] a,
    input  wire [15:0] b,
    output wire [15:0] sum
);
  assign sum = a + b;
endmodule
`default_nettype wire

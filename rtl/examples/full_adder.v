// full_adder.v: adds three bits. The proven minimum is 9 NANDs, because the sum's
// XORs and the carry can share internal gates.
`default_nettype none
module full_adder (
    input  wire a,
    input  wire b,
    input  wire cin,
    output wire sum,
    output wire cout
);
  assign {cout, sum} = a + b + cin;
endmodule
`default_nettype wire

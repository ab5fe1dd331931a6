// half_adder.v: adds two bits. sum is their XOR, carry their AND (5 NANDs at best).
`default_nettype none
module half_adder (
    input  wire a,
    input  wire b,
    output wire sum,
    output wire carry
);
  assign sum   = a ^ b;
  assign carry = a & b;
endmodule
`default_nettype wire

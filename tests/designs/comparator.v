// 8-bit comparators, unsigned and signed.
module comparator (input [7:0] a, b, output eq, ltu, gtu, lts, ges);
  assign eq  = a == b;
  assign ltu = a < b;
  assign gtu = a > b;
  assign lts = $signed(a) < $signed(b);
  assign ges = $signed(a) >= $signed(b);
endmodule

// Textbook gate-level style: a 2:1 multiplexer and a full adder from gate primitives,
// their inner nets never declared. Verilog-2005 makes each such net a 1-bit wire
// (implicit declaration); nandflow accepts them and warns, naming each.
module implicit_nets (
    input  a, b, sel, cin,
    output y, sum, cout
);
  not U_inv (inv_sel, sel);
  and U_a (a_sel, a, inv_sel);
  and U_b (b_sel, b, sel);
  or  U_y (y, a_sel, b_sel);

  xor U_x1 (p, a, b);
  xor U_x2 (sum, p, cin);
  and U_g (g, a, b);
  and U_t (t, p, cin);
  or  U_c (cout, g, t);
endmodule

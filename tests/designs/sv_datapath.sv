// SystemVerilog: a packed struct, an automatic function with a loop variable, logic.
module sv_datapath (input logic [15:0] in, output logic [7:0] hi_plus_lo, output logic [3:0] lead);
  typedef struct packed { logic [7:0] hi; logic [7:0] lo; } pair_t;
  pair_t p;
  assign p = in;
  // Leading zeros of an 8-bit value (8 when it is zero).
  function automatic logic [3:0] leading_zeros(input logic [7:0] v);
    leading_zeros = 4'd8;
    for (int i = 0; i < 8; i++) if (v[i]) leading_zeros = 4'd7 - i[3:0];
  endfunction
  assign hi_plus_lo = p.hi + p.lo;
  assign lead = leading_zeros(p.hi);
endmodule

// `include and `ifdef: the test passes -I tests/designs/include -D INVERT.
`include "widths.vh"
module include_define (input [`DATA_W-1:0] a, b, output [`DATA_W-1:0] y);
`ifdef INVERT
  assign y = ~(a & b);
`else
  assign y = a & b;
`endif
endmodule

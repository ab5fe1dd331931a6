// 4 x 8 register file: one write port, two read ports; register 0 reads as zero.
module regfile (input clk, input we, input [1:0] wa, ra, rb, input [7:0] wd, output [7:0] da, db);
  reg [7:0] r1, r2, r3;
  always @(posedge clk) if (we) case (wa)
    2'd1: r1 <= wd;
    2'd2: r2 <= wd;
    2'd3: r3 <= wd;
    default: ;
  endcase
  function [7:0] pick(input [1:0] i, input [7:0] x1, x2, x3);
    pick = i == 2'd1 ? x1 : i == 2'd2 ? x2 : i == 2'd3 ? x3 : 8'd0;
  endfunction
  assign da = pick(ra, r1, r2, r3);
  assign db = pick(rb, r1, r2, r3);
endmodule

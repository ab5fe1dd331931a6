// Mealy sequence detector for 1011 (overlapping), with a binary-encoded state.
module seq_detect (input clk, input reset, input x, output reg found);
  localparam S0 = 2'd0, S1 = 2'd1, S10 = 2'd2, S101 = 2'd3;
  reg [1:0] st, nx;
  always @* begin
    nx = S0; found = 1'b0;
    case (st)
      S0:   nx = x ? S1 : S0;
      S1:   nx = x ? S1 : S10;
      S10:  nx = x ? S101 : S0;
      S101: begin nx = x ? S1 : S10; found = x; end
    endcase
  end
  always @(posedge clk) st <= reset ? S0 : nx;
endmodule

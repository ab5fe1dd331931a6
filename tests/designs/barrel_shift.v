// 16-bit barrel shifter: logical left/right and arithmetic right by a variable amount.
module barrel_shift (input [15:0] x, input [3:0] amt, input [1:0] mode, output reg [15:0] y);
  always @* case (mode)
    2'd0: y = x << amt;
    2'd1: y = x >> amt;
    2'd2: y = $signed(x) >>> amt;
    default: y = (x << amt) | (x >> (5'd16 - {1'b0, amt}));  // rotate left
  endcase
endmodule

// An 8-bit ALU: eight operations, zero and carry flags.
module alu8 (input [7:0] a, b, input [2:0] op, output reg [7:0] y, output reg carry, output zero);
  always @* begin
    carry = 1'b0;
    case (op)
      3'd0: {carry, y} = a + b;
      3'd1: {carry, y} = a - b;
      3'd2: y = a & b;
      3'd3: y = a | b;
      3'd4: y = a ^ b;
      3'd5: y = a << b[2:0];
      3'd6: y = a >> b[2:0];
      default: y = {7'b0, $signed(a) < $signed(b)};
    endcase
  end
  assign zero = y == 8'd0;
endmodule

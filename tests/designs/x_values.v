// x and undriven values: where the source's value is x, the netlist may give anything.
// nandflow gives 0 (with a warning naming each signal) and `verify` proves the netlist
// against the source with every x at 0: "x treated as don't care on N signals".
module x_values (
  input  wire [1:0] op,
  input  wire [3:0] a, b,
  output reg  [3:0] y,      // 'x on the unused opcode
  output wire [3:0] spare,  // never driven
  output wire [5:0] concat, // x bits in a concatenation
  output wire       parity
);
  // The textbook way to say "this case cannot happen": a don't care default.
  always @* begin
    case (op)
      2'd0: y = a & b;
      2'd1: y = a | b;
      2'd2: y = a ^ b;
      default: y = 4'bx;
    endcase
  end

  // A function whose result is undefined for some inputs.
  function [1:0] low_half(input [3:0] v);
    low_half = v[3] ? 2'bxx : v[1:0];
  endfunction

  assign concat = {1'bx, low_half(a), a[2:0]};
  assign parity = ^y;
endmodule

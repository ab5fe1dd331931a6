// Adder with a WIDTH parameter (the test overrides it with -p WIDTH=12) and carry out.
module param_adder #(parameter WIDTH = 4) (input [WIDTH-1:0] a, b, input cin, output [WIDTH-1:0] s, output cout);
  assign {cout, s} = a + b + cin;
endmodule

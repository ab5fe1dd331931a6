// Outputs that are constants or wires: tie-offs and feed-throughs in the netlist.
module const_outputs (input [3:0] a, output [3:0] zero, output [3:0] ones, output [3:0] same, output [1:0] mixed);
  assign zero = 4'b0000;
  assign ones = 4'b1111;
  assign same = a;
  assign mixed = {1'b1, a[2]};
endmodule

// 1:8 demultiplexer: the input goes to the selected output, the others are 0.
module dmux8 (input in, input [2:0] sel, output [7:0] out);
  assign out = {7'b0, in} << sel;
endmodule

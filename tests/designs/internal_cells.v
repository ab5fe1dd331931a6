// Yosys internal cells that no Verilog construct of the project produces, instantiated
// directly (read with read_verilog -icells): nandflow must take them to NAND gates.
module internal_cells (input [15:0] words, input [1:0] sel, input [3:0] data, input [2:0] x,
                       output [3:0] picked, output [15:0] spread, output sop);
  // $bmux: word `sel` of four 4-bit words
  \$bmux #(.WIDTH(4), .S_WIDTH(2)) bm (.A(words), .S(sel), .Y(picked));
  // $demux: `data` placed at word `sel`, zeros elsewhere
  \$demux #(.WIDTH(4), .S_WIDTH(2)) dm (.A(data), .S(sel), .Y(spread));
  // $sop: x[0] & !x[1]  |  x[2]   (two terms over three inputs, two bits per input:
  // 2'b10 the input itself, 2'b01 its complement, 2'b00 absent)
  \$sop #(.WIDTH(3), .DEPTH(2), .TABLE(12'b10_00_00_00_01_10)) sp (.A(x), .Y(sop));
endmodule

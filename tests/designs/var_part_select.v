// A variable part select: Yosys reads it as $shiftx, whose out-of-range bits are x, even
// when the index can never be out of range. nandflow used to refuse such designs
// ("depends on an undefined (x) value"); found by random-design testing
// (nandflow-random-design seed 5).
module var_part_select (input wire [7:0] a, input wire [2:0] i, input wire [1:0] j, output wire [1:0] y,
                        output wire [3:0] z);
  assign y = a[i % 7 +: 2];
  assign z = a[{j[0], 1'b0} +: 4];
endmodule

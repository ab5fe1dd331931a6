// Flip-flops with the same input and initial value 1 that Yosys merges into one, leaving the
// init value on one alias and x on the others: nandflow read the x and started the merged
// flip-flop at 0 (found by nandflow-random-design --small seed 50; the cosim caught it).
module merged_init (input wire clk, input wire en, output wire [3:0] q);
  reg [3:0] r = 4'b0101;
  always @(posedge clk) if (en) r <= 4'b0000;
  assign q = r;
endmodule

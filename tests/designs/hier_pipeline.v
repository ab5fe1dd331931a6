// A pipeline in a submodule: its registers have flattened names (pipe.stage_one_data[0])
// longer than the netlist's own flip-flop pin names (ff_q_0.D).
module hier_pipe_stage (input clk, input [1:0] a, output reg [1:0] q);
  reg [1:0] stage_one_data;
  always @(posedge clk) begin
    stage_one_data <= a;
    q <= stage_one_data;
  end
endmodule
module hier_pipeline (input clk, input [1:0] a, output [1:0] y);
  wire [1:0] q;
  hier_pipe_stage pipe (.clk(clk), .a(a), .q(q));
  reg [1:0] out_q;
  always @(posedge clk) out_q <= q;
  assign y = out_q;
endmodule

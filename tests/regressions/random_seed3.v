// Regression: nandflow-random-design 3 (found by random-design testing). See the note at the end.
module random_seed3 (
    input wire clk,
    input wire rst,
    input wire signed in0,
    input wire [6:0] in1,
    input wire signed in2,
    input wire signed [4:0] in3,
    output wire out0,
    output wire [9:0] out1,
    output wire [3:0] out2
);
  wire [8:0] w0 = in0;
  wire [2:0] w1 = in2;
  wire w2 = {3{in2}};
  wire signed w3 = w0[$unsigned(w2) % 8 +: 2];
  wire signed [8:0] w4 = (((($signed(in1) < w1) - (in2 & in2))) != 0 ? ((|($unsigned(in0) ^ w1))) / ((($signed(in1) < w1) - (in2 & in2))) : 0);
  reg [1:0] r0;
  always @(posedge clk or posedge rst)
    if (rst) r0 <= 2'd0;
    else r0 <= ((w2 >>> 4) | (w0[$unsigned(w0) % 8 +: 2] >> w1));
  reg r1;
  always @(posedge clk)
    if (rst) r1 <= 1'd1;
    else if ((w4 | in3[0:0])) r1 <= (((r0 << 0)) != 0 ? (w3) / ((r0 << 0)) : 0);
  reg signed r2 = 1'd0;
  always @(posedge clk) if (w4) r2 <= 8'd170;
  reg [4:0] r3;
  always @(posedge clk or posedge rst)
    if (rst) r3 <= 5'd28;
    else r3 <= ({w4, w1} >= (w4 && w3));
  reg [1:0] state;
  always @(posedge clk)
    if (rst) state <= 2'd0;
    else case (state)
      2'd0: state <= ((in2 != in2)) ? 2'd3 : 2'd3;
      2'd1: state <= ((r0 & in2)) ? 2'd0 : 2'd2;
      2'd2: state <= ((in2 << 2)) ? 2'd3 : 2'd1;
      2'd3: state <= ((in2 - in2)) ? 2'd2 : 2'd3;
    endcase
  assign out0 = (((in3) != 0 ? (3'd1) % (in3) : 0) < ($signed(r3) * r2));
  assign out1 = ((in2 != w2) ? ($unsigned(in0) - in0) : ((r2) != 0 ? (state[1:1]) / (r2) : 0));
  assign out2 = ({3{6'd19}} ^ (r1 * 6'd25));
endmodule
// Yosys 0.23's `synth` (without -noabc) computes r1 wrongly here (Icarus and the source
// semantics give r1 = 1 after the edge with r0 = 1, in0 = 1, in3[0] = 1; the Yosys result
// gives 0). nandflow used that flow's result as a starting point and its --verify refused
// the netlist; now such a flow is dropped when random simulation tells it from the source.

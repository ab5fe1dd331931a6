// Regression: nandflow-random-design 18 (found by random-design testing). See the note at the end.
module random_seed18 (
    input wire clk,
    input wire rst,
    input wire signed in0,
    input wire signed [3:0] in1,
    input wire [1:0] in2,
    input wire signed [7:0] in3,
    output wire signed [8:0] out0,
    output wire signed [4:0] out1
);
  wire [7:0] w0 = ((((in2 >= 3'd0)) != 0 ? ((in2 >> 8'd162)) / ((in2 >= 3'd0)) : 0) << 4);
  wire [4:0] w1 = (!{in1, (in2 << 4)});
  wire [5:0] w2 = 1'd0;
  wire [3:0] w3 = (~|((in0 - in2) >> w1));
  reg [3:0] r0;
  always @(posedge clk)
    if (rst) r0 <= 4'd3;
    else if ((w1 + in3)) r0 <= (((in1 >> in2)) != 0 ? ((in0 | w3[1:1])) % ((in1 >> in2)) : 0);
  reg signed [6:0] r1;
  always @(posedge clk or posedge rst)
    if (rst) r1 <= 7'd48;
    else r1 <= w1;
  reg [2:0] r2;
  always @(posedge clk or posedge rst)
    if (rst) r2 <= 3'd1;
    else r2 <= {((in2) != 0 ? (in0) / (in2) : 0), (&$unsigned(in3))};
  reg signed [6:0] r3 = 7'd53;
  always @(posedge clk) if ((w1 >= w1)) r3 <= (w1 >> (w2[$unsigned(in2) % 5 +: 2] ? $unsigned(in1) : r0));
  reg [1:0] state;
  always @(posedge clk)
    if (rst) state <= 2'd0;
    else case (state)
      2'd0: state <= ({2{r3[3:2]}}) ? 2'd3 : 2'd0;
      2'd1: state <= ((r2 >= in1)) ? 2'd3 : 2'd2;
      2'd2: state <= ($signed(w1)) ? 2'd3 : 2'd2;
      2'd3: state <= ((w1[3:2] >>> 0)) ? 2'd1 : 2'd0;
    endcase
  assign out0 = ({1{r1[$unsigned(w3) % 6 +: 2]}} | {r2, r3});
  assign out1 = ((w3 ? $signed(w0) : $signed(w2)) >>> 0);
endmodule
// One bit of the vector register r1 survives; the writer declared it `wire [0:0] r1`, which
// reads back as a scalar r1, no longer paired with the source's r1[0] by --verify. The
// writer now names such a bit with the nf_state attribute.

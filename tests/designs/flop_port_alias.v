// Regression: nandflow-random-design --small 1089 (found by random-design testing), minimised.
// A flip-flop that also drives an output port bit of another name, through logic Yosys keeps
// and nandflow removes (the AND below is always 0). The netlist holds `assign out1[1] = state[1];`;
// read back, the flip-flop was named after the shorter
// "out1[1]", so --verify found no counterpart for it and refused the netlist. The writer now
// names such flip-flops with the nf_state attribute. `p` is the same case for a register that
// drives its own output port: "p[0]" sorts before "q[0]".
module flop_port_alias (
    input wire clk,
    input wire rst,
    input wire [1:0] d,
    output wire [1:0] out1,
    output reg [1:0] q,
    output wire [1:0] p
);
  reg [1:0] state;
  always @(posedge clk)
    if (rst) state <= 2'd0;
    else state <= {state[0], d[0] ^ d[1]};
  assign out1 = {state[1] ^ (d[0] & d[1] & ~(d[0] ^ d[1]) & ~d[0]), 1'b0};

  always @(posedge clk) q <= d;
  assign p = q;
endmodule

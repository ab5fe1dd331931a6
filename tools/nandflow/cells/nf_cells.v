// nf_cells.v: the flip-flop cells of nandflow netlists.
//
// A nandflow netlist contains only 2-input `nand` primitives, wires, and the
// flip-flops below. They are written as behavioural Verilog on purpose: Verilator
// cannot simulate flip-flops built from gate primitives when their inputs come
// from a C++ testbench (see its UNOPTFLAT documentation), and every simulator
// and FPGA tool understands these.
//
// Each cell stands for an all-NAND flip-flop; the "NAND price" below is what the
// synthesis report counts for it in the NAND-equivalent total:
//
//   nf_dff    9  rising edge. Master-slave: two gated D latches of 4 NANDs each
//                (S = nand(D,E); R = nand(S,E); Q = nand(S,Qn); Qn = nand(R,Q))
//                plus one NAND inverting the clock for the master latch.
//   nf_dffn   9  falling edge: the same, with the inverter on the slave's enable.
//   nf_dffr  14  rising edge, asynchronous active-high reset to 0. Each latch's
//                cross-coupled pair takes the inverted reset through a 3-input
//                NAND (3 NAND2s instead of 1: +2 per latch), plus one inverter.
//   nf_dffs  14  rising edge, asynchronous active-high set to 1 (as nf_dffr).
//   nf_dffnr/nf_dffns 14: falling-edge versions.
//   nf_dffrs 19  rising edge, asynchronous reset and set (reset wins), both
//                paths as above: 9 + 4 + 4 + 2 inverters.
//   nf_dffnrs 19 falling-edge version.
//
// INIT is the power-up value (simulation and FPGA initialisation). A source
// register without an initial value gets INIT = 0, which is what Verilator's
// default (+verilator+rand+reset+0) gives the source too.
/* verilator lint_off DECLFILENAME */
`ifndef NF_CELLS_V
`define NF_CELLS_V

module nf_dff #(parameter [0:0] INIT = 1'b0) (input wire C, input wire D, output reg Q);
  initial Q = INIT;
  always @(posedge C) Q <= D;
endmodule

module nf_dffn #(parameter [0:0] INIT = 1'b0) (input wire C, input wire D, output reg Q);
  initial Q = INIT;
  always @(negedge C) Q <= D;
endmodule

module nf_dffr #(parameter [0:0] INIT = 1'b0) (input wire C, input wire R, input wire D, output reg Q);
  initial Q = INIT;
  always @(posedge C or posedge R)
    if (R) Q <= 1'b0;
    else   Q <= D;
endmodule

module nf_dffnr #(parameter [0:0] INIT = 1'b0) (input wire C, input wire R, input wire D, output reg Q);
  initial Q = INIT;
  always @(negedge C or posedge R)
    if (R) Q <= 1'b0;
    else   Q <= D;
endmodule

module nf_dffs #(parameter [0:0] INIT = 1'b0) (input wire C, input wire S, input wire D, output reg Q);
  initial Q = INIT;
  always @(posedge C or posedge S)
    if (S) Q <= 1'b1;
    else   Q <= D;
endmodule

module nf_dffns #(parameter [0:0] INIT = 1'b0) (input wire C, input wire S, input wire D, output reg Q);
  initial Q = INIT;
  always @(negedge C or posedge S)
    if (S) Q <= 1'b1;
    else   Q <= D;
endmodule

module nf_dffrs #(parameter [0:0] INIT = 1'b0) (input wire C, input wire R, input wire S, input wire D,
                                                output reg Q);
  initial Q = INIT;
  always @(posedge C or posedge R or posedge S)
    if (R)      Q <= 1'b0;
    else if (S) Q <= 1'b1;
    else        Q <= D;
endmodule

module nf_dffnrs #(parameter [0:0] INIT = 1'b0) (input wire C, input wire R, input wire S, input wire D,
                                                 output reg Q);
  initial Q = INIT;
  always @(negedge C or posedge R or posedge S)
    if (R)      Q <= 1'b0;
    else if (S) Q <= 1'b1;
    else        Q <= D;
endmodule

// nf_nand2: one NAND gate as a cell, used instead of the `nand` primitive by
// `nandflow synth --nand-cells`, so that an FPGA flow can keep every gate as its own
// look-up table (define NF_NAND2_ICE40 when synthesising for an iCE40).
module nf_nand2 (input wire A, input wire B, output wire Y);
`ifdef NF_NAND2_ICE40
  (* keep *) SB_LUT4 #(.LUT_INIT(16'h7777)) lut (.O(Y), .I0(A), .I1(B), .I2(1'b0), .I3(1'b0));
`else
  assign Y = ~(A & B);
`endif
endmodule

`endif

// nf_cells.v: the flip-flop and latch cells of nandflow netlists.
//
// A nandflow netlist contains only 2-input `nand` primitives, wires, and the
// storage cells below. They are written as behavioural Verilog on purpose: Verilator
// cannot simulate flip-flops built from gate primitives when their inputs come
// from a C++ testbench (see its UNOPTFLAT documentation), and every simulator
// and FPGA tool understands these. `nandflow synth --pure-nand` writes each one as
// the NAND gates it stands for instead (tools/nandflow/map/storage_nand.hpp).
//
// Each cell stands for an all-NAND circuit; its "NAND price" below is what the
// synthesis report counts for it in the NAND-equivalent total:
//
//   nf_dlatch   4  D latch, open while E = 1: s = nand(D,E); r = nand(s,E);
//                  Q = nand(s,Qn); Qn = nand(r,Q).
//   nf_dlatchn  5  open while E = 0: one inverter more.
//   nf_dlatchr  8  asynchronous active-high reset to 0: the latch is forced open
//                  (E' = nand(!E,!R)) with its data forced to 0 (nand(D,!R) feeds r).
//   nf_dlatchnr 7  the same, open while E = 0 (!E is the pin itself).
//   nf_dlatchs  9  asynchronous set to 1: forced open, data D | S = nand(!D,!S).
//   nf_dlatchns 8
//   nf_dlatchrs 13 reset and set, reset wins.   nf_dlatchnrs 12
//   nf_dff      9  rising edge. Master-slave: two D latches of 4 NANDs, the master
//                  open while C = 0, plus one NAND inverting the clock.
//   nf_dffn     9  falling edge: the same, the inverter serving the slave.
//   nf_dffr    14  rising edge, asynchronous active-high reset to 0: both latches as
//                  nf_dlatchr, sharing !R and the clock inverter.
//   nf_dffs    15  asynchronous set to 1: both latches as nf_dlatchs (the slave's
//                  inverted data is the master's Qn).
//   nf_dffrs   20  reset and set, reset wins.
//   nf_dffnr 14, nf_dffns 15, nf_dffnrs 20: falling-edge versions.
//
// INIT is the power-up value (simulation and FPGA initialisation). A source
// register without an initial value gets INIT = 0, which is what Verilator's
// default (+verilator+rand+reset+0) gives the source too; a latch gets none.
/* verilator lint_off DECLFILENAME */
/* verilator lint_off LATCH */
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

// Level-sensitive latches: Q follows D while the enable is active, and holds otherwise.
// INIT defaults to x (no power-up value): FPGA latches cannot be initialised, and a
// source latch has none.
module nf_dlatch #(parameter [0:0] INIT = 1'bx) (input wire E, input wire D, output reg Q);
  initial Q = INIT;
  always @* if (E) Q = D;
endmodule

module nf_dlatchn #(parameter [0:0] INIT = 1'bx) (input wire E, input wire D, output reg Q);
  initial Q = INIT;
  always @* if (!E) Q = D;
endmodule

module nf_dlatchr #(parameter [0:0] INIT = 1'bx) (input wire E, input wire R, input wire D, output reg Q);
  initial Q = INIT;
  always @*
    if (R)      Q = 1'b0;
    else if (E) Q = D;
endmodule

module nf_dlatchnr #(parameter [0:0] INIT = 1'bx) (input wire E, input wire R, input wire D, output reg Q);
  initial Q = INIT;
  always @*
    if (R)       Q = 1'b0;
    else if (!E) Q = D;
endmodule

module nf_dlatchs #(parameter [0:0] INIT = 1'bx) (input wire E, input wire S, input wire D, output reg Q);
  initial Q = INIT;
  always @*
    if (S)      Q = 1'b1;
    else if (E) Q = D;
endmodule

module nf_dlatchns #(parameter [0:0] INIT = 1'bx) (input wire E, input wire S, input wire D, output reg Q);
  initial Q = INIT;
  always @*
    if (S)       Q = 1'b1;
    else if (!E) Q = D;
endmodule

module nf_dlatchrs #(parameter [0:0] INIT = 1'bx) (input wire E, input wire R, input wire S, input wire D,
                                                  output reg Q);
  initial Q = INIT;
  always @*
    if (R)      Q = 1'b0;
    else if (S) Q = 1'b1;
    else if (E) Q = D;
endmodule

module nf_dlatchnrs #(parameter [0:0] INIT = 1'bx) (input wire E, input wire R, input wire S, input wire D,
                                                   output reg Q);
  initial Q = INIT;
  always @*
    if (R)       Q = 1'b0;
    else if (S)  Q = 1'b1;
    else if (!E) Q = D;
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

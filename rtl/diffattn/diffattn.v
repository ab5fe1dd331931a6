// diffattn: one head of differential attention,
//   O = (softmax(Q1 K1^T / sqrt d) - lambda softmax(Q2 K2^T / sqrt d)) V,
// computed bit for bit as the C++ model sim/diffattn/diffattn_model.cpp (fixed_attention)
// specifies; rtl/diffattn/README.md explains the arithmetic step by step.
//
// This top level only wires the units together, each in its own file:
//   diffattn_regs       the register interface and register map (the bus)
//   diffattn_sequencer  the row loop: the lanes alternate DOT(i + 1) and OUT(i), the softmax
//                       unit works on row i + 1 beside them; or, SPLIT,
//   diffattn_split_sequencer  DOT lanes and OUT lanes of their own, their loops side by side
//                       (both sequencers run a row's jobs with diffattn_dot_row and
//                       diffattn_out_row)
//   diffattn_operands   Q, K and V in block RAM, banked so the lanes read them in one cycle
//   diffattn_lanes      the multiply-accumulate lanes (LANES; SPLIT: and OUT_LANES more)
//   diffattn_score      the score unit: dot products to scores, the row maxima (two rows)
//   diffattn_softmax    the softmax unit: scores to difference weights (EXP, DIV, W), with
//                       diffattn_softmax_map (one map's probabilities), diffattn_divider and
//                       diffattn_mul16 (its multipliers, unless it borrows the OUT lanes')
//   diffattn_store      the store unit and O
//   diffattn_rmsnorm    the optional headwise RMSNorm (HAS_NORM)
// A row's work flows sequencer -> operands -> lanes -> score -> softmax -> (weights) ->
// lanes -> store -> RMSNorm. Every buffer is block RAM with a synchronous read (an address
// in one cycle, its data in the next), so each loop issues one address per cycle; long
// paths are cut by pipeline registers for the clock.
//
// Register interface (word addresses, 32-bit data; diffattn_regs.v has the map):
//   0x00000 CTRL, 0x00001 STATUS, 0x00002 .. 0x0000A N, D, DV, LAMBDA, SCORE_MULT,
//   SCORE_SHIFT, CAUSAL, NORM, EPS; 0x0000B .. 0x0000F how it was built (read only);
//   0x1xxxx Q1, 0x2xxxx K1, 0x3xxxx Q2, 0x4xxxx K2, 0x5xxxx V, 0x6xxxx O (read only),
//   0x7xxxx GAIN (write only).
`default_nettype none
// The tables' folder, for the default EXP2_TABLE and RSQRT_TABLE (the FPGA flow defines it).
`ifndef DIFFATTN_TABLES
`define DIFFATTN_TABLES "."
`endif
module diffattn #(
    parameter NMAX  = 64,                // the largest N
    parameter DMAX  = 16,                // a power of two
    parameter DVMAX = 16,                // a multiple of the OUT lanes (LANES, or OUT_LANES)
    parameter LANES = 2,                 // MAC lanes: 2, 4, 8, ... (a power of two; SPLIT: DOT's, any even number)
    parameter NARROW = 0,                // 8 x 8 lanes, two per iCE40 DSP; OUT in three digits
    parameter EXP2_TABLE = {`DIFFATTN_TABLES, "/exp2.hex"},
    parameter HAS_NORM = 1,              // build the optional headwise RMSNorm
    parameter RSQRT_TABLE = {`DIFFATTN_TABLES, "/rsqrt.hex"},
    parameter O_SPRAM = 0,               // O in the iCE40 UP5K's SPRAM (synth_ice40 -spram)
    parameter Q_SPRAM = 0,               // Q1 and Q2 in another
    parameter SPLIT = 0,                 // DOT and OUT on lanes of their own, side by side:
    parameter OUT_LANES = 4              //   LANES for DOT (any even number), OUT_LANES for OUT
) (
    input  wire        clk,
    input  wire        reset,
    // register interface
    input  wire        bus_write,
    input  wire        bus_read,
    input  wire [19:0] bus_addr,
    input  wire [31:0] bus_wdata,
    output wire [31:0] bus_rdata,
    output wire        busy,
    output wire        done
);
  localparam H  = LANES / 2;
  localparam NB = $clog2(NMAX);
  localparam CB = $clog2(DMAX > DVMAX ? DMAX : DVMAX);
  localparam PB = $clog2(DMAX > LANES ? DMAX : LANES);
  localparam OL = SPLIT != 0 ? OUT_LANES : LANES;   // OUT's lanes
  localparam LB = OL > 1 ? $clog2(OL) : 1;
  localparam SW = $clog2(DMAX) + 16;         // bits of a dot product
  localparam TW = (SW > 18 ? SW : 18) + 17;  // bits of a score

  // ---- the register interface ----
  wire                  start, write_q1, write_k1, write_q2, write_k2, write_v, write_gain;
  wire [NB:0]           n;
  wire [$clog2(DMAX):0] d;
  wire [$clog2(DVMAX):0] dv;
  wire signed [15:0]    lambda;
  wire [15:0]           score_mult;
  wire [5:0]            score_shift;
  wire                  causal, norm_en;
  wire [31:0]           norm_eps;
  wire signed [31:0]    o_data;
  diffattn_regs #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(LANES), .NARROW(NARROW),
                  .HAS_NORM(HAS_NORM), .OUT_LANES(SPLIT != 0 ? OUT_LANES : 0)) regs (
      .clk(clk), .bus_write(bus_write), .bus_read(bus_read), .bus_addr(bus_addr),
      .bus_wdata(bus_wdata), .bus_rdata(bus_rdata), .busy(busy), .done(done), .o_data(o_data),
      .start(start), .write_q1(write_q1), .write_k1(write_k1), .write_q2(write_q2),
      .write_k2(write_k2), .write_v(write_v), .write_gain(write_gain),
      .n(n), .d(d), .dv(dv), .lambda(lambda), .score_mult(score_mult), .score_shift(score_shift),
      .causal(causal), .norm_en(norm_en), .norm_eps(norm_eps));

  // ---- the row loop, operands and lanes ----
  wire        dot_issue, out_issue, dot_first, dot_last, out_first;
  wire [NB:0] i, j, group, oi, oj, sm_row, softmax_last, group_keys;
  wire [PB:0] k;
  wire [CB:0] oc;
  wire        row_end, row_scored, softmax_start, softmax_idle, softmax_finishing, w_allowed;
  wire        softmax_scores_read;
  wire        pass_done, store_ready, store_idle, norm_start, norm_finishing;
  wire [LB:0] pass_cols;
  wire signed [7:0]  q1, q2;
  wire [8*H-1:0]     k1, k2;
  wire [8*OL-1:0]    v;
  wire signed [17:0] w;
  wire [32*LANES-1:0] dot_sums;          // the DOT lanes' accumulators (the score unit's)
  wire [32*OL-1:0]   out_sums;           // the OUT lanes' (the store unit's)
  wire [NB:0]        group_j, group_keys_done;
  wire               group_done, group_half, group_row_end;
  wire               softmax_mul_busy;
  wire [47:0]        softmax_mul_a, softmax_mul_b;
  wire [95:0]        softmax_mul_p;
  diffattn_operands #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(LANES), .VLANES(OL),
                      .Q_SPRAM(Q_SPRAM)) operands (
      .clk(clk), .busy(busy), .write_q1(write_q1), .write_k1(write_k1), .write_q2(write_q2),
      .write_k2(write_k2), .write_v(write_v), .bus_addr(bus_addr), .bus_byte(bus_wdata[7:0]),
      .dot_issue(dot_issue), .i(i), .j(j), .group(group), .k(k), .out_issue(out_issue),
      .oj(oj), .oc(oc), .q1(q1), .q2(q2), .k1(k1), .k2(k2), .v(v));
  generate
    if (SPLIT != 0) begin : split
      // DOT lanes and OUT lanes, each with its loop; the OUT lanes lend their multipliers to
      // the softmax unit's W between rows.
      wire out_lanes_empty;
      diffattn_split_sequencer #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(LANES),
                                 .OUT_LANES(OUT_LANES), .HAS_NORM(HAS_NORM)) sequencer (
          .clk(clk), .reset(reset), .start(start), .busy(busy), .done(done),
          .n(n), .d(d), .dv(dv), .causal(causal), .norm_en(norm_en),
          .dot_issue(dot_issue), .i(i), .j(j), .group(group), .k(k), .dot_first(dot_first),
          .dot_last(dot_last), .group_keys(group_keys), .row_end(row_end), .row_scored(row_scored),
          .softmax_start(softmax_start), .softmax_last(softmax_last), .sm_row(sm_row),
          .softmax_idle(softmax_idle), .softmax_finishing(softmax_finishing),
          .softmax_scores_read(softmax_scores_read), .w_allowed(w_allowed),
          .out_issue(out_issue), .oi(oi), .oj(oj), .oc(oc), .out_first(out_first),
          .out_lanes_empty(out_lanes_empty), .pass_done(pass_done), .pass_cols(pass_cols),
          .store_ready(store_ready), .store_idle(store_idle), .norm_start(norm_start),
          .norm_finishing(norm_finishing));
      diffattn_lanes #(.NMAX(NMAX), .LANES(LANES), .NARROW(NARROW), .ACCW(SW)) dot_lanes (
          .clk(clk), .reset(reset), .dot_issue(dot_issue), .out_issue(1'b0),
          .issue_first(dot_first), .issue_last(dot_last), .issue_j(j), .issue_keys(group_keys),
          .issue_half(i[0]), .issue_row_end(row_end), .issue_digit(2'd0), .issue_shift(1'b0),
          .q1(q1), .q2(q2), .k1(k1), .k2(k2), .w(18'sd0), .v({8*LANES{1'b0}}), .sums(dot_sums),
          .group_done(group_done), .group_j(group_j), .group_keys(group_keys_done),
          .group_half(group_half), .group_row_end(group_row_end), .empty(),
          .ext_sel(1'b0), .ext_a({16*LANES{1'b0}}), .ext_b({16*LANES{1'b0}}), .ext_p());
      wire [32*OUT_LANES-1:0] ext_p;
      diffattn_lanes #(.NMAX(NMAX), .LANES(OUT_LANES), .SHARED(1)) out_lanes (
          .clk(clk), .reset(reset), .dot_issue(1'b0), .out_issue(out_issue),
          .issue_first(out_first), .issue_last(1'b0), .issue_j({(NB+1){1'b0}}),
          .issue_keys({(NB+1){1'b0}}), .issue_half(1'b0), .issue_row_end(1'b0),
          .issue_digit(2'd0), .issue_shift(1'b0),
          .q1(8'sd0), .q2(8'sd0), .k1({8*(OUT_LANES/2){1'b0}}), .k2({8*(OUT_LANES/2){1'b0}}),
          .w(w), .v(v), .sums(out_sums), .group_done(), .group_j(), .group_keys(), .group_half(),
          .group_row_end(), .empty(out_lanes_empty),
          .ext_sel(softmax_mul_busy), .ext_a({{16*(OUT_LANES-3){1'b0}}, softmax_mul_a}),
          .ext_b({{16*(OUT_LANES-3){1'b0}}, softmax_mul_b}), .ext_p(ext_p));
      assign softmax_mul_p = ext_p[95:0];
    end else begin : alternating
      // One set of lanes alternating DOT(i + 1) and OUT(i - 1) (diffattn_sequencer).
      wire        lanes_empty, issue_first, issue_last, issue_shift;
      wire [1:0]  issue_digit;
      diffattn_sequencer #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(LANES), .NARROW(NARROW),
                           .HAS_NORM(HAS_NORM)) sequencer (
          .clk(clk), .reset(reset), .start(start), .busy(busy), .done(done),
          .n(n), .d(d), .dv(dv), .causal(causal), .norm_en(norm_en),
          .dot_issue(dot_issue), .i(i), .j(j), .k(k), .group_keys(group_keys), .row_end(row_end),
          .lanes_empty(lanes_empty), .row_scored(row_scored),
          .softmax_start(softmax_start), .softmax_last(softmax_last), .sm_row(sm_row),
          .softmax_idle(softmax_idle), .softmax_finishing(softmax_finishing),
          .out_issue(out_issue), .oi(oi), .oj(oj), .oc(oc),
          .issue_first(issue_first), .issue_last(issue_last), .issue_digit(issue_digit),
          .issue_shift(issue_shift), .pass_done(pass_done), .pass_cols(pass_cols), .store_ready(store_ready),
          .store_idle(store_idle), .norm_start(norm_start), .norm_finishing(norm_finishing));
      diffattn_lanes #(.NMAX(NMAX), .LANES(LANES), .NARROW(NARROW)) lanes (
          .clk(clk), .reset(reset), .dot_issue(dot_issue), .out_issue(out_issue),
          .issue_first(issue_first), .issue_last(issue_last), .issue_j(j), .issue_keys(group_keys),
          .issue_half(i[0]), .issue_row_end(row_end), .issue_digit(issue_digit),
          .issue_shift(issue_shift),
          .q1(q1), .q2(q2), .k1(k1), .k2(k2), .w(w), .v(v), .sums(dot_sums),
          .group_done(group_done), .group_j(group_j), .group_keys(group_keys_done),
          .group_half(group_half), .group_row_end(group_row_end), .empty(lanes_empty),
          .ext_sel(1'b0), .ext_a({16*LANES{1'b0}}), .ext_b({16*LANES{1'b0}}), .ext_p());
      assign out_sums = dot_sums;
      assign group = 0;
      assign w_allowed = 1'b1;
      assign softmax_mul_p = 96'd0;
    end
  endgenerate

  // ---- scores and softmax ----
  wire               t_read;
  wire [NB:0]        t_addr;
  wire signed [TW-1:0] t1, t2, max1, max2;
  diffattn_score #(.NMAX(NMAX), .DMAX(DMAX), .LANES(LANES)) score (
      .clk(clk), .reset(reset), .score_mult(score_mult), .score_shift(score_shift),
      .group_done(group_done), .sums(dot_sums), .group_j(group_j), .group_keys(group_keys_done),
      .group_half(group_half), .group_row_end(group_row_end), .row_scored(row_scored),
      .t_read(t_read), .t_addr(t_addr),
      .t1(t1), .t2(t2), .max1(max1), .max2(max2));
  diffattn_softmax #(.NMAX(NMAX), .TW(TW), .EXP2_TABLE(EXP2_TABLE), .SHARED_MUL(SPLIT)) softmax (
      .clk(clk), .reset(reset), .start(softmax_start), .start_last(softmax_last),
      .start_half(sm_row[0]), .idle(softmax_idle), .finishing(softmax_finishing),
      .scores_read(softmax_scores_read),
      .w_allowed(w_allowed), .lambda(lambda), .t_read(t_read),
      .t_addr(t_addr), .t1(t1), .t2(t2),
      .max1(max1), .max2(max2), .w_read(out_issue), .w_addr({oi[0], oj[NB-1:0]}), .w_data(w),
      .mul_busy(softmax_mul_busy), .mul_a(softmax_mul_a), .mul_b(softmax_mul_b), .mul_p(softmax_mul_p));

  // ---- storing O, and the RMSNorm ----
  wire               storing, norm_write, squares_done;
  wire signed [31:0] store_word, norm_word;
  wire [CB:0]        store_col, norm_col;
  assign store_idle = !storing && squares_done;
  diffattn_store #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(OL), .O_SPRAM(O_SPRAM)) store (
      .clk(clk), .reset(reset), .busy(busy), .bus_addr(bus_addr), .load(pass_done),
      .sums(out_sums), .cols(pass_cols), .col(oc), .row(oi), .storing(storing),
      .store_word(store_word), .store_col(store_col), .ready(store_ready),
      .norm_col(norm_col), .norm_write(norm_write), .norm_word(norm_word), .o_data(o_data));
  generate
    if (HAS_NORM != 0) begin : with_norm
      diffattn_rmsnorm #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .RSQRT_TABLE(RSQRT_TABLE)) rmsnorm (
          .clk(clk), .reset(reset), .norm_en(norm_en), .norm_eps(norm_eps), .dv(dv),
          .write_gain(write_gain), .bus_addr(bus_addr), .bus_gain(bus_wdata[15:0]),
          .storing(storing), .store_word(store_word), .store_col(store_col),
          .squares_done(squares_done), .start(norm_start), .finishing(norm_finishing),
          .col(norm_col), .o_data(o_data), .write(norm_write), .word(norm_word));
    end else begin : without_norm
      assign squares_done = 1'b1;
      assign norm_finishing = 1'b0;
      assign norm_col = 0;
      assign norm_write = 1'b0;
      assign norm_word = 32'sd0;
    end
  endgenerate
endmodule
`default_nettype wire

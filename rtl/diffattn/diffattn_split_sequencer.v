// diffattn_split_sequencer: the row loop when DOT and OUT have lanes of their own (SPLIT).
//
// Two loops run side by side, each keeping its own lanes busy:
//   the DOT loop   DOT(0) DOT(1) DOT(2) ...: the dot products of q_i with every key, H keys a
//                  group (K in H banks), scored by the score unit as the lanes go on;
//   the OUT loop   W(0) OUT(0) W(1) OUT(1) ...: the OUT lanes lend their multipliers to the
//                  softmax unit for its W step (the weights, three products a key), then
//                  compute the row's output, OUT_LANES columns a pass, one key a cycle.
// The softmax unit takes row i once it is scored (EXP and DIV on its own hardware) and waits
// with W until the OUT loop waits for row i. So
//
//   DOT lanes   DOT(0) DOT(1)       DOT(2)       DOT(3) ...
//   softmax            EXP+DIV(0)   EXP+DIV(1)   EXP+DIV(2)
//   OUT lanes                  W(0) OUT(0)  W(1) OUT(1)  W(2) OUT(2) ...
//
// and a row costs max(DOT, W + OUT) cycles, not their sum. The score unit keeps two rows'
// scores (by row parity), so DOT(i) waits until the softmax unit is done with row i - 2's.
`default_nettype none
module diffattn_split_sequencer #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 6,               // DOT's lanes: H = LANES / 2 keys a group
    parameter OUT_LANES = 4,           // OUT's lanes: columns a pass
    parameter HAS_NORM = 1
) (
    input  wire                     clk,
    input  wire                     reset,
    input  wire                     start,
    output reg                      busy = 1'b0,  // a register: it gates the bus across the chip
    output reg                      done,
    input  wire [$clog2(NMAX):0]    n,
    input  wire [$clog2(DMAX):0]    d,
    input  wire [$clog2(DVMAX):0]   dv,
    input  wire                     causal,
    input  wire                     norm_en,
    // DOT: element k of row i against the group of keys from j (the group-th of the row).
    output wire                     dot_issue,
    output reg  [$clog2(NMAX):0]    i,
    output wire [$clog2(NMAX):0]    j,
    output wire [$clog2(NMAX):0]    group,
    output wire [$clog2(DMAX > LANES ? DMAX : LANES):0] k,
    output wire                     dot_first,    // the group's first element
    output wire                     dot_last,     // the group's last element
    output wire [$clog2(NMAX):0]    group_keys,   // the group's real keys (<= last)
    output wire                     row_end,      // the group is the row's last
    input  wire                     row_scored,   // the score unit wrote a row's last score
    // The softmax unit takes row sm_row (its last key, its half of the buffers), and its W waits
    // for w_allowed (the OUT lanes are free and the OUT loop waits for that row).
    output wire                     softmax_start,
    output wire [$clog2(NMAX):0]    softmax_last,
    output reg  [$clog2(NMAX):0]    sm_row,
    input  wire                     softmax_idle,
    input  wire                     softmax_finishing,
    input  wire                     softmax_scores_read,  // done with a row's scores
    output wire                     w_allowed,
    // OUT: key oj of row oi, the columns from oc.
    output wire                     out_issue,
    output wire [$clog2(NMAX):0]    oi,
    output wire [$clog2(NMAX):0]    oj,
    output wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
    output wire                     out_first,    // a pass's first key
    input  wire                     out_lanes_empty,
    // The store unit takes a pass's sums (pass_cols of them, from column oc).
    output wire                     pass_done,
    output wire [$clog2(OUT_LANES > 1 ? OUT_LANES : 2):0] pass_cols,
    input  wire                     store_ready,
    input  wire                     store_idle,   // nothing to store, every square summed
    // The RMSNorm of row oi.
    output wire                     norm_start,
    input  wire                     norm_finishing
);
  localparam NB = $clog2(NMAX);

  // ---- the DOT loop: DOT(0), DOT(1), ... (diffattn_dot_row) ----
  localparam D_IDLE = 2'd0, D_ROW = 2'd1, D_DOT = 2'd2;
  reg [1:0]  dot_state = D_IDLE;
  reg        last_row;                   // row i is the head's last
  // Row i's scores go to half i mod 2, which row i - 2 used: the softmax unit must be done
  // reading row i - 2's (it takes rows in order, one at a time). The test is registered, for
  // the clock: scores_free says so for the row D_ROW has, or in DOT for the next (rows_read
  // only grows, so a value a cycle old may wait a cycle longer, never start too soon).
  reg [NB:0] rows_read;                  // rows whose scores the softmax unit has read
  reg        scores_free = 1'b0;
  wire       dot_go = dot_state == D_ROW && scores_free;
  wire       dot_finishing;
  diffattn_dot_row #(.NMAX(NMAX), .DMAX(DMAX), .LANES(LANES)) dot (
      .clk(clk), .reset(reset), .go(dot_go), .row(i), .n(n), .d(d), .causal(causal),
      .dot_issue(dot_issue), .j(j), .group(group), .k(k), .dot_first(dot_first),
      .dot_last(dot_last), .group_keys(group_keys), .row_end(row_end), .finishing(dot_finishing));

  // ---- the OUT loop: W(0) OUT(0) W(1) OUT(1) ... (diffattn_out_row) ----
  localparam O_IDLE = 2'd0, O_WAIT = 2'd1, O_ROW = 2'd2;
  reg [1:0]  out_state = O_IDLE;
  reg [NB:0] out_next;                   // the row OUT takes next
  reg [NB:0] rows_scored;                // rows whose scores are all written
  reg [NB:0] rows_weighted;              // rows whose weights are all written
  // The softmax unit takes the rows in order, each once scored; W(r) runs while the OUT loop
  // waits for row r with its lanes empty (the counters never fall behind: rows_scored >=
  // sm_row >= rows_weighted >= out_next, so inequality is the test).
  assign softmax_start = busy && softmax_idle && rows_scored != sm_row;
  assign softmax_last = causal ? sm_row : n - 1'b1;
  wire   weights_ready = rows_weighted != out_next;
  assign w_allowed = out_state == O_WAIT && !weights_ready && out_lanes_empty;
  wire   out_go = out_state == O_WAIT && weights_ready;
  wire   out_finishing, out_last_row;
  /* verilator lint_off PINCONNECTEMPTY */
  diffattn_out_row #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(OUT_LANES), .NARROW(0),
                     .HAS_NORM(HAS_NORM)) out (
      .clk(clk), .reset(reset), .go(out_go), .row(out_next), .n(n), .dv(dv), .causal(causal),
      .norm_en(norm_en), .out_issue(out_issue), .oi(oi), .oj(oj), .oc(oc), .out_first(out_first),
      .issue_digit(), .issue_shift(), .lanes_empty(out_lanes_empty),
      .pass_done(pass_done), .pass_cols(pass_cols), .store_ready(store_ready),
      .store_idle(store_idle), .norm_start(norm_start), .norm_finishing(norm_finishing),
      .finishing(out_finishing), .last_row(out_last_row));
  /* verilator lint_on PINCONNECTEMPTY */

  always @(posedge clk) begin
    if (row_scored) rows_scored <= rows_scored + 1'b1;
    if (softmax_start) sm_row <= sm_row + 1'b1;
    if (softmax_finishing) rows_weighted <= rows_weighted + 1'b1;
    if (softmax_scores_read) rows_read <= rows_read + 1'b1;
    if (start && !busy) scores_free <= 1'b1;     // rows 0 and 1 wait for nothing
    else scores_free <= dot_state == D_DOT ? i <= rows_read : i <= rows_read + 1'b1;
    if (start && !busy) begin            // a head starts both loops
      i <= 0;
      rows_read <= 0;
      sm_row <= 0;
      rows_scored <= 0;
      rows_weighted <= 0;
      out_next <= 0;
      done <= 1'b0;
      busy <= 1'b1;
      dot_state <= D_ROW;
      out_state <= O_WAIT;
    end else begin
      case (dot_state)
        D_ROW:                           // DOT(i) begins once its half of the scores is free
          if (scores_free) begin
            last_row <= i + 1'b1 == n;
            dot_state <= D_DOT;
          end
        D_DOT:
          if (dot_finishing) begin
            if (last_row) begin
              dot_state <= D_IDLE;
            end else begin
              i <= i + 1'b1;
              dot_state <= D_ROW;
            end
          end
        default: ;
      endcase
      case (out_state)
        O_WAIT:                          // OUT(out_next) once its weights are written
          if (weights_ready) out_state <= O_ROW;
        O_ROW:                           // its passes (and with NORM, or the last row, stored)
          if (out_finishing) begin
            if (out_last_row) begin
              done <= 1'b1;
              busy <= 1'b0;
              out_state <= O_IDLE;
            end else begin
              out_next <= out_next + 1'b1;
              out_state <= O_WAIT;
            end
          end
        default: ;
      endcase
    end
    if (reset) begin
      dot_state <= D_IDLE;
      out_state <= O_IDLE;
      done <= 1'b0;
      busy <= 1'b0;
    end
  end
endmodule
`default_nettype wire

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
    output wire                     busy,
    output reg                      done,
    input  wire [$clog2(NMAX):0]    n,
    input  wire [$clog2(DMAX):0]    d,
    input  wire [$clog2(DVMAX):0]   dv,
    input  wire                     causal,
    input  wire                     norm_en,
    // DOT: element k of row i against the group of keys from j (the group-th of the row).
    output wire                     dot_issue,
    output reg  [$clog2(NMAX):0]    i,
    output reg  [$clog2(NMAX):0]    j,
    output reg  [$clog2(NMAX):0]    group,
    output reg  [$clog2(DMAX > LANES ? DMAX : LANES):0] k,
    output wire                     dot_first,    // the group's first element
    output wire                     dot_last,     // the group's last element
    output wire [$clog2(NMAX):0]    group_keys,   // the group's real keys (<= last)
    output wire                     row_end,      // the group is the row's last
    input  wire                     row_scored,   // the score unit wrote a row's last score
    // The softmax unit takes row sm_row (its last key, its half of the buffers); its W waits
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
    output reg  [$clog2(NMAX):0]    oi,
    output reg  [$clog2(NMAX):0]    oj,
    output reg  [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
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
  localparam H  = LANES / 2;
  localparam NB = $clog2(NMAX);
  localparam CB = $clog2(DMAX > DVMAX ? DMAX : DVMAX);
  localparam PB = $clog2(DMAX > LANES ? DMAX : LANES);

  // ---- the DOT loop ----
  localparam D_IDLE = 2'd0, D_ROW = 2'd1, D_DOT = 2'd2;
  reg [1:0]  dot_state = D_IDLE;
  reg [PB:0] period_last;                // cycles per group, max(d, LANES), less one
  reg [NB:0] keys_left;                  // keys from j to the last
  reg        last_row;                   // row i is the head's last
  assign dot_issue = dot_state == D_DOT && k < d;
  assign dot_first = k == 0;
  assign dot_last = dot_issue && k + 1'b1 == d;
  assign group_keys = keys_left < H ? keys_left : H;
  assign row_end = keys_left <= H;
  wire   group_end = k == period_last;
  wire   dot_done = dot_state == D_DOT && group_end && keys_left <= H;
  // Row i's scores go to half i mod 2, which row i - 2 used: the softmax unit must be done
  // reading row i - 2's (it takes rows in order, one at a time). The test is registered, for
  // the clock: scores_free says so for the row D_ROW has, or in DOT for the next (rows_read
  // only grows, so a value a cycle old may wait a cycle longer, never start too soon).
  reg [NB:0] rows_read;                  // rows whose scores the softmax unit has read
  reg        scores_free = 1'b0;
  always @(posedge clk)
    if (start && !busy) scores_free <= 1'b1;     // rows 0 and 1 wait for nothing
    else scores_free <= dot_state == D_DOT ? i <= rows_read : i <= rows_read + 1'b1;

  // ---- the OUT loop ----
  localparam O_IDLE = 3'd0, O_WAIT = 3'd1, O_OUT = 3'd2, O_DRAIN = 3'd3, O_FLUSH = 3'd4, O_NORM = 3'd5;
  reg [2:0]  out_state = O_IDLE;
  reg [NB:0] out_next;                   // the row OUT takes next
  reg        out_last_row;               // row oi is the head's last
  reg [NB:0] out_last;                   // the row's last key
  reg [CB:0] cols_left;                  // columns from oc to the last
  reg [NB:0] rows_scored;                // rows whose scores are all written
  reg [NB:0] rows_weighted;              // rows whose weights are all written
  assign busy = out_state != O_IDLE;
  assign out_issue = out_state == O_OUT;
  assign out_first = oj == 0;

  // The softmax unit takes the rows in order, each once scored; W(r) runs while the OUT loop
  // waits for row r with its lanes empty (the counters never fall behind: rows_scored >=
  // sm_row >= rows_weighted >= out_next, so inequality is the test).
  assign softmax_start = busy && softmax_idle && rows_scored != sm_row;
  assign softmax_last = causal ? sm_row : n - 1'b1;
  wire   weights_ready = rows_weighted != out_next;
  assign w_allowed = out_state == O_WAIT && !weights_ready && out_lanes_empty;

  wire   pass_drained = out_state == O_DRAIN && store_ready && out_lanes_empty;
  assign pass_done = pass_drained;
  assign pass_cols = cols_left < OUT_LANES ? cols_left : OUT_LANES;
  wire   row_stored = out_state == O_FLUSH && store_idle;
  assign norm_start = row_stored && HAS_NORM != 0 && norm_en;

  // A row's output is done: the head, or the next row.
  task next_row;
    begin
      if (out_last_row) begin
        done <= 1'b1;
        out_state <= O_IDLE;
      end else begin
        out_next <= out_next + 1'b1;
        out_state <= O_WAIT;
      end
    end
  endtask

  always @(posedge clk) begin
    if (row_scored) rows_scored <= rows_scored + 1'b1;
    if (softmax_start) sm_row <= sm_row + 1'b1;
    if (softmax_finishing) rows_weighted <= rows_weighted + 1'b1;
    if (softmax_scores_read) rows_read <= rows_read + 1'b1;
    if (start && !busy) begin            // a head starts both loops
      i <= 0;
      rows_read <= 0;
      sm_row <= 0;
      rows_scored <= 0;
      rows_weighted <= 0;
      period_last <= (d > LANES ? d : LANES) - 1'b1;
      out_next <= 0;
      done <= 1'b0;
      dot_state <= D_ROW;
      out_state <= O_WAIT;
    end else begin
      case (dot_state)
        D_ROW:
          if (scores_free) begin
            last_row <= i + 1'b1 == n;
            keys_left <= causal ? i + 1'b1 : n;
            j <= 0;
            group <= 0;
            k <= 0;
            dot_state <= D_DOT;
          end
        // s_j = q_i . k_j, both maps, H keys at a time, one element per cycle.
        D_DOT: begin
          k <= k + 1'b1;
          if (group_end) begin
            k <= 0;
            j <= j + H;
            group <= group + 1'b1;
            keys_left <= keys_left - H;
          end
          if (dot_done) begin
            if (last_row) begin
              dot_state <= D_IDLE;
            end else begin
              i <= i + 1'b1;
              dot_state <= D_ROW;
            end
          end
        end
        default: ;
      endcase
      case (out_state)
        O_WAIT:                          // OUT(out_next) once its weights are written
          if (weights_ready) begin
            oi <= out_next;
            out_last <= causal ? out_next : n - 1'b1;
            out_last_row <= out_next + 1'b1 == n;
            oc <= 0;
            cols_left <= dv;
            oj <= 0;
            out_state <= O_OUT;
          end
        // O[oi][oc + l] = sum_j w_j V[j][oc + l] in lane l, one key per cycle.
        O_OUT: begin
          oj <= oj + 1'b1;
          if (oj == out_last) out_state <= O_DRAIN;
        end
        // The pass's sums go to the store unit once accumulated and the store unit has
        // finished the previous pass's; then the next pass, or the next row.
        O_DRAIN:
          if (pass_drained) begin
            if (cols_left > OUT_LANES) begin
              cols_left <= cols_left - OUT_LANES;
              oc <= oc + OUT_LANES;
              oj <= 0;
              out_state <= O_OUT;
            end else if ((HAS_NORM != 0 && norm_en) || out_last_row) begin
              out_state <= O_FLUSH;
            end else begin
              next_row;
            end
          end
        // Until the row's last sums are stored (and squared): for the RMSNorm, which reads
        // them, and at the end of the head.
        O_FLUSH:
          if (row_stored) begin
            if (norm_start) out_state <= O_NORM;
            else next_row;
          end
        O_NORM:
          if (norm_finishing) next_row;
        default: ;
      endcase
    end
    if (reset) begin
      dot_state <= D_IDLE;
      out_state <= O_IDLE;
      done <= 1'b0;
    end
  end
endmodule
`default_nettype wire

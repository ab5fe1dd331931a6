// diffattn_sequencer: the row loop, which keeps the lanes busy.
//
// The lanes alternate between two jobs: DOT(i), the dot products of q_i with every key (K is
// read a group of H = LANES / 2 keys at a time, element k per cycle; the score unit scores
// each group as the lanes go on), and OUT(i), the output of row i (LANES columns per pass,
// key oj per cycle; each pass's sums go to the store unit, which writes them while the lanes
// go on; then, with NORM, the RMSNorm of the row; with NARROW lanes a pass is three sub-passes
// over the keys, one per digit of the weights). Once the score unit has written row i's
// last score, the softmax unit takes row i and turns its scores into weights on its own
// hardware, while the lanes go on with OUT(i - 1) and DOT(i + 1):
//
//   lanes     DOT(0) DOT(1) OUT(0) DOT(2) OUT(1) DOT(3) ... DOT(n-1) OUT(n-2) OUT(n-1)
//   softmax          SM(0)  SM(1) ------> SM(2) -------> ...        SM(n-1)
//
// The score unit and the weight buffer keep two rows each (by row parity), which is what
// lets DOT(i + 1) and OUT(i - 1) run beside SM(i). The softmax unit takes the rows in order,
// each once it is scored and the unit is free; OUT(i) starts once SM(i) is done.
`default_nettype none
module diffattn_sequencer #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,
    parameter NARROW = 0,              // 8 x 8 lanes: OUT in three digits (diffattn_lanes)
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
    // DOT: element k of row i against the group of keys from j.
    output wire                     dot_issue,
    output reg  [$clog2(NMAX):0]    i,
    output reg  [$clog2(NMAX):0]    j,
    output reg  [$clog2(DMAX > LANES ? DMAX : LANES):0] k,
    output wire [$clog2(NMAX):0]    group_keys,   // the group's real keys (<= last)
    output wire                     row_end,      // the group is the row's last
    input  wire                     lanes_empty,  // no element in the lanes
    input  wire                     row_scored,   // the score unit wrote a row's last score
    // The softmax unit takes row sm_row (its last key, its half of the buffers).
    output wire                     softmax_start,
    output wire [$clog2(NMAX):0]    softmax_last,
    output reg  [$clog2(NMAX):0]    sm_row,
    input  wire                     softmax_idle,
    input  wire                     softmax_finishing,
    // OUT: key oj of row oi, the columns from oc.
    output wire                     out_issue,
    output reg  [$clog2(NMAX):0]    oi,
    output reg  [$clog2(NMAX):0]    oj,
    output reg  [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
    output wire                     issue_first,  // the first element of a sum
    output wire                     issue_last,   // DOT: the last element of a group
    output reg  [1:0]               issue_digit,  // OUT, NARROW: the weights' digit
    output wire                     issue_shift,  // OUT, NARROW: a later sub-pass's first key
    // The store unit takes a pass's sums (pass_cols of them, from column oc).
    output wire                     pass_done,
    output wire [$clog2(LANES > 1 ? LANES : 2):0] pass_cols,
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
  localparam TOP_DIGIT = NARROW != 0 ? 2'd2 : 2'd0;  // OUT's first sub-pass
  localparam IDLE = 3'd0, ROW = 3'd1, DOT = 3'd2, WAIT_WEIGHTS = 3'd3, OUT = 3'd4,
             OUT_DRAIN = 3'd5, OUT_FLUSH = 3'd6, NORM = 3'd7;
  reg [2:0] state;
  assign busy = state != IDLE;

  reg [PB:0] period_last;                // DOT: cycles per group, max(d, LANES), less one
  reg [NB:0] keys_left;                  // DOT: keys from j to the last
  reg        last_row;                   // row i is the head's last
  reg [NB:0] out_next;                   // the row OUT takes next
  reg        out_last_row;               // row oi is the head's last
  reg [NB:0] out_last;                   // OUT: the row's last key
  reg [CB:0] cols_left;                  // OUT: columns from oc to the last
  reg [NB:0] rows_scored;                // rows whose scores are all written
  reg [NB:0] rows_weighted;              // rows whose weights are all written (SM done)

  assign dot_issue = state == DOT && k < d;
  assign out_issue = state == OUT;
  assign issue_first = dot_issue ? k == 0 : oj == 0 && issue_digit == TOP_DIGIT;
  assign issue_shift = oj == 0 && issue_digit != TOP_DIGIT;
  assign issue_last = dot_issue && k + 1'b1 == d;
  assign group_keys = keys_left < H ? keys_left : H;
  assign row_end = keys_left <= H;
  // k == period_last, not k + 1 == period: no adder before the comparison, for the clock.
  wire   group_end = k == period_last;
  wire   dot_done = state == DOT && group_end && keys_left <= H;

  // The softmax unit takes the rows in order, each once scored; OUT(r) waits until SM(r) is
  // done. (The counters never fall behind: rows_scored >= sm_row >= rows_weighted >= the row
  // OUT waits for, so inequality is the test.)
  assign softmax_start = busy && softmax_idle && rows_scored != sm_row;
  assign softmax_last = causal ? sm_row : n - 1'b1;
  wire   weights_ready = rows_weighted != out_next;

  wire   pass_drained = state == OUT_DRAIN && store_ready && lanes_empty;
  assign pass_done = pass_drained;
  assign pass_cols = cols_left < LANES ? cols_left : LANES;
  wire   row_stored = state == OUT_FLUSH && store_idle;
  assign norm_start = row_stored && HAS_NORM != 0 && norm_en;

  // The lanes' next job after DOT(0) or OUT(i - 1): DOT(i + 1), or after the last DOT the
  // last row's OUT.
  task next_lane_job;
    begin
      if (last_row) begin
        out_next <= i;
        state <= WAIT_WEIGHTS;
      end else begin
        i <= i + 1'b1;
        state <= ROW;
      end
    end
  endtask

  // A row's output is done: the head, or the lanes' next job.
  task next_after_output;
    begin
      if (out_last_row) begin
        done <= 1'b1;
        state <= IDLE;
      end else begin
        next_lane_job;
      end
    end
  endtask

  always @(posedge clk) begin
    if (row_scored) rows_scored <= rows_scored + 1'b1;
    if (softmax_start) sm_row <= sm_row + 1'b1;
    if (softmax_finishing) rows_weighted <= rows_weighted + 1'b1;
    if (reset) begin
      state <= IDLE;
      done <= 1'b0;
    end else case (state)
      IDLE:
        if (start) begin
          i <= 0;
          sm_row <= 0;
          rows_scored <= 0;
          rows_weighted <= 0;
          done <= 1'b0;
          period_last <= (d > LANES ? d : LANES) - 1'b1;
          state <= ROW;
        end
      ROW: begin
        last_row <= i + 1'b1 == n;
        keys_left <= causal ? i + 1'b1 : n;
        j <= 0;
        k <= 0;
        state <= DOT;
      end
      // s_j = q_i . k_j, both maps, H keys at a time, one element per cycle. After the last
      // group the lanes go on at once (the score unit takes the group's sums from them):
      // OUT(i - 1), or after DOT(0) the next job.
      DOT: begin
        k <= k + 1'b1;
        if (group_end) begin
          k <= 0;
          j <= j + H;
          keys_left <= keys_left - H;
        end
        if (dot_done) begin
          if (i != 0) begin
            out_next <= i - 1'b1;
            state <= WAIT_WEIGHTS;
          end else begin
            next_lane_job;
          end
        end
      end
      // OUT(out_next) once its weights are ready (its softmax done).
      WAIT_WEIGHTS:
        if (weights_ready) begin
          oi <= out_next;
          out_last <= causal ? out_next : n - 1'b1;
          out_last_row <= out_next + 1'b1 == n;
          oc <= 0;
          cols_left <= dv;
          oj <= 0;
          issue_digit <= TOP_DIGIT;
          state <= OUT;
        end
      // O[oi][oc + l] = sum_j w_j V[j][oc + l] in lane l: one key per cycle (NARROW: one
      // digit of its weight per cycle, a sub-pass over the keys per digit).
      OUT: begin
        oj <= oj + 1'b1;
        if (oj == out_last) begin
          if (issue_digit != 0) begin
            issue_digit <= issue_digit - 1'b1;
            oj <= 0;
          end else begin
            state <= OUT_DRAIN;
          end
        end
      end
      // Once the pass's last product is accumulated, its sums go to the store unit, when that
      // has finished the previous pass's (it is storing its last now, or idle), and the next
      // pass begins; after the last pass the lanes' next job, while the row is stored.
      OUT_DRAIN:
        if (pass_drained) begin
          if (cols_left > LANES) begin
            cols_left <= cols_left - LANES;
            oc <= oc + LANES;
            oj <= 0;
            issue_digit <= TOP_DIGIT;
            state <= OUT;
          end else if ((HAS_NORM != 0 && norm_en) || out_last_row) begin
            state <= OUT_FLUSH;
          end else begin
            next_after_output;
          end
        end
      // Until the row's last sums are stored (and squared): for the RMSNorm, which reads
      // them, and at the end of the head.
      OUT_FLUSH:
        if (row_stored) begin
          if (norm_start) state <= NORM;
          else next_after_output;
        end
      NORM:                              // the RMSNorm of row oi
        if (norm_finishing) next_after_output;
      default: state <= IDLE;
    endcase
  end
endmodule
`default_nettype wire

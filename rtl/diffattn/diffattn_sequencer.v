// diffattn_sequencer: the row loop, which keeps the lanes busy.
//
// The lanes alternate between two jobs: DOT(i), the dot products of q_i with every key (K is
// read a group of H = LANES / 2 keys at a time, element k per cycle; the score unit scores
// each group as the next one runs), and OUT(i), the output of row i (LANES columns per pass,
// key oj per cycle; each pass's sums go to the store unit, which writes them while the next
// pass runs; then, with NORM, the RMSNorm of the row). When DOT(i) has drained, the softmax
// unit takes row i and turns its scores into weights on its own hardware, while the lanes go
// on with OUT(i - 1) and then DOT(i + 1):
//
//   lanes     DOT(0) DOT(1) OUT(0) DOT(2) OUT(1) DOT(3) ... DOT(n-1) OUT(n-2) OUT(n-1)
//   softmax          SM(0)  SM(1) ------> SM(2) -------> ...        SM(n-1)
//
// so SM(i) has OUT(i - 1) and DOT(i + 1) to finish in before OUT(i) needs its weights. The
// score unit and the weight buffer keep two rows each (by row parity), which is what lets
// DOT(i + 1) and OUT(i - 1) run beside SM(i). DOT(i) hands its row over only when the
// softmax unit is idle (SM(i - 1) done), and OUT(i) starts only once SM(i) is done.
`default_nettype none
module diffattn_sequencer #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,
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
    input  wire                     lanes_empty,  // no element in the lanes
    input  wire                     group_done,
    input  wire                     score_idle,
    // The softmax unit takes row i (its last key, its half of the weight buffer).
    output wire                     softmax_start,
    output reg  [$clog2(NMAX):0]    last,
    input  wire                     softmax_idle,
    // OUT: key oj of row oi, the columns from oc.
    output wire                     out_issue,
    output reg  [$clog2(NMAX):0]    oi,
    output reg  [$clog2(NMAX):0]    oj,
    output reg  [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
    output wire                     issue_first,  // the first element of a sum
    output wire                     issue_last,   // DOT: the last element of a group
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
  localparam IDLE = 4'd0, ROW = 4'd1, DOT = 4'd2, DOT_DRAIN = 4'd3, WAIT_SOFTMAX = 4'd4,
             OUT = 4'd5, OUT_DRAIN = 4'd6, OUT_FLUSH = 4'd7, NORM = 4'd8;
  // (WAIT_SOFTMAX: before the last row's OUT, until its softmax is done.)
  reg [3:0] state;
  assign busy = state != IDLE;

  reg [PB:0] period;                     // DOT: cycles per group, max(d, LANES)
  reg [NB:0] keys_left;                  // DOT: keys from j to the last
  reg        last_row;                   // row i is the head's last
  reg        out_last_row;               // row oi is the head's last
  reg [NB:0] out_last;                   // OUT: the row's last key
  reg [CB:0] cols_left;                  // OUT: columns from oc to the last
  // Nothing of DOT in flight (registered for the clock: in DOT_DRAIN nothing new starts).
  reg        dot_quiet = 1'b0;
  always @(posedge clk) dot_quiet <= lanes_empty && !group_done && score_idle;

  assign dot_issue = state == DOT && k < d;
  assign out_issue = state == OUT;
  assign issue_first = dot_issue ? k == 0 : oj == 0;
  assign issue_last = dot_issue && k + 1'b1 == d;
  assign group_keys = keys_left < H ? keys_left : H;
  wire   dot_drained = state == DOT_DRAIN && dot_quiet && softmax_idle;
  assign softmax_start = dot_drained;
  wire   pass_drained = state == OUT_DRAIN && store_ready && lanes_empty;
  assign pass_done = pass_drained;
  assign pass_cols = cols_left < LANES ? cols_left : LANES;
  wire   row_stored = state == OUT_FLUSH && store_idle;
  assign norm_start = row_stored && HAS_NORM != 0 && norm_en;

  // OUT of row oi begins (its weights are in the buffer's half oi mod 2).
  task begin_output_row;
    begin
      oc <= 0;
      cols_left <= dv;
      oj <= 0;
      state <= OUT;
    end
  endtask

  // After DOT(i) without an OUT before it (row 0), or after OUT(oi): the next row's DOT, or
  // after the last DOT the last row's OUT (once its softmax is done).
  task next_lane_job;
    begin
      if (last_row) begin
        state <= WAIT_SOFTMAX;
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

  always @(posedge clk)
    if (reset) begin
      state <= IDLE;
      done <= 1'b0;
    end else case (state)
      IDLE:
        if (start) begin
          i <= 0;
          done <= 1'b0;
          period <= d > LANES ? d : LANES;
          state <= ROW;
        end
      ROW: begin
        last <= causal ? i : n - 1'b1;
        last_row <= i + 1'b1 == n;
        keys_left <= causal ? i + 1'b1 : n;
        j <= 0;
        k <= 0;
        state <= DOT;
      end
      // s_j = q_i . k_j, both maps, H keys at a time, one element per cycle.
      DOT: begin
        k <= k + 1'b1;
        if (k + 1'b1 == period) begin
          k <= 0;
          j <= j + H;
          keys_left <= keys_left - H;
          if (keys_left <= H) state <= DOT_DRAIN;
        end
      end
      // Until the last group's scores are written and the softmax unit is free (SM(i - 1)
      // done); then the softmax unit takes row i, and the lanes OUT(i - 1), whose weights
      // are ready, or (row 0) the next job.
      DOT_DRAIN:
        if (dot_drained) begin
          if (i != 0) begin
            oi <= i - 1'b1;
            out_last <= causal ? i - 1'b1 : n - 1'b1;
            out_last_row <= 1'b0;
            begin_output_row;
          end else begin
            next_lane_job;
          end
        end
      // The last row's OUT, once its weights are ready.
      WAIT_SOFTMAX:
        if (softmax_idle) begin
          oi <= i;
          out_last <= last;
          out_last_row <= 1'b1;
          begin_output_row;
        end
      // O[oi][oc + l] = sum_j w_j V[j][oc + l] in lane l: one key per cycle.
      OUT: begin
        oj <= oj + 1'b1;
        if (oj == out_last) state <= OUT_DRAIN;
      end
      // Once the pass's last product is accumulated, its sums go to the store unit, when that
      // has finished the previous pass's (it is storing its last now, or idle), and the next
      // pass begins.
      OUT_DRAIN:
        if (pass_drained) begin
          if (cols_left > LANES) begin
            cols_left <= cols_left - LANES;
            oc <= oc + LANES;
            oj <= 0;
            state <= OUT;
          end else begin
            state <= OUT_FLUSH;
          end
        end
      OUT_FLUSH:                         // until the row's last sums are stored (and squared)
        if (row_stored) begin
          if (norm_start) state <= NORM;
          else next_after_output;
        end
      NORM:                              // the RMSNorm of row oi
        if (norm_finishing) next_after_output;
      default: state <= IDLE;
    endcase
endmodule
`default_nettype wire

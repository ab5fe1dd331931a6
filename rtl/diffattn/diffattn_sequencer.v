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
// diffattn_dot_row and diffattn_out_row run the two jobs; this module orders them.
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
    output wire [$clog2(NMAX):0]    j,
    output wire [$clog2(DMAX > LANES ? DMAX : LANES):0] k,
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
    output wire [$clog2(NMAX):0]    oi,
    output wire [$clog2(NMAX):0]    oj,
    output wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
    output wire                     issue_first,  // the first element of a sum
    output wire                     issue_last,   // DOT: the last element of a group
    output wire [1:0]               issue_digit,  // OUT, NARROW: the weights' digit
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
  localparam NB = $clog2(NMAX);
  localparam IDLE = 2'd0, ROW = 2'd1, WAIT_WEIGHTS = 2'd2, LANES_BUSY = 2'd3;
  reg [1:0]  state = IDLE;
  assign busy = state != IDLE;

  reg        last_row;                   // row i is the head's last
  reg [NB:0] out_next;                   // the row OUT takes next
  reg [NB:0] rows_scored;                // rows whose scores are all written
  reg [NB:0] rows_weighted;              // rows whose weights are all written (SM done)

  // The lanes' two jobs, one row each (LANES_BUSY while either runs).
  wire dot_go = state == ROW;
  wire dot_finishing, dot_first, out_first, out_finishing, out_last_row;
  wire [NB:0] group;
  diffattn_dot_row #(.NMAX(NMAX), .DMAX(DMAX), .LANES(LANES)) dot (
      .clk(clk), .reset(reset), .go(dot_go), .row(i), .n(n), .d(d), .causal(causal),
      .dot_issue(dot_issue), .j(j), .group(group), .k(k), .dot_first(dot_first),
      .dot_last(issue_last), .group_keys(group_keys), .row_end(row_end), .finishing(dot_finishing));
  // The softmax unit takes the rows in order, each once scored; OUT(r) waits until SM(r) is
  // done. (The counters never fall behind: rows_scored >= sm_row >= rows_weighted >= the row
  // OUT waits for, so inequality is the test.)
  assign softmax_start = busy && softmax_idle && rows_scored != sm_row;
  assign softmax_last = causal ? sm_row : n - 1'b1;
  wire   weights_ready = rows_weighted != out_next;
  wire   out_go = state == WAIT_WEIGHTS && weights_ready;
  diffattn_out_row #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .LANES(LANES), .NARROW(NARROW),
                     .HAS_NORM(HAS_NORM)) out (
      .clk(clk), .reset(reset), .go(out_go), .row(out_next), .n(n), .dv(dv), .causal(causal),
      .norm_en(norm_en), .out_issue(out_issue), .oi(oi), .oj(oj), .oc(oc), .out_first(out_first),
      .issue_digit(issue_digit), .issue_shift(issue_shift), .lanes_empty(lanes_empty),
      .pass_done(pass_done), .pass_cols(pass_cols), .store_ready(store_ready),
      .store_idle(store_idle), .norm_start(norm_start), .norm_finishing(norm_finishing),
      .finishing(out_finishing), .last_row(out_last_row));
  assign issue_first = dot_issue ? dot_first : out_first;

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
          state <= ROW;
        end
      ROW: begin                         // DOT(i) begins (diffattn_dot_row)
        last_row <= i + 1'b1 == n;
        state <= LANES_BUSY;
      end
      // OUT(out_next) once its weights are ready (its softmax done).
      WAIT_WEIGHTS:
        if (weights_ready) state <= LANES_BUSY;
      // DOT(i) or OUT(oi) runs. After DOT(i) the lanes go on at once (the score unit takes
      // the last group's sums from them): OUT(i - 1), or after DOT(0) the next job. After
      // OUT(oi) (its passes handed to the store unit; with NORM, or the head's last row,
      // stored and normalised), the head is done or the lanes take their next job.
      LANES_BUSY:
        if (dot_finishing) begin
          if (i != 0) begin
            out_next <= i - 1'b1;
            state <= WAIT_WEIGHTS;
          end else begin
            next_lane_job;
          end
        end else if (out_finishing) begin
          if (out_last_row) begin
            done <= 1'b1;
            state <= IDLE;
          end else begin
            next_lane_job;
          end
        end
      default: state <= IDLE;
    endcase
  end
endmodule
`default_nettype wire

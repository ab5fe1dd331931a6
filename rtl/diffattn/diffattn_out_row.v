// diffattn_out_row: OUT for one row, the sequencers' output loop.
//
// O[oi][oc + l] = sum_j w_j V[j][oc + l] in lane l, one key per cycle: passes of LANES
// columns (NARROW lanes take each weight in three digits, a sub-pass over the keys per digit,
// highest first). At the end of a pass, once its last product is accumulated and the store
// unit has finished the previous pass's sums (it is storing its last now, or idle), the sums
// go to the store unit and the next pass begins. After the last pass the row is done, unless
// it must be stored first (with NORM, as the RMSNorm reads it; the head's last row), and then
// normalised. `go` starts a row (its first key issues the next cycle); `finishing` marks its
// last cycle, after which the lanes may take their next job.
`default_nettype none
module diffattn_out_row #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,               // OUT's lanes: columns a pass
    parameter NARROW = 0,              // 8 x 8 lanes: three digits a weight (diffattn_lanes)
    parameter HAS_NORM = 1
) (
    input  wire                     clk,
    input  wire                     reset,
    input  wire                     go,           // start row `row` now
    input  wire [$clog2(NMAX):0]    row,
    input  wire [$clog2(NMAX):0]    n,
    input  wire [$clog2(DVMAX):0]   dv,
    input  wire                     causal,
    input  wire                     norm_en,
    // Key oj of row oi, the columns from oc.
    output wire                     out_issue,
    output reg  [$clog2(NMAX):0]    oi,
    output reg  [$clog2(NMAX):0]    oj,
    output reg  [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
    output wire                     out_first,    // a sum's first element
    output reg  [1:0]               issue_digit,  // NARROW: the weights' digit
    output wire                     issue_shift,  // NARROW: a later sub-pass's first key
    input  wire                     lanes_empty,  // no element in the lanes
    // The store unit takes a pass's sums (pass_cols of them, from column oc).
    output wire                     pass_done,
    output wire [$clog2(LANES > 1 ? LANES : 2):0] pass_cols,
    input  wire                     store_ready,
    input  wire                     store_idle,   // nothing to store, every square summed
    // The RMSNorm of row oi.
    output wire                     norm_start,
    input  wire                     norm_finishing,
    output wire                     finishing,    // the row's last cycle
    output reg                      last_row      // oi is the head's last row
);
  localparam NB = $clog2(NMAX);
  localparam CB = $clog2(DMAX > DVMAX ? DMAX : DVMAX);
  localparam TOP_DIGIT = NARROW != 0 ? 2'd2 : 2'd0;  // the first sub-pass
  localparam IDLE = 3'd0, OUT = 3'd1, DRAIN = 3'd2, FLUSH = 3'd3, NORM = 3'd4;
  reg [2:0]  state = IDLE;
  reg [NB:0] out_last;                   // the row's last key
  reg [CB:0] cols_left;                  // columns from oc to the last

  assign out_issue = state == OUT;
  assign out_first = oj == 0 && issue_digit == TOP_DIGIT;
  assign issue_shift = oj == 0 && issue_digit != TOP_DIGIT;
  wire   pass_drained = state == DRAIN && store_ready && lanes_empty;
  assign pass_done = pass_drained;
  assign pass_cols = cols_left < LANES ? cols_left : LANES;
  wire   last_pass = cols_left <= LANES;
  wire   store_row = (HAS_NORM != 0 && norm_en) || last_row;
  wire   row_stored = state == FLUSH && store_idle;
  assign norm_start = row_stored && HAS_NORM != 0 && norm_en;
  assign finishing = (pass_drained && last_pass && !store_row) || (row_stored && !norm_start) ||
                     (state == NORM && norm_finishing);

  always @(posedge clk) begin
    case (state)
      OUT: begin                         // one key (NARROW: one digit of its weight) a cycle
        oj <= oj + 1'b1;
        if (oj == out_last) begin
          if (issue_digit != 0) begin
            issue_digit <= issue_digit - 1'b1;
            oj <= 0;
          end else begin
            state <= DRAIN;
          end
        end
      end
      DRAIN:                             // the pass's sums to the store unit; the next pass
        if (pass_drained) begin
          if (!last_pass) begin
            cols_left <= cols_left - LANES;
            oc <= oc + LANES;
            oj <= 0;
            issue_digit <= TOP_DIGIT;
            state <= OUT;
          end else if (store_row) begin
            state <= FLUSH;
          end else begin
            state <= IDLE;
          end
        end
      FLUSH:                             // until the row's last sums are stored (and squared)
        if (row_stored) state <= norm_start ? NORM : IDLE;
      NORM:                              // the RMSNorm of row oi
        if (norm_finishing) state <= IDLE;
      default: ;
    endcase
    if (go) begin
      oi <= row;
      out_last <= causal ? row : n - 1'b1;
      last_row <= row + 1'b1 == n;
      oc <= 0;
      cols_left <= dv;
      oj <= 0;
      issue_digit <= TOP_DIGIT;
      state <= OUT;
    end
    if (reset) state <= IDLE;
  end
endmodule
`default_nettype wire

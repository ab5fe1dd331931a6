// diffattn_dot_row: DOT for one query row, the sequencers' dot-product loop.
//
// s_j = q_i . k_j for both maps: the lanes take H = LANES / 2 keys a group (K is kept in H
// banks), element k of each per cycle; a group lasts max(d, LANES) cycles, so that the score
// unit scores its LANES sums while the lanes go on with the next group. `go` starts a row (its
// first element issues the next cycle); `finishing` marks its last cycle, after which the
// lanes may take their next job.
`default_nettype none
module diffattn_dot_row #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter LANES = 2
) (
    input  wire                     clk,
    input  wire                     reset,
    input  wire                     go,           // start row `row` now
    input  wire [$clog2(NMAX):0]    row,
    input  wire [$clog2(NMAX):0]    n,
    input  wire [$clog2(DMAX):0]    d,
    input  wire                     causal,
    // Element k of the group of keys from j (the group-th of the row).
    output wire                     dot_issue,
    output reg  [$clog2(NMAX):0]    j,
    output reg  [$clog2(NMAX):0]    group,
    output reg  [$clog2(DMAX > LANES ? DMAX : LANES):0] k,
    output wire                     dot_first,    // the group's first element
    output wire                     dot_last,     // the group's last element
    output wire [$clog2(NMAX):0]    group_keys,   // the group's real keys (<= last)
    output wire                     row_end,      // the group is the row's last
    output wire                     finishing     // the row's last cycle
);
  localparam H  = LANES / 2;
  localparam NB = $clog2(NMAX);
  localparam PB = $clog2(DMAX > LANES ? DMAX : LANES);

  reg        running = 1'b0;
  reg [PB:0] period_last;                // cycles per group, max(d, LANES), less one
  reg [NB:0] keys_left;                  // keys from j to the last
  assign dot_issue = running && k < d;
  assign dot_first = k == 0;
  assign dot_last = dot_issue && k + 1'b1 == d;
  assign group_keys = keys_left < H ? keys_left : H;
  assign row_end = keys_left <= H;
  // k == period_last, not k + 1 == period: no adder before the comparison, for the clock.
  wire   group_end = k == period_last;
  assign finishing = running && group_end && keys_left <= H;

  always @(posedge clk) begin
    if (running) begin
      k <= k + 1'b1;
      if (group_end) begin
        k <= 0;
        j <= j + H;
        group <= group + 1'b1;
        keys_left <= keys_left - H;
      end
      if (finishing) running <= 1'b0;
    end
    if (go) begin
      period_last <= (d > LANES ? d : LANES) - 1'b1;
      keys_left <= causal ? row + 1'b1 : n;
      j <= 0;
      group <= 0;
      k <= 0;
      running <= 1'b1;
    end
    if (reset) running <= 1'b0;
  end
endmodule
`default_nettype wire

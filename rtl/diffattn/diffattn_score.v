// diffattn_score: the score unit. It turns a DOT group's dot products into scores,
//   t_j = (s_j * score_mult) >>> score_shift      (log2 units, 8 fraction bits),
// map 1 then map 2 of each key, one score per cycle, while the lanes work on the next group
// (so a group takes at least LANES cycles: DOT's period). It keeps the row's scores for the
// softmax unit and each map's row maximum m, updated as the scores arrive: two rows of each,
// by row parity (the group's `half`), so that the next row's DOT can run while the softmax
// unit still reads this row's. row_scored marks the cycle in which a row's last score is
// written.
//
// One multiplier, pipelined: operands registered (stage 1), partial products (2), their sum
// (3), shifted: t (4), compared with the maximum (5), stored. The product is s's low 16 bits
// times score_mult, a 16 x 16 unsigned product (one DSP on the iCE40), plus s's few high bits
// (signed) times score_mult as shifted adds in the fabric: a 20 x 17 product would take two
// DSPs.
`default_nettype none
module diffattn_score #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter LANES = 2,
    // Derived, not to be set: the bits of a score (the multiplier's product).
    parameter TW = ($clog2(DMAX) + 16 > 18 ? $clog2(DMAX) + 16 : 18) + 17
) (
    input  wire                      clk,
    input  wire                      reset,
    input  wire [15:0]               score_mult,
    input  wire [5:0]                score_shift,
    // A DOT group's dot products: map 1's keys in the low half of sums, map 2's in the high.
    input  wire                      group_done,
    input  wire [32*LANES-1:0]       sums,
    input  wire [$clog2(NMAX):0]     group_j,
    input  wire [$clog2(NMAX):0]     group_keys,
    input  wire                      group_half,     // the group's row parity
    input  wire                      group_row_end,  // the group is its row's last
    output wire                      row_scored,     // a row's last score is written now
    // A row's scores and maxima, for the softmax unit: key t_addr[NB-1:0] of half
    // t_addr[NB] (a read's data the next cycle); the maxima of half t_addr[NB].
    input  wire                      t_read,
    input  wire [$clog2(NMAX):0]     t_addr,
    output reg  signed [TW-1:0] t1,
    output reg  signed [TW-1:0] t2,
    output wire signed [TW-1:0] max1,
    output wire signed [TW-1:0] max2
);
  localparam H   = LANES / 2;
  localparam NB  = $clog2(NMAX);
  localparam SW  = $clog2(DMAX) + 16;  // bits of a dot product s, |s| <= DMAX 2^14
  localparam SMW = SW > 18 ? SW : 18;  // the multiplier's first operand (s; at least 18 bits: TW)

  reg signed [TW-1:0] t1_mem [0:2*NMAX-1];
  reg signed [TW-1:0] t2_mem [0:2*NMAX-1];
  reg signed [TW-1:0] max1_half [0:1];
  reg signed [TW-1:0] max2_half [0:1];
  assign max1 = max1_half[t_addr[NB]];
  assign max2 = max2_half[t_addr[NB]];

  // The group's dot products still to score, the next in the low SW bits of each map's (a
  // dot product needs no more: |s| <= d 2^14).
  reg  [SW*H-1:0] s1_left, s2_left;
  wire [SW*H-1:0] group_s1, group_s2;
  genvar g;
  generate
    for (g = 0; g < H; g = g + 1) begin : take
      assign group_s1[SW*g +: SW] = sums[32*g +: SW];
      assign group_s2[SW*g +: SW] = sums[32*(H+g) +: SW];
    end
  endgenerate
  reg [NB:0]     score_j;                // key of the next score
  reg [NB:0]     keys_left = 0;          // keys of the group still to score
  reg            score_map2 = 1'b0;      // this cycle scores map 2
  reg            score_half, score_row_end;  // the group's row parity; its row's last group
  reg            one_left;               // keys_left == 1 (kept beside it, for the clock)
  // |s| <= d 2^14: SW bits hold it, so the multiplier is no wider than it needs to be.
  wire signed [SW-1:0] s = score_map2 ? s2_left[SW-1:0] : s1_left[SW-1:0];

  localparam HB = SMW - 16;              // s's high bits, beside the 16 the DSP takes
  reg  [15:0]          mul_low;          // s[15:0]
  reg  signed [HB-1:0] mul_high;         // s[SMW-1:16]
  reg  [15:0]          mul_b;            // score_mult
  reg  [31:0]          product_low;      // s[15:0] score_mult
  reg  signed [HB+16:0] product_high;    // s[SMW-1:16] score_mult
  reg  signed [HB+16:0] high_times_mult;
  integer b;
  always @* begin                        // shifted adds: no multiplier cell for the synthesis
    high_times_mult = 0;
    for (b = 0; b < HB; b = b + 1)
      if (mul_high[b])
        high_times_mult = b == HB - 1 ? high_times_mult - ($signed({1'b0, mul_b}) <<< b)
                                      : high_times_mult + ($signed({1'b0, mul_b}) <<< b);
  end
  reg signed [TW-1:0]  product;          // their sum, a stage of its own for the clock
  reg signed [TW-1:0]  t;                // a score, one stage after the product
  reg [4:0]  stage_valid = 5'd0;         // a score in stage 1 (operands), 2 (partial products),
  reg [4:0]  stage_map2;                 //   3 (product), 4 (t), 5 (compared with the maximum
  reg [5*(NB+1)-1:0] stage_j;            //   in two halves)
  reg [4:0]  stage_half, stage_end;      // the score's row parity; the row's last score
  wire [NB:0] t5_j = stage_j[4*(NB+1) +: NB+1];
  wire       half5 = stage_half[4];
  assign row_scored = stage_valid[4] && stage_end[4];

  // The comparison t > m takes two stages: the halves in stage 4, their verdicts combined
  // in stage 5. The maximum it compares with is picked (map, row parity) one stage earlier,
  // into max_now, for the clock. Scores alternate between the maps, so the same map's
  // previous score is in stage 5 then, updating the maximum as it is picked: it is taken
  // from there (the bypass) when it does.
  localparam TL = TW / 2;                // bits of the low half
  reg  signed [TW-1:0] max_now;          // the maximum for the score in stage 4
  reg  signed [TW-1:0] t5;
  reg         hi_gt, hi_eq, lo_gt;
  wire        t_greater = hi_gt || (hi_eq && lo_gt);
  wire        max_update = stage_valid[4] && (t5_j == 0 || t_greater);  // max of t5's map, half <= t5
  wire        max_bypass = max_update && stage_map2[4] == stage_map2[2] && half5 == stage_half[2];

  always @(posedge clk) begin
    mul_low <= s[15:0];
    mul_high <= $signed(s) >>> 16;
    mul_b <= score_mult;
    product_low <= mul_low * mul_b;
    product_high <= high_times_mult;
    product <= $signed({product_high, 16'd0}) + $signed({{(TW-32){1'b0}}, product_low});
    t <= product >>> score_shift;
    stage_valid <= {stage_valid[3:0], keys_left != 0};
    stage_map2 <= {stage_map2[3:0], score_map2};
    stage_j <= {stage_j[0 +: 4*(NB+1)], score_j};
    stage_half <= {stage_half[3:0], score_half};
    stage_end <= {stage_end[3:0], score_row_end && score_map2 && one_left};
    t5 <= t;
    max_now <= max_bypass ? t5 : stage_map2[2] ? max2_half[stage_half[2]] : max1_half[stage_half[2]];
    hi_gt <= $signed(t[TW-1:TL]) > $signed(max_now[TW-1:TL]);
    hi_eq <= t[TW-1:TL] == max_now[TW-1:TL];
    lo_gt <= t[TL-1:0] > max_now[TL-1:0];
    if (stage_valid[4]) begin            // a score is ready: store it, update the maximum
      if (!stage_map2[4]) t1_mem[{half5, t5_j[NB-1:0]}] <= t5;
      else                t2_mem[{half5, t5_j[NB-1:0]}] <= t5;
    end
    if (max_update && !stage_map2[4]) max1_half[half5] <= t5;
    if (max_update && stage_map2[4])  max2_half[half5] <= t5;
    if (keys_left != 0) begin            // the next score enters the multiplier
      if (score_map2) begin
        s1_left <= s1_left >> SW;
        s2_left <= s2_left >> SW;
        score_j <= score_j + 1'b1;
        keys_left <= keys_left - 1'b1;
        one_left <= keys_left == 2;
      end
      score_map2 <= !score_map2;
    end
    if (group_done) begin
      s1_left <= group_s1;
      s2_left <= group_s2;
      score_j <= group_j;
      keys_left <= group_keys;
      one_left <= group_keys == 1;
      score_map2 <= 1'b0;
      score_half <= group_half;
      score_row_end <= group_row_end;
    end
    if (t_read) begin
      t1 <= t1_mem[t_addr];
      t2 <= t2_mem[t_addr];
    end
    if (reset) begin
      keys_left <= 0;
      stage_valid <= 5'd0;
    end
  end
endmodule
`default_nettype wire

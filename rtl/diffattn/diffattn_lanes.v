// diffattn_lanes: LANES multiply-accumulate lanes, the accelerator's arithmetic.
//
// Lane l multiplies a by b and adds the product to its accumulator:
//   DOT   s_j = q_i . k_j: lane h < H = LANES / 2 takes map 1's key j + h (a = q1_ik,
//         b = k1_(j+h)k), lane H + h map 2's (q2_ik, k2_(j+h)k). The last element of a
//         group hands the group's dot products to the score unit (group_done).
//   OUT   O_ic = sum_j w_j v_jc: lane l takes column oc + l (a = w_j, b = v_j(oc+l)).
// A lane is an 18 x 8 multiplier, or with NARROW an 8 x 8 one: OUT then takes each weight
// in three digits, a sub-pass over the keys each, highest first, and the accumulator sums
// them by Horner's rule (sum = sum 2^7 + the product, at each later sub-pass's first key).
// Two narrow lanes share one of the iCE40's DSPs (SB_MAC16 in 8 x 8 mode) when the synthesis
// defines DIFFATTN_SB_MAC16; otherwise every lane is a behavioural multiplier.
// SHARED lanes (OUT only, beside separate DOT lanes) multiply w's high 16 bits by v on a
// signed 16 x 16 multiplier (one SB_MAC16 in 16 x 16 mode) and w's low 2 bits by v in the
// fabric, with a sum of each: w v = 4 (w >> 2) v + (w & 3) v. Between OUT rows the softmax
// unit borrows the multipliers (ext_*) for its W products.
// An element issued by the sequencer flows through three stages, each carrying its flags:
//   1 its operands arrive from the buffers (mac_*),
//   2 a and b are registered, the product is formed (mac_*2),
//   3 the product is accumulated (mac_*3): registered operands and product, for the clock.
`default_nettype none
module diffattn_lanes #(
    parameter NMAX = 64,
    parameter LANES = 2,
    parameter NARROW = 0,              // 8 x 8 lanes, OUT in three digits
    parameter SHARED = 0,              // OUT only, 16 x 16 multipliers the softmax unit borrows
    parameter ACCW = 32                // bits of an accumulator (DOT only: a dot product's)
) (
    input  wire                     clk,
    input  wire                     reset,
    // The element the sequencer issues this cycle (its operands arrive next cycle).
    input  wire                     dot_issue,
    input  wire                     out_issue,
    input  wire                     issue_first,  // the first element of a sum
    input  wire                     issue_last,   // DOT: the last element of a group
    input  wire [$clog2(NMAX):0]    issue_j,      // DOT: the group's first key
    input  wire [$clog2(NMAX):0]    issue_keys,   // DOT: how many of its keys are real
    input  wire                     issue_half,   // DOT: the row's parity
    input  wire                     issue_row_end,// DOT: the row's last group
    input  wire [1:0]               issue_digit,  // OUT, NARROW: the weight's digit (2, 1, 0)
    input  wire                     issue_shift,  // OUT, NARROW: a later sub-pass's first key
    // Operands, a cycle after the issue.
    input  wire signed [7:0]        q1,
    input  wire signed [7:0]        q2,
    input  wire [8*(LANES/2)-1:0]   k1,
    input  wire [8*(LANES/2)-1:0]   k2,
    input  wire signed [17:0]       w,
    input  wire [8*LANES-1:0]       v,
    // The accumulators, lane l in word l.
    output wire [32*LANES-1:0]      sums,
    // A DOT group's sums are in the accumulators (for one cycle): its first key and size,
    // its row's parity, and whether it is the row's last.
    output reg                      group_done = 1'b0,
    output reg  [$clog2(NMAX):0]    group_j,
    output reg  [$clog2(NMAX):0]    group_keys,
    output reg                      group_half,
    output reg                      group_row_end,
    output wire                     empty,        // no element in flight
    // SHARED: while ext_sel, lane l multiplies ext_a's word l by ext_b's (signed 16-bit
    // operands, arriving as the operands do) and gives the product in ext_p's word l two cycles
    // later (the accumulators keep their sums): the softmax unit's W between OUT rows.
    input  wire                     ext_sel,
    input  wire [16*LANES-1:0]      ext_a,
    input  wire [16*LANES-1:0]      ext_b,
    output wire [32*LANES-1:0]      ext_p
);
  localparam H  = LANES / 2;
  localparam NB = $clog2(NMAX);

  reg        mac_valid = 1'b0, mac_first, mac_last, mac_out;
  reg        mac_valid2 = 1'b0, mac_first2, mac_last2, mac_out2;
  reg        mac_valid3 = 1'b0, mac_first3, mac_last3, mac_out3;
  reg [NB:0] mac_j, mac_j2, mac_j3;
  reg [NB:0] mac_keys, mac_keys2, mac_keys3;
  reg        mac_half, mac_half2, mac_half3, mac_end, mac_end2, mac_end3;
  reg [1:0]  mac_digit;
  reg        mac_shift, mac_shift2, mac_shift3;
  always @(posedge clk) begin
    mac_valid <= dot_issue || out_issue;
    mac_out <= out_issue;
    if (dot_issue || out_issue) begin
      mac_first <= issue_first;
      mac_last <= issue_last;
      mac_shift <= out_issue && issue_shift && NARROW != 0;
    end
    mac_digit <= issue_digit;
    if (dot_issue) begin
      mac_j <= issue_j;
      mac_keys <= issue_keys;
      mac_half <= issue_half;
      mac_end <= issue_row_end;
    end
    {mac_valid2, mac_first2, mac_last2, mac_out2, mac_j2} <= {mac_valid, mac_first, mac_last, mac_out, mac_j};
    {mac_valid3, mac_first3, mac_last3, mac_out3, mac_j3} <= {mac_valid2, mac_first2, mac_last2, mac_out2, mac_j2};
    {mac_keys2, mac_half2, mac_end2} <= {mac_keys, mac_half, mac_end};
    {mac_keys3, mac_half3, mac_end3} <= {mac_keys2, mac_half2, mac_end2};
    {mac_shift2, mac_shift3} <= {mac_shift, mac_shift2};
    // A group's last element accumulates in one cycle; its sums are taken from the
    // accumulators in the next (the following group's first element replaces them after).
    group_done <= mac_valid3 && mac_last3 && !mac_out3;
    group_j <= mac_j3;
    group_keys <= mac_keys3;
    group_half <= mac_half3;
    group_row_end <= mac_end3;
    if (reset) begin
      mac_valid <= 1'b0;
      mac_valid2 <= 1'b0;
      mac_valid3 <= 1'b0;
      group_done <= 1'b0;
    end
  end
  assign empty = !mac_valid && !mac_valid2 && !mac_valid3;

  genvar g;
  generate
    if (SHARED != 0) begin : shared
      localparam HIGHW = $clog2((3 * 8192 + 2 * NMAX) * 128) + 1;  // bits of sum_high, signed
      localparam LOWW  = $clog2(3 * 128 * NMAX) + 1;               // of sum_low
      localparam SUMW  = (HIGHW + 2 > LOWW ? HIGHW + 2 : LOWW) + 1; // of their sum
      // Lane l: a = w >> 2 (or ext_a), b = v's column (or ext_b), each 16 bits signed; the
      // product and (w & 3) v registered (stage 3), then added to the two sums.
      for (g = 0; g < LANES; g = g + 1) begin : lane
        wire signed [7:0]  vv = v[8*g +: 8];
        wire signed [15:0] a_next = ext_sel ? ext_a[16*g +: 16] : w[17:2];
        wire signed [15:0] b_next = ext_sel ? ext_b[16*g +: 16] : {{8{vv[7]}}, vv};
        wire signed [31:0] prod;
        reg  signed [7:0]  v2;
        reg  [1:0]         w_low2;
        reg  signed [9:0]  low;          // (w & 3) v
        always @(posedge clk) begin
          v2 <= vv;
          w_low2 <= w[1:0];
          low <= (w_low2[0] ? {{2{v2[7]}}, v2} : 10'sd0) + (w_low2[1] ? {v2[7], v2, 1'b0} : 10'sd0);
        end
`ifdef DIFFATTN_SB_MAC16
        // The iCE40's SB_MAC16 in 16 x 16 mode, signed, operands registered (stage 2) and the
        // product (stage 3).
        wire [31:0] o;
        SB_MAC16 #(.A_SIGNED(1'b1), .B_SIGNED(1'b1), .A_REG(1'b1), .B_REG(1'b1),
                   .PIPELINE_16x16_MULT_REG2(1'b1), .TOPOUTPUT_SELECT(2'b11),
                   .BOTOUTPUT_SELECT(2'b11)) mac16 (
            .CLK(clk), .CE(1'b1), .A(a_next), .B(b_next), .C(16'd0), .D(16'd0),
            .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0), .IRSTTOP(1'b0),
            .IRSTBOT(1'b0), .ORSTTOP(1'b0), .ORSTBOT(1'b0), .OLOADTOP(1'b0), .OLOADBOT(1'b0),
            .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0), .OHOLDTOP(1'b0), .OHOLDBOT(1'b0), .CI(1'b0),
            .ACCUMCI(1'b0), .SIGNEXTIN(1'b0), .O(o), .CO(), .ACCUMCO(), .SIGNEXTOUT());
        assign prod = o;
`else
        diffattn_mul16 multiplier (.clk(clk), .a(a_next), .b(b_next), .p(prod));
`endif
        // Two sums, so that no add has three inputs: 4 sum_high + sum_low is the lane's. The
        // weights' magnitudes add up to at most 3 2^15 + N (a1's to 2^15, lambda a2's to
        // 2^16 + N), so |sum_high| < (3 2^13 + 2 N) 2^7 and |sum_low| <= 3 2^7 N.
        reg  signed [HIGHW-1:0] sum_high;
        reg  signed [LOWW-1:0]  sum_low;
        wire signed [HIGHW-1:0] high_base = mac_first3 ? {HIGHW{1'b0}} : sum_high;
        wire signed [LOWW-1:0]  low_base = mac_first3 ? {LOWW{1'b0}} : sum_low;
        always @(posedge clk)
          if (mac_valid3) begin
            sum_high <= high_base + $signed(prod[HIGHW-1:0]);
            sum_low <= low_base + low;
          end
        wire signed [SUMW-1:0] sum = (sum_high <<< 2) + sum_low;
        assign sums[32*g +: 32] = {{(32-SUMW){sum[SUMW-1]}}, sum};
        assign ext_p[32*g +: 32] = prod;
      end
    end else begin : no_ext
      assign ext_p = {32*LANES{1'b0}};
    end
  endgenerate

  // The other lanes (DOT and OUT, or DOT only beside SHARED ones).
  // Each lane's operands for the next cycle: DOT q and its key's element; OUT the weight (whole,
  // or NARROW its digit this sub-pass) and the lane's column of v.
  localparam AW = NARROW != 0 ? 8 : 18;  // bits of a lane's first operand
  localparam PW = AW + 8;                // bits of its product
  // NARROW: w = d2 2^14 + d1 2^7 + d0, d1 and d0 unsigned 7-bit digits and d2 signed 4-bit,
  // each an int8 operand; sub-pass 2, 1, 0 takes d2, d1, d0.
  wire signed [7:0]    w_digit = mac_digit == 2'd2 ? {{4{w[17]}}, w[17:14]} :
                                 mac_digit == 2'd1 ? {1'b0, w[13:7]} : {1'b0, w[6:0]};
  wire signed [AW-1:0] w_operand = NARROW != 0 ? w_digit : w;
  wire [AW*LANES-1:0]  a_next;
  wire [8*LANES-1:0]   b_next;
  wire [PW*LANES-1:0]  products;           // stage 3: lane l's product in word l
  generate
    if (SHARED == 0) begin : mac
      for (g = 0; g < LANES; g = g + 1) begin : operands
        wire signed [7:0] q  = g < H ? q1 : q2;
        wire signed [7:0] kk = g < H ? k1[8*(g%H) +: 8] : k2[8*(g%H) +: 8];
        assign a_next[AW*g +: AW] = mac_out ? w_operand : {{(AW-8){q[7]}}, q};
        assign b_next[8*g +: 8] = mac_out ? v[8*g +: 8] : kk;
      end
`ifdef DIFFATTN_SB_MAC16
      if (NARROW != 0) begin : dsp_pairs
        // The iCE40's SB_MAC16 in 8 x 8 mode: lanes h and H + h (map 1 and map 2 of key j + h
        // in DOT) share one DSP, its operand registers (stage 2) and both 8 x 8 product registers
        // (stage 3), signed: the same as the behavioural lanes below, two multipliers a DSP.
        for (g = 0; g < H; g = g + 1) begin : pair
          wire [31:0] o;
          SB_MAC16 #(.MODE_8x8(1'b1), .A_SIGNED(1'b1), .B_SIGNED(1'b1), .A_REG(1'b1), .B_REG(1'b1),
                     .TOP_8x8_MULT_REG(1'b1), .BOT_8x8_MULT_REG(1'b1),
                     .TOPOUTPUT_SELECT(2'b10), .BOTOUTPUT_SELECT(2'b10)) mac16 (
              .CLK(clk), .CE(1'b1), .A({a_next[8*g +: 8], a_next[8*(H+g) +: 8]}),
              .B({b_next[8*g +: 8], b_next[8*(H+g) +: 8]}), .C(16'd0), .D(16'd0),
              .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0), .IRSTTOP(1'b0),
              .IRSTBOT(1'b0), .ORSTTOP(1'b0), .ORSTBOT(1'b0), .OLOADTOP(1'b0), .OLOADBOT(1'b0),
              .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0), .OHOLDTOP(1'b0), .OHOLDBOT(1'b0), .CI(1'b0),
              .ACCUMCI(1'b0), .SIGNEXTIN(1'b0), .O(o), .CO(), .ACCUMCO(), .SIGNEXTOUT());
          assign products[PW*g +: PW] = o[31:16];
          assign products[PW*(H+g) +: PW] = o[15:0];
        end
      end else
`endif
      if (1) begin : multipliers
        for (g = 0; g < LANES; g = g + 1) begin : lane
          reg signed [AW-1:0] a;
          reg signed [7:0]    b;
          reg signed [PW-1:0] prod;
          always @(posedge clk) begin
            a <= a_next[AW*g +: AW];
            b <= b_next[8*g +: 8];
            prod <= a * b;
          end
          assign products[PW*g +: PW] = prod;
        end
      end
      // The accumulators: a sum's first product replaces the sum; NARROW, a later sub-pass's
      // first product is added to the sum so far times 2^7 (Horner's rule over the digits).
      for (g = 0; g < LANES; g = g + 1) begin : lane
        reg signed [ACCW-1:0] acc;
        wire signed [PW-1:0] prod = products[PW*g +: PW];
        wire signed [ACCW-1:0] base = mac_first3 ? {ACCW{1'b0}} : mac_shift3 ? acc <<< 7 : acc;
        always @(posedge clk)
          if (mac_valid3) acc <= base + prod;
        assign sums[32*g +: 32] = {{(32-ACCW){acc[ACCW-1]}}, acc};
      end
    end
  endgenerate
endmodule
`default_nettype wire

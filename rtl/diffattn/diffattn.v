// diffattn: one head of differential attention,
//   O = (softmax(Q1 K1^T / sqrt d) - lambda softmax(Q2 K2^T / sqrt d)) V,
// computed bit for bit as the C++ model sim/diffattn/diffattn_model.cpp (fixed_attention)
// specifies; rtl/diffattn/README.md explains the arithmetic step by step.
//
// LANES multiply-accumulate lanes (a synthesis parameter: 2, 4, 8, ...) are kept busy by
// pipelined loops: every buffer is block RAM with a synchronous read (an address set in one
// cycle, its data used in the next), so each loop issues one address per cycle and finishes
// the element it issued a cycle or two earlier. Per query row i:
//   DOT   the scores: half the lanes take map 1, half map 2; within a map, lane h works on
//         key j + h of a group of LANES / 2 keys (K is kept in LANES / 2 block RAMs, key j in
//         bank j mod LANES / 2, so the group's keys are read in the same cycle; q_ik is read
//         once and goes to every lane). A group takes d cycles, one element each (at least
//         LANES cycles: see the score unit). When a group ends, the score unit turns its dot
//         products s into scores t = (s * mult) >>> shift, one multiplier for both maps, one
//         score per cycle, while the lanes work on the next group;
//   then, while the lanes compute the output of row i - 1 (OUT), the softmax unit takes
//   row i on its own hardware:
//   EXP   one key per cycle: e = m - t, the EXP2 table, p = EXP2[f] >> n, l = sum p;
//   DIV   r = 2^38 / l for both maps, 39 cycles (restoring division);
//   W     one key per cycle: a = p r >> 23 for both maps, then w = a1 - (lambda a2) >>> 14,
//         into one half of the weight buffer (the other half holds row i - 1's weights,
//         which OUT is reading);
//   OUT   O_ic = sum_j w_j v_jc, LANES columns per pass, one per lane (V is kept in LANES
//         block RAMs, column c in bank c mod LANES, so a pass reads one key's LANES values
//         in the same cycle);
//   NORM  the optional headwise RMSNorm.
// So the lanes run DOT(i), then OUT(i - 1) while the softmax unit runs row i, and wait
// only when the softmax takes longer than OUT. Long paths are cut by pipeline registers for
// the clock (multipliers' operands and products, the subtraction m - t, the comparison with
// the row maximum): 40 MHz on the iCE40 UP5K.
//
// Register interface (word addresses, 32-bit data; writes take effect at the clock edge,
// read data appears on rdata the cycle after the read):
//   0x00000 CTRL        write 1: start (ignored while busy)
//   0x00001 STATUS      bit 0 busy, bit 1 done (cleared by the next start)
//   0x00002 N           tokens, 1..NMAX
//   0x00003 D           query/key width, 1..DMAX
//   0x00004 DV          value width, 1..DVMAX
//   0x00005 LAMBDA      signed Q2.14 in bits 15..0
//   0x00006 SCORE_MULT  bits 15..0
//   0x00007 SCORE_SHIFT bits 5..0
//   0x00008 CAUSAL      bit 0
//   0x00009 NORM        bit 0: the headwise RMSNorm (when built with HAS_NORM = 1)
//   0x0000A EPS         the RMSNorm's eps term, unsigned (see README.md)
//   0x0000B .. 0x0000F  NMAX, DMAX, DVMAX, LANES, HAS_NORM (read only): how it was built
//   0x1xxxx Q1[row][col] at row * DMAX + col (int8 in bits 7..0; write only)
//   0x2xxxx K1, 0x3xxxx Q2, 0x4xxxx K2 (same layout), 0x5xxxx V at row * DVMAX + col
//   0x6xxxx O[row][col] at row * DVMAX + col (int32, read only): the output times 2^15, or
//           with NORM the normalised output in Q15.16
//   0x7xxxx GAIN[col] (signed Q4.11 in bits 15..0; write only): the RMSNorm gains
`default_nettype none
// The tables' folder, for the default EXP2_TABLE and RSQRT_TABLE (the FPGA flow defines it).
`ifndef DIFFATTN_TABLES
`define DIFFATTN_TABLES "."
`endif
module diffattn #(
    parameter NMAX  = 64,                // NMAX a multiple of LANES / 2
    parameter DMAX  = 16,                // a power of two
    parameter DVMAX = 16,                // a multiple of LANES
    parameter LANES = 2,                 // MAC lanes: 2, 4, 8, ... (a power of two)
    parameter EXP2_TABLE = {`DIFFATTN_TABLES, "/exp2.hex"},
    parameter HAS_NORM = 1,              // build the optional headwise RMSNorm
    parameter RSQRT_TABLE = {`DIFFATTN_TABLES, "/rsqrt.hex"}
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
    output reg         done
);
  localparam H   = LANES / 2;           // lanes per map in DOT: keys per group
  localparam NB  = $clog2(NMAX);
  localparam QKB = $clog2(NMAX * DMAX);
  localparam KBANK = NMAX / H * DMAX;   // entries of one K bank
  localparam KBB = KBANK > 1 ? $clog2(KBANK) : 1;
  localparam VBANK = NMAX * DVMAX / LANES;  // entries of one V bank
  localparam VBB = VBANK > 1 ? $clog2(VBANK) : 1;
  localparam VB  = $clog2(NMAX * DVMAX);
  localparam CB  = $clog2(DMAX > DVMAX ? DMAX : DVMAX);  // column counters: 0..max(DMAX, DVMAX)
  localparam PB  = $clog2(DMAX > LANES ? DMAX : LANES);  // DOT's cycle-in-group counter
  localparam LB  = LANES > 1 ? $clog2(LANES) : 1;
  localparam SW  = $clog2(DMAX) + 16;  // bits of a dot product s, |s| <= DMAX 2^14
  localparam SMW = SW > 18 ? SW : 18;  // the score multiplier's first operand: s, or a2
  localparam TW  = SMW + 17;           // bits of its product, and of a score t (|t| < 2^(SW+16))

  // ---- configuration registers ----
  reg [NB:0]   n;
  reg [$clog2(DMAX):0]  d;
  reg [$clog2(DVMAX):0] dv;
  reg signed [15:0] lambda;
  reg [15:0]   score_mult;
  reg [5:0]    score_shift;
  reg          causal;
  reg          norm_en;
  reg [31:0]   norm_eps;

  // ---- buffers (block RAM); K and V are banked inside the lanes' generate blocks ----
  reg signed [7:0]  q1m [0:NMAX*DMAX-1];
  reg signed [7:0]  q2m [0:NMAX*DMAX-1];
  reg signed [31:0] om  [0:NMAX*DVMAX-1];
  reg signed [TW-1:0] t1m [0:NMAX-1];      // scores of the row in DOT / EXP
  reg signed [TW-1:0] t2m [0:NMAX-1];
  reg [15:0]        p1m [0:NMAX-1];      // unnormalised probabilities
  reg [15:0]        p2m [0:NMAX-1];
  reg signed [17:0] wm  [0:2*NMAX-1];    // difference weights: two rows, by row parity
  reg [15:0]        exp2 [0:255];        // round(2^15 * 2^(-f/256))
  initial $readmemh(EXP2_TABLE, exp2);
  reg signed [15:0] gm [0:DVMAX-1];      // RMSNorm gains, Q4.11
  reg [16:0]        rsqrt_seed [0:47];   // round(2^16 / sqrt((i + 16.5) / 16))
  initial $readmemh(RSQRT_TABLE, rsqrt_seed);

  // ---- the lanes' sequencer: DOT of row i, OUT of row oi = i - 1 (or the last row) ----
  localparam S_IDLE = 4'd0, S_ROW = 4'd1, S_DOT = 4'd2, S_DOT_DRAIN = 4'd3, S_WAIT_SM = 4'd4,
             S_OUT = 4'd5, S_OUT_DRAIN = 4'd6, S_OUT_FLUSH = 4'd7,
             S_NORM_K = 4'd8, S_NORM_SEED = 4'd9, S_NORM_U = 4'd10, S_NORM_V = 4'd11, S_NORM_Y = 4'd12,
             S_NORM_ADDR = 4'd13, S_NORM_MUL1 = 4'd14, S_NORM_MUL2 = 4'd15;
  reg [3:0] state;
  // ---- the softmax unit's sequencer (a row's scores to weights, while the lanes run OUT) ----
  localparam SM_IDLE = 3'd0, SM_EXP = 3'd1, SM_EXP_DRAIN = 3'd2, SM_DIV = 3'd3, SM_W = 3'd4, SM_W_DRAIN = 3'd5;
  reg [2:0] sm_state;
  assign busy = state != S_IDLE;

  reg [NB:0] i, j, last;                 // DOT: row, first key of the group being issued, last key
  reg [PB:0] k;                          // DOT: cycle in the group (element k while k < d)
  reg [PB:0] period;                     // DOT: cycles per group, max(d, LANES)
  reg [NB:0] keys_left;                  // DOT: keys from j to the last
  reg        have_out;                   // a row's weights are ready for OUT
  reg        last_row, out_last_row;     // row i, row oi is the head's last
  reg [NB:0] oi, olast;                  // OUT: row and last key
  reg [CB:0] oc;                         // OUT: first column of the pass; NORM: column
  reg [CB:0] cols_left;                  // OUT, NORM: columns from oc to the last
  reg [NB:0] oj;                         // OUT: key being issued
  reg [NB:0] smlast, sj;                 // softmax: last key, key being issued
  reg        smpar;                      // softmax: the row's half of the weight buffer
  reg signed [TW-1:0] max1, max2;
  reg [23:0] sum1, sum2;                 // l1, l2
  reg [23:0] rem1, rem2;                 // restoring division 2^38 / l: rem < l < 2^24
  reg [23:0] quo1, quo2;
  reg [5:0]  div_step;
  reg        div_first;                  // the first step, whose dividend bit is 2^38's 1

  // Memory read data, registered (synchronous block-RAM reads), and each pipeline's flags.
  reg signed [7:0]  q1r, q2r;
  reg signed [17:0] wr;
  // An element reaches the lanes (its operands are read): stage 1; its product is formed in
  // stage 2 and accumulated in stage 3, each with the element's flags.
  reg        mac_valid = 1'b0, mac_first, mac_last, mac_out;
  reg [NB:0] mac_j;                      // DOT: the group's first key
  reg [NB:0] mac_cnt, mac_cnt2, mac_cnt3;  // DOT: how many of the group's keys are real (<= last)
  reg        group_done = 1'b0;          // DOT: a group's sums are in the accumulators
  reg        dot_quiet = 1'b0;
  reg [NB:0] group_j, group_cnt;
  reg        mac_valid2 = 1'b0, mac_first2, mac_last2, mac_out2;
  reg        mac_valid3 = 1'b0, mac_first3, mac_last3, mac_out3;
  reg [NB:0] mac_j2, mac_j3;
  reg signed [TW-1:0] t1r, t2r;
  reg        e_valid1 = 1'b0, e_valid1s = 1'b0, e_valid1c = 1'b0, e_valid2 = 1'b0, e_valid3 = 1'b0,
             e_valid4 = 1'b0;
  reg [NB:0] e_j1, e_j1s, e_j1c, e_j2, e_j3, e_j4;
  reg [15:0] p1q, p2q;                   // p, a stage before it is stored and summed
  reg [7:0]  e1q, e2q;                   // e's fraction bits: the table index
  reg [15:0] e1r, e2r;                   // the table values for a key
  reg [5:0]  n1r, n2r;                   // the integer parts of e, clamped to 16 (n1q, n2q a stage before)
  reg [15:0] p1r, p2r;
  reg        w_valid1 = 1'b0, w_valid2 = 1'b0, w_valid3 = 1'b0, w_valid4 = 1'b0;
  reg [NB:0] w_j1, w_j2, w_j3, w_j4;

  // ---- the lanes ----
  // Lane l multiplies a by b and accumulates: in DOT, q1_ik k1_(j+l)k for l < H and
  // q2_ik k2_(j+l-H)k for the others; in OUT, w_j v_j(oc+l).
  wire [8*H-1:0]      k1_rd, k2_rd;      // K banks' read data, one byte per bank
  wire [32*LANES-1:0] acc_all;           // the lanes' accumulators
  wire [KBB-1:0] kbaddr = (j / H) * DMAX + k;                         // the group's row, element k
  wire [VBB-1:0] vbaddr = oj * (DVMAX / LANES) + oc / LANES;          // key oj, columns oc ..
  wire [QKB-1:0] qaddr  = i[NB-1:0] * DMAX + k;                       // Q row i, element k
  // Bus writes to the banks: K row r goes to bank r mod H, V column c to bank c mod LANES.
  wire [NB-1:0]  bus_row = bus_addr[QKB-1:0] / DMAX;
  wire [KBB-1:0] bus_kbaddr = (bus_row / H) * DMAX + bus_addr[QKB-1:0] % DMAX;
  wire [VBB-1:0] bus_vbaddr = bus_addr[VB-1:0] / LANES;
  wire bus_idle_write = bus_write && !busy;
  wire dot_issue = state == S_DOT && k < d;
  wire out_issue = state == S_OUT;

  genvar g;
  generate
    for (g = 0; g < H; g = g + 1) begin : kbank
      reg signed [7:0] k1b [0:KBANK-1];
      reg signed [7:0] k2b [0:KBANK-1];
      reg signed [7:0] k1r, k2r;
      always @(posedge clk) begin
        if (bus_idle_write && bus_row % H == g && bus_addr[19:16] == 4'h2) k1b[bus_kbaddr] <= bus_wdata[7:0];
        if (bus_idle_write && bus_row % H == g && bus_addr[19:16] == 4'h4) k2b[bus_kbaddr] <= bus_wdata[7:0];
        if (dot_issue) begin
          k1r <= k1b[kbaddr];
          k2r <= k2b[kbaddr];
        end
      end
      assign k1_rd[8*g +: 8] = k1r;
      assign k2_rd[8*g +: 8] = k2r;
    end
    for (g = 0; g < LANES; g = g + 1) begin : lane
      reg signed [7:0] vb [0:VBANK-1];
      reg signed [7:0] vr;
      reg signed [31:0] acc;
      always @(posedge clk) begin
        if (bus_idle_write && bus_addr[19:16] == 4'h5 && bus_addr[VB-1:0] % LANES == g) vb[bus_vbaddr] <= bus_wdata[7:0];
        if (out_issue) vr <= vb[vbaddr];
      end
      wire signed [7:0]  q  = g < H ? q1r : q2r;
      wire signed [7:0]  kk = g < H ? k1_rd[8*(g%H) +: 8] : k2_rd[8*(g%H) +: 8];
      // Registered operands and product (for the clock), then the accumulator.
      reg signed [17:0] a;
      reg signed [7:0]  b;
      reg signed [25:0] prod;
      wire signed [31:0] sum = (mac_first3 ? 32'sd0 : acc) + prod;
      always @(posedge clk) begin
        a <= mac_out ? wr : {{10{q[7]}}, q};
        b <= mac_out ? vr : kk;
        prod <= a * b;
        if (mac_valid3) acc <= sum;
      end
      assign acc_all[32*g +: 32] = acc;
    end
  endgenerate

  // ---- the score unit: t = (s * mult) >>> shift for a finished group's dot products, map 1
  // then map 2 of each key, one per cycle (the group's 2H scores take LANES cycles, hence
  // DOT's group period of at least LANES cycles). One multiplier: DSPs are the scarce resource.
  reg [32*H-1:0] sc_s1, sc_s2;           // the dot products still to score, next in the low word
  reg [NB:0] sc_j;                       // key of the next score
  reg [NB:0] sc_left = 0;                // keys left in the group
  reg        sc_map2 = 1'b0;             // this cycle scores map 2
  // |s| <= d 2^14: SW bits hold it, so the multiplier is no wider than it needs to be.
  wire signed [SW-1:0] score_in = sc_map2 ? sc_s2[SW-1:0] : sc_s1[SW-1:0];
  // The same multiplier gives lambda a2 while the softmax unit computes weights: no score is
  // due then (the softmax unit takes a row only after its DOT has drained, and the next DOT
  // waits for it).
  wire lambda_mul = sm_state == SM_W || sm_state == SM_W_DRAIN;
  reg  [16:0] a1r, a2r;                  // a = (p r) >> 23, both maps
  wire [39:0] a1full = p1r * quo1;
  wire [39:0] a2full = p2r * quo2;
  // The multiplier is pipelined for the clock: its operands are registered, then its
  // product; the score's shift and the maximum take a stage each after that. Each result
  // carries a tag: which map and key (scores), or the key and its a1 (weights).
  reg signed [SMW-1:0] smul_a;
  reg signed [16:0]    smul_b;
  reg signed [TW-1:0]    smul;
  reg signed [TW-1:0]    t;                // a score, one stage after the product
  reg [3:0]  sc_valid = 4'd0;            // a score in stage 1 (operands), 2 (product), 3 (t),
  reg [3:0]  sc_tmap2;                   //   4 (compared with the maximum in two halves)
  reg [4*(NB+1)-1:0] sc_tj;
  wire [NB:0] t_j = sc_tj[3*(NB+1) +: NB+1];
  // The comparison t > max takes two stages: the halves in stage 3, their verdicts combined
  // in stage 4. Scores alternate between the maps, so the maximum a stage-3 comparison reads
  // already includes the same map's previous score.
  localparam TL = TW / 2;                // bits of the low half
  wire signed [TW-1:0] max_cur = sc_tmap2[2] ? max2 : max1;
  reg  signed [TW-1:0] t4;
  reg         hi_gt, hi_eq, lo_gt;
  wire        t_greater = hi_gt || (hi_eq && lo_gt);
  // e = m - t >= 0, split into integer part (a shift) and 8 fraction bits (the table index).
  // For the clock, t passes a register after the block RAM, and the subtraction m - t takes
  // two stages: the low 24 bits and their borrow, then the high bits.
  reg signed [TW-1:0] t1s, t2s;
  // e < 2^24 exactly when the high halves of m and t differ by the low half's borrow.
  reg  [24:0] e1lo, e2lo;                // {borrow, the low 24 bits of e}
  reg         e1eq0, e1eq1, e2eq0, e2eq1;  // m's high half equals t's, or t's + 1
  wire        e1small = (e1lo[24] ? e1eq1 : e1eq0) && ~|e1lo[23:12];  // e < 2^12
  wire        e2small = (e2lo[24] ? e2eq1 : e2eq0) && ~|e2lo[23:12];
  wire [5:0]  n1 = e1small ? {2'b00, e1lo[11:8]} : 6'd16;
  wire [5:0]  n2 = e2small ? {2'b00, e2lo[11:8]} : 6'd16;
  reg  [5:0]  n1q, n2q;
  wire [15:0] p1 = n1r[4] ? 16'd0 : e1r >> n1r[3:0];
  wire [15:0] p2 = n2r[4] ? 16'd0 : e2r >> n2r[3:0];
  wire signed [33:0] la2 = smul[33:0];     // lambda a2 (SM_W), for the key in stage 4
  reg  [16:0] a1_d3, a1_d4;               // a1 beside it (stages 3 and 4)
  wire signed [19:0] w = $signed({3'b000, a1_d4}) - $signed(la2 >>> 14);

  // ---- the store unit: at the end of an OUT pass the lanes' sums are copied here and
  // written to O one per cycle while the lanes work on the next pass.
  reg [32*LANES-1:0] st_buf;             // the sums still to store, next in the low word
  reg [LB:0] st_left = 0;                // sums left
  reg [CB:0] st_col;                     // column of the next store
  wire signed [31:0] st_word = st_buf[31:0];
  wire [CB:0]    ocol  = st_left != 0 ? st_col : oc;
  wire [VB-1:0]  oaddr = oi[NB-1:0] * DVMAX + ocol;

  // O has one port: the bus reads it while idle, the stores and the RMSNorm use it while busy.
  reg signed [31:0] om_q;
  wire [VB-1:0] om_addr = busy ? oaddr : bus_addr[VB-1:0];
  reg read_o = 1'b0, read_status = 1'b0;
  reg [31:0] info_q = 32'd0;             // a parameter register, or 0
  assign bus_rdata = read_o ? om_q : read_status ? {30'd0, done, busy} : info_q;

  // ---- the headwise RMSNorm (HAS_NORM): per output row, S = sum_c O_c^2 + EPS;
  // S = M 4^k with M in [1, 4) (Q2.30); y ~ 2^16 / sqrt(M) from a seed and two Newton steps
  // y <- y (3 - M y^2) / 2; then O_c <- (GAIN_c ((O_c y) >> k)) >> 11. One multiplier serves
  // every step, and the sum of squares as O is stored.
  reg [57:0] sumsq;
  reg        nzero;                      // S = 0: the row stays 0
  reg [4:0]  nk;
  reg [31:0] mq;
  reg [16:0] ny;
  reg [17:0] nu;
  reg [35:0] nv;
  reg        niter;
  reg signed [15:0] g_cur;
  reg signed [18:0] nrm;
  wire [57:0] ssum = sumsq + {26'd0, norm_eps};
  reg [5:0] hb;                          // the highest set bit of ssum
  integer b;
  always @* begin
    hb = 6'd0;
    for (b = 0; b < 58; b = b + 1) if (ssum[b]) hb = b[5:0];
  end
  wire [5:0]  two_k = {hb[5:1], 1'b0};
  wire [63:0] mq_wide = two_k <= 6'd30 ? {6'd0, ssum} << (6'd30 - two_k) : {6'd0, ssum} >> (two_k - 6'd30);
  reg signed [35:0] mul_a, mul_b;
  // Pipelined for the clock: operands registered, then the product (mul_p), two cycles after
  // the operands were chosen. Each NORM state that multiplies stays three cycles (mcount).
  reg signed [35:0] mul_ar, mul_br;
  reg signed [71:0] mul_p;
  reg [1:0]  mcount = 2'd0;
  wire       mul_ready = mcount == 2'd2;
  reg        sq_valid1 = 1'b0, sq_valid2 = 1'b0, sq_first1, sq_first2;  // a store's square
  always @* begin
    mul_a = 36'sd0;
    mul_b = 36'sd0;
    if (HAS_NORM != 0 && st_left != 0) begin   // a store: its square goes into S
      mul_a = {{4{st_word[31]}}, st_word};
      mul_b = {{4{st_word[31]}}, st_word};
    end else if (HAS_NORM != 0) case (state)
      S_NORM_U:     begin mul_a = {19'd0, ny}; mul_b = {19'd0, ny}; end
      S_NORM_V:     begin mul_a = {18'd0, mq[31:14]}; mul_b = {18'd0, nu}; end
      S_NORM_Y:     begin mul_a = {19'd0, ny}; mul_b = {1'b0, (35'd3 << 32) - nv[34:0]}; end
      S_NORM_MUL1:  begin mul_a = {{4{om_q[31]}}, om_q}; mul_b = {19'd0, ny}; end
      S_NORM_MUL2:  begin mul_a = {{20{g_cur[15]}}, g_cur}; mul_b = {{17{nrm[18]}}, nrm}; end
      default: ;
    endcase
  end

  // One step of restoring division: shift the next dividend bit into the remainder and
  // subtract the divisor when it fits, giving the next quotient bit. The remainder stays
  // below the divisor, so 24 bits hold it and the subtraction is 26 bits wide.
  function [47:0] divide_step(input [23:0] rem, input [23:0] quo, input [23:0] divisor, input bit_in);
    reg [24:0] shifted;
    reg [25:0] diff;
    begin
      shifted = {rem, bit_in};
      diff = {1'b0, shifted} - {2'b00, divisor};
      divide_step = diff[25] ? {shifted[23:0], quo[22:0], 1'b0}    // it does not fit
                             : {diff[23:0], quo[22:0], 1'b1};
    end
  endfunction

  // OUT of row oi begins (its weights are in the buffer's half oi mod 2).
  task begin_output_row;
    begin
      oc <= 0;
      cols_left <= dv;
      oj <= 0;
      state <= S_OUT;
    end
  endtask

  // The end of an output row: the RMSNorm, or on to the next.
  task end_output_row;
    begin
      if (HAS_NORM != 0 && norm_en) begin
        oc <= 0;
        cols_left <= dv;
        state <= S_NORM_K;
      end else begin
        next_after_output;
      end
    end
  endtask

  task next_after_output;
    begin
      if (out_last_row) begin
        done <= 1'b1;
        state <= S_IDLE;
      end else begin
        state <= S_WAIT_SM;
      end
    end
  endtask

  always @(posedge clk) begin
    // Register interface: configuration and input buffers while idle.
    if (bus_idle_write) begin
      case (bus_addr[19:16])
        4'h0: case (bus_addr[3:0])
                4'h2: n <= bus_wdata[NB:0];
                4'h3: d <= bus_wdata[$clog2(DMAX):0];
                4'h4: dv <= bus_wdata[$clog2(DVMAX):0];
                4'h5: lambda <= bus_wdata[15:0];
                4'h6: score_mult <= bus_wdata[15:0];
                4'h7: score_shift <= bus_wdata[5:0];
                4'h8: causal <= bus_wdata[0];
                4'h9: norm_en <= bus_wdata[0] && HAS_NORM != 0;
                4'hA: norm_eps <= bus_wdata;
                default: ;
              endcase
        4'h1: q1m[bus_addr[QKB-1:0]] <= bus_wdata[7:0];
        4'h3: q2m[bus_addr[QKB-1:0]] <= bus_wdata[7:0];
        4'h7: gm[bus_addr[$clog2(DVMAX)-1:0]] <= bus_wdata[15:0];
        default: ;
      endcase
    end
    // Reads: O from its block RAM (a registered read, so that it stays a block RAM),
    // STATUS from the flags.
    om_q <= om[om_addr];
    if (bus_read) begin
      read_o <= bus_addr[19:16] == 4'h6;
      read_status <= bus_addr == 20'h1;
      case (bus_addr)
        20'hB: info_q <= NMAX;
        20'hC: info_q <= DMAX;
        20'hD: info_q <= DVMAX;
        20'hE: info_q <= LANES;
        20'hF: info_q <= HAS_NORM;
        default: info_q <= 32'd0;
      endcase
    end

    // ---- pipelines, whatever the state ----
    // The lanes take the elements issued last cycle (their own always blocks); the last
    // element of a DOT group hands the group's dot products to the score unit.
    mac_valid <= dot_issue || out_issue;
    mac_out <= out_issue;
    {mac_valid2, mac_first2, mac_last2, mac_out2, mac_j2} <= {mac_valid, mac_first, mac_last, mac_out, mac_j};
    {mac_valid3, mac_first3, mac_last3, mac_out3, mac_j3} <= {mac_valid2, mac_first2, mac_last2, mac_out2, mac_j2};
    mac_cnt2 <= mac_cnt;
    mac_cnt3 <= mac_cnt2;
    // The shared multiplier: scores while DOT runs, lambda a2 while the weights are made.
    smul_a <= lambda_mul ? $signed({1'b0, a2r}) : score_in;
    smul_b <= lambda_mul ? {lambda[15], lambda} : {1'b0, score_mult};
    smul <= smul_a * smul_b;
    t <= smul >>> score_shift;
    sc_valid <= {sc_valid[2:0], sc_left != 0};
    sc_tmap2 <= {sc_tmap2[2:0], sc_map2};
    sc_tj <= {sc_tj[0 +: 3*(NB+1)], sc_j};
    t4 <= t;
    hi_gt <= $signed(t[TW-1:TL]) > $signed(max_cur[TW-1:TL]);
    hi_eq <= t[TW-1:TL] == max_cur[TW-1:TL];
    lo_gt <= t[TL-1:0] > max_cur[TL-1:0];
    if (sc_valid[3]) begin               // a score is ready: store it, update the maximum
      if (!sc_tmap2[3]) begin
        t1m[t_j[NB-1:0]] <= t4;
        if (t_j == 0 || t_greater) max1 <= t4;
      end else begin
        t2m[t_j[NB-1:0]] <= t4;
        if (t_j == 0 || t_greater) max2 <= t4;
      end
    end
    if (sc_left != 0) begin              // the next score enters the multiplier
      if (sc_map2) begin
        sc_s1 <= sc_s1 >> 32;
        sc_s2 <= sc_s2 >> 32;
        sc_j <= sc_j + 1'b1;
        sc_left <= sc_left - 1'b1;
      end
      sc_map2 <= !sc_map2;
    end
    // A group's last element accumulates in one cycle; its sums are taken from the
    // accumulators in the next (the following group's first element replaces them after).
    group_done <= mac_valid3 && mac_last3 && !mac_out3;
    // Nothing of DOT in flight (registered for the clock: in S_DOT_DRAIN nothing new starts).
    dot_quiet <= !mac_valid && !mac_valid2 && !mac_valid3 && !group_done && sc_left == 0 && sc_valid == 4'd0;
    group_j <= mac_j3;
    group_cnt <= mac_cnt3;
    if (group_done) begin
      sc_s1 <= acc_all[32*H-1:0];
      sc_s2 <= acc_all[32*LANES-1:32*H];
      sc_j <= group_j;
      sc_left <= group_cnt;
      sc_map2 <= 1'b0;
    end

    // The store unit: O[oi][st_col] and the sum of squares for the RMSNorm.
    // O's one write port: a store, or a normalised output (S_NORM_MUL2).
    if (st_left != 0 || (state == S_NORM_MUL2 && mul_ready))
      om[om_addr] <= st_left != 0 ? st_word : mul_p[42:11];
    if (st_left != 0) begin
      st_buf <= st_buf >> 32;
      st_col <= st_col + 1'b1;
      st_left <= st_left - 1'b1;
    end

    // The RMSNorm's multiplier, and the sum of the stored outputs' squares, two cycles on.
    mul_ar <= mul_a;
    mul_br <= mul_b;
    mul_p <= mul_ar * mul_br;
    sq_valid1 <= HAS_NORM != 0 && norm_en && st_left != 0;
    sq_first1 <= st_col == 0;
    sq_valid2 <= sq_valid1;
    sq_first2 <= sq_first1;
    if (sq_valid2) sumsq <= (sq_first2 ? 58'd0 : sumsq) + mul_p[57:0];
    // The NORM states that multiply wait for the product: mul_ready on their third cycle.
    if (state == S_NORM_U || state == S_NORM_V || state == S_NORM_Y || state == S_NORM_MUL1 || state == S_NORM_MUL2)
      mcount <= mul_ready ? 2'd0 : mcount + 2'd1;

    // ---- the softmax unit: the scores of the row DOT finished last, to weights ----
    // EXP: stage B (t from the block RAM), C and C' (e = m - t), D (the table read),
    // E (p), F (p stored and summed).
    e_valid1 <= sm_state == SM_EXP;
    e_valid1s <= e_valid1;
    e_valid1c <= e_valid1s;
    e_valid2 <= e_valid1c;
    e_valid3 <= e_valid2;
    e_j1s <= e_j1;
    e_j1c <= e_j1s;
    e_j2 <= e_j1c;
    e_j3 <= e_j2;
    t1s <= t1r;
    t2s <= t2r;
    e1lo <= {1'b0, max1[23:0]} - {1'b0, t1s[23:0]};
    e2lo <= {1'b0, max2[23:0]} - {1'b0, t2s[23:0]};
    e1eq0 <= max1[TW-1:24] == t1s[TW-1:24];
    e2eq0 <= max2[TW-1:24] == t2s[TW-1:24];
    e1eq1 <= $signed(max1[TW-1:24]) == $signed(t1s[TW-1:24]) + 1;
    e2eq1 <= $signed(max2[TW-1:24]) == $signed(t2s[TW-1:24]) + 1;
    e1q <= e1lo[7:0];
    e2q <= e2lo[7:0];
    n1q <= n1;
    n2q <= n2;
    e1r <= exp2[e1q];
    e2r <= exp2[e2q];
    n1r <= n1q;
    n2r <= n2q;
    p1q <= p1;
    p2q <= p2;
    e_valid4 <= e_valid3;
    e_j4 <= e_j3;
    if (e_valid4) begin
      p1m[e_j4[NB-1:0]] <= p1q;
      p2m[e_j4[NB-1:0]] <= p2q;
      sum1 <= sum1 + {8'd0, p1q};
      sum2 <= sum2 + {8'd0, p2q};
    end
    // W, stage B (a1, a2) and stage C (w).
    w_valid1 <= sm_state == SM_W;
    w_valid2 <= w_valid1;
    w_valid3 <= w_valid2;
    w_valid4 <= w_valid3;
    w_j3 <= w_j2;
    w_j4 <= w_j3;
    a1_d3 <= a1r;
    a1_d4 <= a1_d3;
    w_j1 <= sj;
    w_j2 <= w_j1;
    a1r <= a1full[39:23];
    a2r <= a2full[39:23];
    if (w_valid4) wm[{smpar, w_j4[NB-1:0]}] <= w[17:0];
    case (sm_state)
      // p_j = 2^(-(m - t_j)) in Q0.15 through the table, and l = sum_j p_j; one key per cycle.
      SM_EXP: begin
        t1r <= t1m[sj[NB-1:0]];
        t2r <= t2m[sj[NB-1:0]];
        e_j1 <= sj;
        sj <= sj + 1'b1;
        if (sj == smlast) sm_state <= SM_EXP_DRAIN;
      end
      SM_EXP_DRAIN:
        if (!e_valid1 && !e_valid1s && !e_valid1c && !e_valid2 && !e_valid3 && !e_valid4) begin
          rem1 <= 0;
          rem2 <= 0;
          quo1 <= 0;
          quo2 <= 0;
          div_step <= 6'd38;
          div_first <= 1'b1;
          sm_state <= SM_DIV;
        end
      // r = floor(2^38 / l): 39 steps of restoring division, both maps at once.
      SM_DIV: begin
        {rem1, quo1} <= divide_step(rem1, quo1, sum1, div_first);
        {rem2, quo2} <= divide_step(rem2, quo2, sum2, div_first);
        div_first <= 1'b0;
        div_step <= div_step - 1'b1;
        if (div_step == 0) begin
          sj <= 0;
          sm_state <= SM_W;
        end
      end
      // w_j = a1_j - (lambda a2_j) >>> 14, one key per cycle through a pipeline: the p are
      // read, then a1 and a2 computed, then w (below).
      SM_W: begin
        p1r <= p1m[sj[NB-1:0]];
        p2r <= p2m[sj[NB-1:0]];
        sj <= sj + 1'b1;
        if (sj == smlast) sm_state <= SM_W_DRAIN;
      end
      SM_W_DRAIN:
        if (!w_valid1 && !w_valid2 && !w_valid3 && !w_valid4) sm_state <= SM_IDLE;
      default: ;
    endcase

    if (reset) begin
      state <= S_IDLE;
      sm_state <= SM_IDLE;
      done <= 1'b0;
      sc_left <= 0;
      st_left <= 0;
      mac_valid <= 1'b0;
      mac_valid2 <= 1'b0;
      mac_valid3 <= 1'b0;
      group_done <= 1'b0;
      e_valid1 <= 1'b0;
      e_valid1s <= 1'b0;
      e_valid1c <= 1'b0;
      e_valid2 <= 1'b0;
      e_valid3 <= 1'b0;
      e_valid4 <= 1'b0;
      w_valid1 <= 1'b0;
      w_valid2 <= 1'b0;
      w_valid3 <= 1'b0;
      w_valid4 <= 1'b0;
      sc_valid <= 4'd0;
    end else case (state)
      S_IDLE:
        if (bus_write && bus_addr == 20'h0 && bus_wdata[0]) begin
          i <= 0;
          have_out <= 1'b0;
          done <= 1'b0;
          period <= d > LANES ? d : LANES;
          state <= S_ROW;
        end
      S_ROW: begin
        last <= causal ? i : n - 1'b1;
        last_row <= i + 1'b1 == n;
        keys_left <= causal ? i + 1'b1 : n;
        j <= 0;
        k <= 0;
        state <= S_DOT;
      end
      // s_j = q_i . k_j, both maps, H keys at a time, one element per cycle.
      S_DOT: begin
        if (dot_issue) begin
          q1r <= q1m[qaddr];
          q2r <= q2m[qaddr];
          mac_first <= k == 0;
          mac_last <= k + 1'b1 == d;
          mac_j <= j;
          mac_cnt <= keys_left < H ? keys_left : H;
        end
        k <= k + 1'b1;
        if (k + 1'b1 == period) begin
          k <= 0;
          j <= j + H;
          keys_left <= keys_left - H;
          if (keys_left <= H) state <= S_DOT_DRAIN;
        end
      end
      // Until the last group's scores are written; then the softmax unit takes the row,
      // and the lanes the previous row's output.
      S_DOT_DRAIN:
        if (dot_quiet) begin
          sj <= 0;
          sum1 <= 0;
          sum2 <= 0;
          smlast <= last;
          smpar <= i[0];
          sm_state <= SM_EXP;
          if (have_out) begin_output_row;
          else state <= S_WAIT_SM;
        end
      // Row i's weights are ready when the softmax unit is idle: the next row's DOT, or
      // after the last row its OUT.
      S_WAIT_SM:
        if (sm_state == SM_IDLE) begin
          have_out <= 1'b1;
          oi <= i;
          out_last_row <= last_row;
          olast <= last;
          if (last_row) begin
            begin_output_row;
          end else begin
            i <= i + 1'b1;
            state <= S_ROW;
          end
        end
      // O[oi][oc + l] = sum_j w_j V[j][oc + l] in lane l: one key per cycle.
      S_OUT: begin
        wr <= wm[{oi[0], oj[NB-1:0]}];
        mac_first <= oj == 0;
        mac_last <= 1'b0;
        oj <= oj + 1'b1;
        if (oj == olast) state <= S_OUT_DRAIN;
      end
      // Once the pass's last product is accumulated, its sums go to the store unit, when that
      // has finished the previous pass's (it is storing its last now, or idle), and the next
      // pass begins.
      S_OUT_DRAIN:
        if (st_left <= 1 && !mac_valid && !mac_valid2 && !mac_valid3) begin
          st_buf <= acc_all;
          st_left <= cols_left < LANES ? cols_left : LANES;
          st_col <= oc;
          if (cols_left > LANES) begin
            cols_left <= cols_left - LANES;
            oc <= oc + LANES;
            oj <= 0;
            state <= S_OUT;
          end else begin
            state <= S_OUT_FLUSH;
          end
        end
      S_OUT_FLUSH:                        // until the row's last sums are stored (and squared)
        if (st_left == 0 && !sq_valid1 && !sq_valid2) end_output_row;
      // The RMSNorm of row oi (HAS_NORM and NORM only).
      S_NORM_K: begin
        nzero <= ssum == 58'd0;
        nk <= hb[5:1];
        mq <= mq_wide[31:0];
        state <= S_NORM_SEED;
      end
      S_NORM_SEED: begin
        ny <= nzero ? 17'd0 : rsqrt_seed[mq[31:26] - 6'd16];
        niter <= 1'b0;
        state <= S_NORM_U;
      end
      S_NORM_U: if (mul_ready) begin    // u = y^2 >> 16
        nu <= mul_p[33:16];
        state <= S_NORM_V;
      end
      S_NORM_V: if (mul_ready) begin    // v = (M >> 14) u: M y^2, 1.0 = 2^32
        nv <= mul_p[35:0];
        state <= S_NORM_Y;
      end
      S_NORM_Y: if (mul_ready) begin    // y = y (3 - v) >> 33
        ny <= mul_p[49:33];
        niter <= 1'b1;
        state <= niter ? S_NORM_ADDR : S_NORM_U;
      end
      S_NORM_ADDR: begin                // O[oi][oc] is read (om_q next cycle)
        g_cur <= gm[oc[$clog2(DVMAX)-1:0]];
        state <= S_NORM_MUL1;
      end
      S_NORM_MUL1: if (mul_ready) begin  // nrm = (O y) >> k: O / sqrt(S) in Q.16
        nrm <= $signed(mul_p[47:0]) >>> nk;
        state <= S_NORM_MUL2;
      end
      S_NORM_MUL2: if (mul_ready) begin  // y = (GAIN nrm) >> 11, Q15.16
        oc <= oc + 1'b1;
        cols_left <= cols_left - 1'b1;
        if (cols_left == 1) next_after_output;
        else state <= S_NORM_ADDR;
      end
      default: state <= S_IDLE;
    endcase
  end
endmodule
`default_nettype wire

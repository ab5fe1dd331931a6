// diffattn: one head of differential attention,
//   O = (softmax(Q1 K1^T / sqrt d) - lambda softmax(Q2 K2^T / sqrt d)) V,
// computed bit for bit as the C++ model sim/diffattn/diffattn_model.cpp (fixed_attention)
// specifies; rtl/diffattn/README.md explains the arithmetic step by step.
//
// Two multiply-accumulate units, kept busy by pipelined loops: every buffer is block RAM
// with a synchronous read (an address set in one cycle, its data used in the next), so each
// loop issues one address per cycle and finishes the element it issued a cycle or two
// earlier. Per query row:
//   DOT   both maps' dot products q_i . k_j, one element per cycle per map; the score
//         t = (s * mult) >>> shift of key j (one multiplier, two cycles: map 1, map 2) is
//         computed while key j+1's elements are multiplied;
//   EXP   one key per cycle: e = m - t, the EXP2 table, p = EXP2[f] >> n, l = sum p;
//   DIV   r = 2^38 / l for both maps, 39 cycles (restoring division);
//   W     one key per two cycles (one multiplier for a = p r >> 23, map 1 then map 2):
//         w = a1 - (lambda a2) >>> 14;
//   OUT   O_ic = sum_j w_j v_jc, two columns per pass (one per MAC unit; V is kept in two
//         block RAMs, even and odd columns, so both are read in the same cycle);
//   NORM  the optional headwise RMSNorm.
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
//   0x1xxxx Q1[row][col] at row * DMAX + col (int8 in bits 7..0; write only)
//   0x2xxxx K1, 0x3xxxx Q2, 0x4xxxx K2 (same layout), 0x5xxxx V at row * DVMAX + col
//   0x6xxxx O[row][col] at row * DVMAX + col (int32, read only): the output times 2^15, or
//           with NORM the normalised output in Q15.16
//   0x7xxxx GAIN[col] (signed Q4.11 in bits 15..0; write only): the RMSNorm gains
`default_nettype none
module diffattn #(
    parameter NMAX  = 64,
    parameter DMAX  = 16,
    parameter DVMAX = 16,
    parameter EXP2_TABLE = "exp2.hex",
    parameter HAS_NORM = 1,              // build the optional headwise RMSNorm
    parameter RSQRT_TABLE = "rsqrt.hex"
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
  localparam NB  = $clog2(NMAX);
  localparam QKB = $clog2(NMAX * DMAX);
  localparam VB  = $clog2(NMAX * DVMAX);

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

  // ---- buffers (block RAM) ----
  reg signed [7:0]  q1m [0:NMAX*DMAX-1];
  reg signed [7:0]  k1m [0:NMAX*DMAX-1];
  reg signed [7:0]  q2m [0:NMAX*DMAX-1];
  reg signed [7:0]  k2m [0:NMAX*DMAX-1];
  reg signed [7:0]  vam [0:NMAX*DVMAX/2-1];  // V, even columns
  reg signed [7:0]  vbm [0:NMAX*DVMAX/2-1];  // V, odd columns
  reg signed [31:0] om  [0:NMAX*DVMAX-1];
  reg signed [47:0] t1m [0:NMAX-1];      // scores of the current row
  reg signed [47:0] t2m [0:NMAX-1];
  reg [15:0]        p1m [0:NMAX-1];      // unnormalised probabilities
  reg [15:0]        p2m [0:NMAX-1];
  reg signed [19:0] wm  [0:NMAX-1];      // difference weights
  reg [15:0]        exp2 [0:255];        // round(2^15 * 2^(-f/256))
  initial $readmemh(EXP2_TABLE, exp2);
  reg signed [15:0] gm [0:DVMAX-1];      // RMSNorm gains, Q4.11
  reg [16:0]        rsqrt_seed [0:47];   // round(2^16 / sqrt((i + 16.5) / 16))
  initial $readmemh(RSQRT_TABLE, rsqrt_seed);

  // ---- the sequencer ----
  localparam S_IDLE = 5'd0, S_ROW = 5'd1, S_DOT = 5'd2, S_DOT_DRAIN = 5'd3, S_EXP = 5'd4,
             S_EXP_DRAIN = 5'd5, S_DIV = 5'd6, S_W_X = 5'd7, S_W_Y = 5'd8, S_OUT = 5'd9,
             S_OUT_DRAIN = 5'd10, S_OUT_STORE1 = 5'd11, S_OUT_STORE2 = 5'd12,
             S_NORM_K = 5'd16, S_NORM_SEED = 5'd17, S_NORM_U = 5'd18, S_NORM_V = 5'd19, S_NORM_Y = 5'd20,
             S_NORM_ADDR = 5'd21, S_NORM_MUL1 = 5'd22, S_NORM_MUL2 = 5'd23;
  reg [4:0] state;
  assign busy = state != S_IDLE;

  reg [NB:0] i, j, last;                 // row, key being issued, last key of the row
  reg [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] k;  // element (DOT), first column of a pass (OUT), column (NORM)
  reg signed [31:0] acc1, acc2;          // the two MAC units' accumulators
  reg signed [31:0] s1r, s2r;            // a finished dot product, waiting for its score
  reg signed [47:0] max1, max2;
  reg [23:0] sum1, sum2;                 // l1, l2
  reg [38:0] rem1, rem2;                 // restoring division 2^38 / l
  reg [23:0] quo1, quo2;
  reg [5:0]  div_step;

  // Memory read data, registered (synchronous block-RAM reads), and each pipeline's flags:
  // valid, and what the element is.
  reg signed [7:0]  q1r, k1r, q2r, k2r, var_, vbr;
  reg        d1_valid = 1'b0, d1_first, d1_last, dot_wait;
  reg [NB:0] d1_j;
  reg [1:0]  sc_state = 2'd0;            // score unit: 1 map 1, 2 map 2
  reg [NB:0] sc_j;
  reg signed [47:0] t1r, t2r;
  reg        e_valid1 = 1'b0, e_valid2 = 1'b0;
  reg [NB:0] e_j1, e_j2;
  reg [15:0] e1r, e2r;                    // the table values for a key
  reg [5:0]  n1r, n2r;                    // the integer parts of e, clamped to 16
  reg [15:0] p1r, p2r;
  reg        w_more, w_pend;
  reg [NB:0] w_j;
  reg signed [19:0] wr;
  reg        o1_valid = 1'b0;

  wire [QKB-1:0] qaddr = i[NB-1:0] * DMAX + k;          // Q row i, element k
  wire [QKB-1:0] kaddr = j[NB-1:0] * DMAX + k;          // K row j, element k
  wire [VB-2:0]  vaddr = j[NB-1:0] * (DVMAX / 2) + k[$clog2(DMAX > DVMAX ? DMAX : DVMAX):1];  // V row j, columns k, k+1
  wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] ocol = state == S_OUT_STORE2 ? k + 1'b1 : k;
  wire [VB-1:0]  oaddr = i[NB-1:0] * DVMAX + ocol;

  // The two MAC units: q1 k1 and q2 k2 in DOT, w v_even and w v_odd in OUT.
  wire signed [19:0] mac_a1 = o1_valid ? wr : {{12{q1r[7]}}, q1r};
  wire signed [19:0] mac_a2 = o1_valid ? wr : {{12{q2r[7]}}, q2r};
  wire signed [7:0]  mac_b1 = o1_valid ? var_ : k1r;
  wire signed [7:0]  mac_b2 = o1_valid ? vbr : k2r;
  wire signed [27:0] prod1 = mac_a1 * mac_b1;
  wire signed [27:0] prod2 = mac_a2 * mac_b2;
  wire signed [31:0] dot1 = (d1_first ? 32'sd0 : acc1) + prod1;
  wire signed [31:0] dot2 = (d1_first ? 32'sd0 : acc2) + prod2;

  // Normalised probabilities a = (p * r) >> 23, one multiplier for both maps (S_W_Y gives
  // a1, S_W_X a2), and the weight w = a1 - (lambda * a2) >>> 14.
  wire [39:0] afull = state == S_W_Y ? p1r * quo1 : p2r * quo2;
  wire [16:0] a = afull[39:23];

  // The score of a finished dot product: t = (s * mult) >>> shift. One multiplier serves
  // both maps, one after the other: DSPs are the scarce resource.
  // The same multiplier gives lambda a2 in the weights' X cycles, when no score is due.
  wire signed [31:0] score_in = sc_state == 2'd1 ? s1r : s2r;
  wire signed [31:0] smul_a = state == S_W_X ? {15'd0, a} : score_in;
  wire signed [16:0] smul_b = state == S_W_X ? {lambda[15], lambda} : {1'b0, score_mult};
  wire signed [47:0] smul = smul_a * smul_b;
  wire signed [47:0] t = smul >>> score_shift;
  // e = m - t >= 0, split into integer part (a shift) and 8 fraction bits (the table index).
  wire [48:0] e1 = max1 - t1r;
  wire [48:0] e2 = max2 - t2r;
  wire [5:0]  n1 = |e1[48:12] ? 6'd16 : {2'b00, e1[11:8]};
  wire [5:0]  n2 = |e2[48:12] ? 6'd16 : {2'b00, e2[11:8]};
  wire [15:0] p1 = n1r[4] ? 16'd0 : e1r >> n1r[3:0];
  wire [15:0] p2 = n2r[4] ? 16'd0 : e2r >> n2r[3:0];
  reg  [16:0] a1r;
  wire signed [33:0] la2 = smul[33:0];     // lambda a2 (S_W_X)
  wire signed [19:0] w = $signed({3'b000, a1r}) - $signed(la2 >>> 14);

  // O's one read port: the bus while idle, the RMSNorm while busy.
  reg signed [31:0] om_q;
  wire [VB-1:0] om_raddr = busy ? oaddr : bus_addr[VB-1:0];
  reg read_o = 1'b0, read_status = 1'b0;
  assign bus_rdata = read_o ? om_q : read_status ? {30'd0, done, busy} : 32'd0;

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
  wire signed [71:0] mul_p = mul_a * mul_b;
  always @* begin
    mul_a = 36'sd0;
    mul_b = 36'sd0;
    if (HAS_NORM != 0) case (state)
      S_OUT_STORE1: begin mul_a = {{4{acc1[31]}}, acc1}; mul_b = {{4{acc1[31]}}, acc1}; end
      S_OUT_STORE2: begin mul_a = {{4{acc2[31]}}, acc2}; mul_b = {{4{acc2[31]}}, acc2}; end
      S_NORM_U:     begin mul_a = {19'd0, ny}; mul_b = {19'd0, ny}; end
      S_NORM_V:     begin mul_a = {18'd0, mq[31:14]}; mul_b = {18'd0, nu}; end
      S_NORM_Y:     begin mul_a = {19'd0, ny}; mul_b = {1'b0, (35'd3 << 32) - nv[34:0]}; end
      S_NORM_MUL1:  begin mul_a = {{4{om_q[31]}}, om_q}; mul_b = {19'd0, ny}; end
      S_NORM_MUL2:  begin mul_a = {{20{g_cur[15]}}, g_cur}; mul_b = {{17{nrm[18]}}, nrm}; end
      default: ;
    endcase
  end

  // One step of restoring division: shift the next dividend bit into the remainder and
  // subtract the divisor when it fits, giving the next quotient bit.
  function [62:0] divide_step(input [38:0] rem, input [23:0] quo, input [23:0] divisor, input bit_in);
    reg [38:0] shifted;
    begin
      shifted = {rem[37:0], bit_in};
      divide_step = shifted >= {15'd0, divisor} ? {shifted - {15'd0, divisor}, quo[22:0], 1'b1}
                                                 : {shifted, quo[22:0], 1'b0};
    end
  endfunction

  // The end of a query row: the next one, or done.
  task finish_row;
    begin
      i <= i + 1'b1;
      if (i + 1'b1 == n) begin
        done <= 1'b1;
        state <= S_IDLE;
      end else begin
        state <= S_ROW;
      end
    end
  endtask

  // The end of the output row: the RMSNorm, or the next row.
  task end_output_row;
    begin
      if (HAS_NORM != 0 && norm_en) begin
        k <= 0;
        state <= S_NORM_K;
      end else begin
        finish_row;
      end
    end
  endtask

  // The DOT loop issues element k of key j this cycle (with d = 1 every other cycle, so that
  // the two score cycles of a key never overlap the next key's).
  wire dot_issue = state == S_DOT && !(d == 1 && dot_wait);

  always @(posedge clk) begin
    // Register interface: configuration and input buffers while idle.
    if (bus_write && !busy) begin
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
        4'h2: k1m[bus_addr[QKB-1:0]] <= bus_wdata[7:0];
        4'h3: q2m[bus_addr[QKB-1:0]] <= bus_wdata[7:0];
        4'h4: k2m[bus_addr[QKB-1:0]] <= bus_wdata[7:0];
        4'h5: if (bus_addr[0]) vbm[bus_addr[VB-1:1]] <= bus_wdata[7:0];
              else vam[bus_addr[VB-1:1]] <= bus_wdata[7:0];
        4'h7: gm[bus_addr[$clog2(DVMAX)-1:0]] <= bus_wdata[15:0];
        default: ;
      endcase
    end
    // Reads: O from its block RAM (a registered read, so that it stays a block RAM),
    // STATUS from the flags.
    om_q <= om[om_raddr];
    if (bus_read) begin
      read_o <= bus_addr[19:16] == 4'h6;
      read_status <= bus_addr == 20'h1;
    end

    // ---- pipelines, whatever the state ----
    // DOT, stage 1: the elements issued last cycle are multiplied and accumulated; the
    // last element of a key hands the finished dot products to the score unit.
    d1_valid <= dot_issue;
    if (d1_valid) begin
      acc1 <= dot1;
      acc2 <= dot2;
    end
    // The score unit: map 1's score this cycle, map 2's the next.
    if (sc_state == 2'd1) begin
      t1m[sc_j[NB-1:0]] <= t;
      max1 <= (sc_j == 0 || t > max1) ? t : max1;
    end
    if (sc_state == 2'd2) begin
      t2m[sc_j[NB-1:0]] <= t;
      max2 <= (sc_j == 0 || t > max2) ? t : max2;
    end
    sc_state <= sc_state == 2'd1 ? 2'd2 : 2'd0;
    if (d1_valid && d1_last) begin
      s1r <= dot1;
      s2r <= dot2;
      sc_j <= d1_j;
      sc_state <= 2'd1;
    end
    // EXP, stage B (the table read) and stage C (p, the sum).
    e_valid1 <= state == S_EXP;
    e_valid2 <= e_valid1;
    e_j2 <= e_j1;
    e1r <= exp2[e1[7:0]];
    e2r <= exp2[e2[7:0]];
    n1r <= n1;
    n2r <= n2;
    if (e_valid2) begin
      p1m[e_j2[NB-1:0]] <= p1;
      p2m[e_j2[NB-1:0]] <= p2;
      sum1 <= sum1 + {8'd0, p1};
      sum2 <= sum2 + {8'd0, p2};
    end
    // OUT, stage 1: multiply-accumulate the elements issued last cycle.
    o1_valid <= state == S_OUT;
    if (o1_valid) begin
      acc1 <= acc1 + prod1;
      acc2 <= acc2 + prod2;
    end

    if (reset) begin
      state <= S_IDLE;
      done <= 1'b0;
      sc_state <= 2'd0;
      d1_valid <= 1'b0;
      e_valid1 <= 1'b0;
      e_valid2 <= 1'b0;
      o1_valid <= 1'b0;
    end else case (state)
      S_IDLE:
        if (bus_write && bus_addr == 20'h0 && bus_wdata[0]) begin
          i <= 0;
          done <= 1'b0;
          state <= S_ROW;
        end
      S_ROW: begin
        last <= causal ? i : n - 1'b1;
        j <= 0;
        k <= 0;
        dot_wait <= 1'b0;
        state <= S_DOT;
      end
      // s_j = q_i . k_j, both maps, one element per cycle.
      S_DOT: begin
        dot_wait <= !dot_wait;
        if (dot_issue) begin
          q1r <= q1m[qaddr];
          k1r <= k1m[kaddr];
          q2r <= q2m[qaddr];
          k2r <= k2m[kaddr];
          d1_first <= k == 0;
          d1_last <= k + 1'b1 == d;
          d1_j <= j;
          k <= k + 1'b1;
          if (k + 1'b1 == d) begin
            k <= 0;
            j <= j + 1'b1;
            if (j == last) state <= S_DOT_DRAIN;
          end
        end
      end
      S_DOT_DRAIN:                      // until the last key's scores are written
        if (!d1_valid && sc_state == 2'd0) begin
          j <= 0;
          sum1 <= 0;
          sum2 <= 0;
          state <= S_EXP;
        end
      // p_j = 2^(-(m - t_j)) in Q0.15 through the table, and l = sum_j p_j; one key per cycle.
      S_EXP: begin
        t1r <= t1m[j[NB-1:0]];
        t2r <= t2m[j[NB-1:0]];
        e_j1 <= j;
        j <= j + 1'b1;
        if (j == last) state <= S_EXP_DRAIN;
      end
      S_EXP_DRAIN:
        if (!e_valid1 && !e_valid2) begin
          rem1 <= 0;
          rem2 <= 0;
          quo1 <= 0;
          quo2 <= 0;
          div_step <= 6'd38;
          state <= S_DIV;
        end
      // r = floor(2^38 / l): 39 steps of restoring division, both maps at once.
      S_DIV: begin
        {rem1, quo1} <= divide_step(rem1, quo1, sum1, div_step == 6'd38);
        {rem2, quo2} <= divide_step(rem2, quo2, sum2, div_step == 6'd38);
        div_step <= div_step - 1'b1;
        if (div_step == 0) begin
          j <= 0;
          w_more <= 1'b1;
          w_pend <= 1'b0;
          state <= S_W_X;
        end
      end
      // w_j = a1_j - (lambda a2_j) >>> 14, two cycles per key: X reads key j and finishes
      // key j - 1 (a2, w); Y computes a1 of key j.
      S_W_X: begin
        if (w_pend) wm[w_j[NB-1:0]] <= w;
        w_pend <= 1'b0;
        if (w_more) begin
          p1r <= p1m[j[NB-1:0]];
          p2r <= p2m[j[NB-1:0]];
          state <= S_W_Y;
        end else begin
          j <= 0;
          k <= 0;
          acc1 <= 0;
          acc2 <= 0;
          state <= S_OUT;
        end
      end
      S_W_Y: begin
        a1r <= a;
        w_j <= j;
        w_pend <= 1'b1;
        if (j == last) w_more <= 1'b0;
        else j <= j + 1'b1;
        state <= S_W_X;
      end
      // O[i][k], O[i][k+1] = sum_j w_j V[j][k], V[j][k+1]: one key per cycle.
      S_OUT: begin
        wr <= wm[j[NB-1:0]];
        var_ <= vam[vaddr];
        vbr <= vbm[vaddr];
        j <= j + 1'b1;
        if (j == last) state <= S_OUT_DRAIN;
      end
      S_OUT_DRAIN: state <= S_OUT_STORE1;   // the last products accumulate
      S_OUT_STORE1: begin
        om[oaddr] <= acc1;
        sumsq <= (k == 0 ? 58'd0 : sumsq) + mul_p[57:0];
        if (k + 1'b1 == dv) end_output_row;
        else state <= S_OUT_STORE2;
      end
      S_OUT_STORE2: begin
        om[oaddr] <= acc2;
        sumsq <= sumsq + mul_p[57:0];
        if (k + 2'd2 == dv) begin
          end_output_row;
        end else begin
          k <= k + 2'd2;
          j <= 0;
          acc1 <= 0;
          acc2 <= 0;
          state <= S_OUT;
        end
      end
      // The RMSNorm of row i (HAS_NORM and NORM only).
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
      S_NORM_U: begin                   // u = y^2 >> 16
        nu <= mul_p[33:16];
        state <= S_NORM_V;
      end
      S_NORM_V: begin                   // v = (M >> 14) u: M y^2, 1.0 = 2^32
        nv <= mul_p[35:0];
        state <= S_NORM_Y;
      end
      S_NORM_Y: begin                   // y = y (3 - v) >> 33
        ny <= mul_p[49:33];
        niter <= 1'b1;
        state <= niter ? S_NORM_ADDR : S_NORM_U;
      end
      S_NORM_ADDR: begin                // O[i][k] is read (om_q next cycle)
        g_cur <= gm[k[$clog2(DVMAX)-1:0]];
        state <= S_NORM_MUL1;
      end
      S_NORM_MUL1: begin                // nrm = (O y) >> k: O / sqrt(S) in Q.16
        nrm <= $signed(mul_p[47:0]) >>> nk;
        state <= S_NORM_MUL2;
      end
      S_NORM_MUL2: begin                // y = (GAIN nrm) >> 11, Q15.16
        om[oaddr] <= mul_p[42:11];
        k <= k + 1'b1;
        if (k + 1'b1 == dv) finish_row;
        else state <= S_NORM_ADDR;
      end
      default: state <= S_IDLE;
    endcase
  end
endmodule
`default_nettype wire

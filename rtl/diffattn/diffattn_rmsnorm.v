// diffattn_rmsnorm: the optional headwise RMSNorm of each output row (NORM set; built when
// HAS_NORM = 1), after the row's OUT:
//   S = sum_c O_c^2 + EPS, summed as the store unit writes O;
//   S = M 4^k with M in [1, 4) (Q2.30; k from S's highest set bit);
//   y ~ 2^16 / sqrt(M): a seed from the RSQRT table, then two Newton steps
//       u = y^2 >> 16, v = (M >> 14) u, y = (y (3 2^32 - v)) >> 33;
//   per column: nrm = (O_c y) >> k, O_c / sqrt(S) in Q.16, and O_c <- (GAIN_c nrm) >> 11.
// One multiplier, pipelined (operands registered, then the product: ready on a multiplying
// state's third cycle), serves every step, and the squares of the stored outputs.
`default_nettype none
// The tables' folder, for the default table paths (the FPGA flow defines it).
`ifndef DIFFATTN_TABLES
`define DIFFATTN_TABLES "."
`endif
module diffattn_rmsnorm #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter RSQRT_TABLE = {`DIFFATTN_TABLES, "/rsqrt.hex"}
) (
    input  wire                     clk,
    input  wire                     reset,
    input  wire                     norm_en,
    input  wire [31:0]              norm_eps,
    input  wire [$clog2(DVMAX):0]   dv,
    // The gains, written by the bus: GAIN[col], signed Q4.11.
    input  wire                     write_gain,
    input  wire [19:0]              bus_addr,
    input  wire [15:0]              bus_gain,
    // The stores of the row's outputs, whose squares make S.
    input  wire                     storing,
    input  wire signed [31:0]       store_word,
    input  wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] store_col,
    output wire                     squares_done,  // every store's square is in S
    // Normalise the row just stored; finishing: its last column is written this cycle.
    input  wire                     start,
    output wire                     finishing,
    // O's column `col`: read it (o_data the next cycle), or write `word`.
    output reg  [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] col,
    input  wire signed [31:0]       o_data,
    output wire                     write,
    output wire signed [31:0]       word
);
  localparam CB = $clog2(DMAX > DVMAX ? DMAX : DVMAX);
  localparam IDLE = 4'd0, FIND_K = 4'd1, SEED = 4'd2, NEWTON_U = 4'd3, NEWTON_V = 4'd4,
             NEWTON_Y = 4'd5, COLUMN = 4'd6, SCALE = 4'd7, GAIN = 4'd8;
  reg [3:0] state = IDLE;

  reg signed [15:0] gains [0:DVMAX-1];
  reg [16:0] rsqrt_seed [0:47];          // round(2^16 / sqrt((i + 16.5) / 16))
  initial $readmemh(RSQRT_TABLE, rsqrt_seed);
  always @(posedge clk) if (write_gain) gains[bus_addr[$clog2(DVMAX)-1:0]] <= bus_gain;

  reg  [57:0] sum_sq;                    // sum_c O_c^2
  wire [57:0] s = sum_sq + {26'd0, norm_eps};
  reg  [5:0]  s_top;                     // S's highest set bit
  integer b;
  always @* begin
    s_top = 6'd0;
    for (b = 0; b < 58; b = b + 1) if (s[b]) s_top = b[5:0];
  end
  wire [5:0]  two_k = {s_top[5:1], 1'b0};
  wire [63:0] m_wide = two_k <= 6'd30 ? {6'd0, s} << (6'd30 - two_k) : {6'd0, s} >> (two_k - 6'd30);
  reg         s_zero;                    // S = 0: the row stays 0
  reg  [4:0]  k;
  reg  [31:0] m;                         // M, Q2.30
  reg  [16:0] y;
  reg  [17:0] u;
  reg  [35:0] v;
  reg         second;                    // the second Newton step
  reg signed [15:0] gain;
  reg signed [18:0] nrm;
  reg [CB:0]  cols_left;

  // The multiplier: a store's square, else the state's product.
  reg signed [35:0] mul_a, mul_b;
  reg signed [35:0] mul_a_r, mul_b_r;
  reg signed [71:0] product;
  reg [1:0]  mul_cycle = 2'd0;
  wire       mul_ready = mul_cycle == 2'd2;
  always @* begin
    mul_a = 36'sd0;
    mul_b = 36'sd0;
    if (storing) begin
      mul_a = {{4{store_word[31]}}, store_word};
      mul_b = {{4{store_word[31]}}, store_word};
    end else case (state)
      NEWTON_U: begin mul_a = {19'd0, y}; mul_b = {19'd0, y}; end
      NEWTON_V: begin mul_a = {18'd0, m[31:14]}; mul_b = {18'd0, u}; end
      NEWTON_Y: begin mul_a = {19'd0, y}; mul_b = {1'b0, (35'd3 << 32) - v[34:0]}; end
      SCALE:    begin mul_a = {{4{o_data[31]}}, o_data}; mul_b = {19'd0, y}; end
      GAIN:     begin mul_a = {{20{gain[15]}}, gain}; mul_b = {{17{nrm[18]}}, nrm}; end
      default: ;
    endcase
  end
  assign write = state == GAIN && mul_ready;
  assign word = product[42:11];
  assign finishing = write && cols_left == 1;

  // A store's square reaches the sum two cycles after the store.
  reg sq_valid1 = 1'b0, sq_valid2 = 1'b0, sq_first1, sq_first2;
  assign squares_done = !sq_valid1 && !sq_valid2;

  always @(posedge clk) begin
    mul_a_r <= mul_a;
    mul_b_r <= mul_b;
    product <= mul_a_r * mul_b_r;
    sq_valid1 <= norm_en && storing;
    sq_first1 <= store_col == 0;
    sq_valid2 <= sq_valid1;
    sq_first2 <= sq_first1;
    if (sq_valid2) sum_sq <= (sq_first2 ? 58'd0 : sum_sq) + product[57:0];
    if (state == NEWTON_U || state == NEWTON_V || state == NEWTON_Y || state == SCALE || state == GAIN)
      mul_cycle <= mul_ready ? 2'd0 : mul_cycle + 2'd1;
    case (state)
      FIND_K: begin
        s_zero <= s == 58'd0;
        k <= s_top[5:1];
        m <= m_wide[31:0];
        state <= SEED;
      end
      SEED: begin
        y <= s_zero ? 17'd0 : rsqrt_seed[m[31:26] - 6'd16];
        second <= 1'b0;
        state <= NEWTON_U;
      end
      NEWTON_U: if (mul_ready) begin     // u = y^2 >> 16
        u <= product[33:16];
        state <= NEWTON_V;
      end
      NEWTON_V: if (mul_ready) begin     // v = (M >> 14) u: M y^2, 1.0 = 2^32
        v <= product[35:0];
        state <= NEWTON_Y;
      end
      NEWTON_Y: if (mul_ready) begin     // y = y (3 - v) >> 33
        y <= product[49:33];
        second <= 1'b1;
        state <= second ? COLUMN : NEWTON_U;
      end
      COLUMN: begin                      // O_c is read (o_data next cycle), and GAIN_c
        gain <= gains[col[$clog2(DVMAX)-1:0]];
        state <= SCALE;
      end
      SCALE: if (mul_ready) begin        // nrm = (O y) >> k: O / sqrt(S) in Q.16
        nrm <= $signed(product[47:0]) >>> k;
        state <= GAIN;
      end
      GAIN: if (mul_ready) begin         // O_c <- (GAIN_c nrm) >> 11, Q15.16 (written now)
        col <= col + 1'b1;
        cols_left <= cols_left - 1'b1;
        state <= cols_left == 1 ? IDLE : COLUMN;
      end
      default: ;
    endcase
    if (start) begin
      col <= 0;
      cols_left <= dv;
      state <= FIND_K;
    end
    if (reset) state <= IDLE;
  end
endmodule
`default_nettype wire

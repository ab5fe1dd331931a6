// diffattn_softmax: the softmax unit. It takes a row's scores once its DOT has drained and
// makes the row's difference weights on its own hardware while the lanes compute the
// previous row's output:
//   EXP   both maps' p_j and row sums l, one key per cycle (diffattn_softmax_map);
//   DIV   r = 2^38 / l for both maps at once, 39 cycles;
//   W     one key per cycle: a1_j and a2_j, then w_j = a1_j - ((lambda a2_j) >>> 14), into
//         one half of the weight buffer. Its three products (p r for each map, lambda a2) are
//         signed 16 x 16 ones, on the unit's own multipliers (diffattn_mul16) or, SHARED_MUL,
//         on the OUT lanes' (diffattn_split_sequencer), so W waits for w_allowed.
// The scores (in the score unit) and the weight buffer hold two rows each, by row parity:
// the next row's DOT writes the other half of the scores while this unit reads its row's,
// and OUT reads the previous row's weights while W writes this row's.
`default_nettype none
// The tables' folder, for the default table paths (the FPGA flow defines it).
`ifndef DIFFATTN_TABLES
`define DIFFATTN_TABLES "."
`endif
module diffattn_softmax #(
    parameter NMAX = 64,
    parameter TW = 37,                         // bits of a score
    parameter EXP2_TABLE = {`DIFFATTN_TABLES, "/exp2.hex"},
    parameter SHARED_MUL = 0                   // W borrows the OUT lanes' multipliers (mul_*)
) (
    input  wire                     clk,
    input  wire                     reset,
    // Take a row: its last key, and its half of the weight buffer.
    input  wire                     start,
    input  wire [$clog2(NMAX):0]    start_last,
    input  wire                     start_half,
    output wire                     idle,
    output wire                     finishing,   // the row's last weight is written now
    output wire                     scores_read, // the row's scores and maxima are read: now free
    input  wire                     w_allowed,   // W may begin (SHARED_MUL: the multipliers are free)
    input  wire signed [15:0]       lambda,
    // The row's scores and maxima, from the score unit: key t_addr[NB-1:0] of half t_addr[NB].
    output wire                     t_read,
    output wire [$clog2(NMAX):0]    t_addr,
    input  wire signed [TW-1:0]     t1,
    input  wire signed [TW-1:0]     t2,
    input  wire signed [TW-1:0]     max1,
    input  wire signed [TW-1:0]     max2,
    // OUT reads the weights: key w_addr[NB-1:0] of half w_addr[NB], the next cycle.
    input  wire                     w_read,
    input  wire [$clog2(NMAX):0]    w_addr,
    output reg  signed [17:0]       w_data,
    // With SHARED_MUL, W's three 16 x 16 products (map 1's p r, map 2's, lambda a2) are made
    // by multipliers outside: operands mul_a and mul_b (16 bits each, product k in bits
    // 16k..), their products mul_p two cycles later (32 bits each). Otherwise by its own.
    output wire                     mul_busy,    // W's operands go to the multipliers
    output wire [47:0]              mul_a,
    output wire [47:0]              mul_b,
    input  wire [95:0]              mul_p
);
  localparam NB = $clog2(NMAX);
  localparam IDLE = 3'd0, EXP = 3'd1, EXP_DRAIN = 3'd2, DIV = 3'd3, W = 3'd4, W_DRAIN = 3'd5,
             W_WAIT = 3'd6;
  reg [2:0]  state;
  reg [NB:0] key, last;                 // the key being issued, the row's last
  reg        half;                      // the row's half of the weight buffer
  reg [5:0]  div_steps;                 // DIV: steps left after this one
  assign idle = state == IDLE;
  assign finishing = state == W_DRAIN && w_valid == 6'd0;
  assign t_read = state == EXP;
  assign t_addr = {half, key[NB-1:0]};

  // EXP's pipeline: which stage holds a key, and which key (stage 1: t read; 6: p made).
  reg [6:1]  exp_valid = 6'd0;
  reg [NB:0] exp_j1, exp_j2, exp_j3, exp_j4, exp_j5, exp_j6;
  // W's pipeline: 1 p read, 2-4 a1 and a2 (diffattn_softmax_map), 5 a2 times lambda
  // (operands), 6 the product; w.
  reg [6:1]  w_valid = 6'd0;
  reg [NB:0] w_j1, w_j2, w_j3, w_j4, w_j5, w_j6;
  reg [16:0] a1_5, a1_6;                // a1 beside lambda a2 (stages 5 and 6)
  wire [16:0] a1, a2;
  // lambda a2: operands at stage 4 (the multiplier registers them: stage 5), the product at
  // stage 6. a2 <= 2^15, so a2 = 2^15 is a shift and otherwise a 16 x 16 product.
  reg         a2_whole_5, a2_whole_6;   // a2 = 2^15
  wire [95:0] products;
  wire signed [31:0] lambda_times_a2 = products[64 +: 32];
  wire signed [33:0] lambda_a2 = a2_whole_6 ? {{3{lambda[15]}}, lambda, 15'd0} : {{2{lambda_times_a2[31]}}, lambda_times_a2};
  wire signed [19:0] w = $signed({3'b000, a1_6}) - $signed(lambda_a2 >>> 14);
  wire [47:0] operands_a, operands_b;
  assign operands_a[32 +: 16] = lambda;
  assign operands_b[32 +: 16] = {1'b0, a2[14:0]};
  // The multipliers are W's while its operands go in, stages 1 to 4 (p r's at 1, lambda a2's
  // at 4): registered, as it selects the OUT lanes' operands across the chip.
  reg mul_busy_r = 1'b0;
  always @(posedge clk) mul_busy_r <= state == W || w_valid[3:1] != 3'd0;
  assign mul_busy = mul_busy_r;
  genvar g;
  generate
    if (SHARED_MUL != 0) begin : shared_multipliers
      assign mul_a = operands_a;
      assign mul_b = operands_b;
      assign products = mul_p;
    end else begin : own_multipliers
      for (g = 0; g < 3; g = g + 1) begin : product
        diffattn_mul16 multiplier (.clk(clk), .a(operands_a[16*g +: 16]), .b(operands_b[16*g +: 16]),
                                   .p(products[32*g +: 32]));
      end
      assign mul_a = 48'd0;
      assign mul_b = 48'd0;
    end
  endgenerate
  reg signed [17:0] w_mem [0:2*NMAX-1];

  wire div_clear = state == EXP_DRAIN && exp_valid == 6'd0;
  assign scores_read = div_clear;
  diffattn_softmax_map #(.NMAX(NMAX), .TW(TW), .EXP2_TABLE(EXP2_TABLE)) map1 (
      .clk(clk), .t(t1), .max(max1), .clear_sum(start), .p_write(exp_valid[6]),
      .p_write_j(exp_j6[NB-1:0]), .div_clear(div_clear), .div_step(state == DIV),
      .p_read(state == W), .p_read_j(key[NB-1:0]), .a(a1),
      .mul_a(operands_a[0 +: 16]), .mul_b(operands_b[0 +: 16]), .mul_p(products[0 +: 32]));
  diffattn_softmax_map #(.NMAX(NMAX), .TW(TW), .EXP2_TABLE(EXP2_TABLE)) map2 (
      .clk(clk), .t(t2), .max(max2), .clear_sum(start), .p_write(exp_valid[6]),
      .p_write_j(exp_j6[NB-1:0]), .div_clear(div_clear), .div_step(state == DIV),
      .p_read(state == W), .p_read_j(key[NB-1:0]), .a(a2),
      .mul_a(operands_a[16 +: 16]), .mul_b(operands_b[16 +: 16]), .mul_p(products[32 +: 32]));

  always @(posedge clk) begin
    exp_valid <= {exp_valid[5:1], state == EXP};
    {exp_j2, exp_j3, exp_j4, exp_j5, exp_j6} <= {exp_j1, exp_j2, exp_j3, exp_j4, exp_j5};
    w_valid <= {w_valid[5:1], state == W};
    {w_j1, w_j2, w_j3, w_j4, w_j5, w_j6} <= {key, w_j1, w_j2, w_j3, w_j4, w_j5};
    a1_5 <= a1;
    a1_6 <= a1_5;
    a2_whole_5 <= a2[15];
    a2_whole_6 <= a2_whole_5;
    if (w_valid[6]) w_mem[{half, w_j6[NB-1:0]}] <= w[17:0];
    if (w_read) w_data <= w_mem[w_addr];
    case (state)
      EXP: begin                         // p_j = 2^-(m - t_j) and l = sum p_j, one key per cycle
        exp_j1 <= key;
        key <= key + 1'b1;
        if (key == last) state <= EXP_DRAIN;
      end
      EXP_DRAIN:
        if (exp_valid == 6'd0) begin
          div_steps <= 6'd38;
          state <= DIV;
        end
      DIV: begin                         // r = floor(2^38 / l), both maps
        div_steps <= div_steps - 1'b1;
        if (div_steps == 0) begin
          key <= 0;
          state <= w_allowed ? W : W_WAIT;
        end
      end
      W_WAIT:                            // until the multipliers are free
        if (w_allowed) state <= W;
      W: begin                           // w_j, one key per cycle (the pipeline above)
        key <= key + 1'b1;
        if (key == last) state <= W_DRAIN;
      end
      W_DRAIN:
        if (finishing) state <= IDLE;
      default: ;
    endcase
    if (start) begin
      key <= 0;
      last <= start_last;
      half <= start_half;
      state <= EXP;
    end
    if (reset) begin
      state <= IDLE;
      exp_valid <= 6'd0;
      w_valid <= 6'd0;
    end
  end
endmodule
`default_nettype wire

// diffattn_softmax_map: one attention map's probabilities, for the softmax unit.
//   EXP   p_j = 2^-(m - t_j) in Q0.15 for every key of the row, and the row sum l = sum p_j:
//         e = m - t >= 0 splits into n = e >> 8 and f = e & 255, and p = EXP2[f] >> n (0 when
//         n >= 16), EXP2[f] = round(2^15 2^(-f/256)) a 256-entry table (one block RAM);
//   DIV   r = floor(2^38 / l) (diffattn_divider);
//   W     a_j = (p_j r) >> 23, the normalised probability in Q0.15 (four pipeline stages, on
//         a 16 x 16 multiplier the softmax unit provides).
// EXP takes a key per cycle through a pipeline, one stage per register below:
//   1 t arrives from the score unit's memory      4 n and f
//   2 t is held (for the clock)                   5 the table's value, n
//   3 m - t in two halves (below)                 6 p; then stored and added to l
`default_nettype none
// The tables' folder, for the default table paths (the FPGA flow defines it).
`ifndef DIFFATTN_TABLES
`define DIFFATTN_TABLES "."
`endif
module diffattn_softmax_map #(
    parameter NMAX = 64,
    parameter TW = 37,                        // bits of a score
    parameter EXP2_TABLE = {`DIFFATTN_TABLES, "/exp2.hex"}
) (
    input  wire                     clk,
    input  wire signed [TW-1:0]     t,        // stage 1: a score
    input  wire signed [TW-1:0]     max,      // the row maximum m
    input  wire                     clear_sum,
    input  wire                     p_write,  // p (stage 6) is key p_write_j's: store it, add it to l
    input  wire [$clog2(NMAX)-1:0]  p_write_j,
    input  wire                     div_clear,
    input  wire                     div_step,
    input  wire                     p_read,   // W: read key p_read_j's p; its a four cycles on
    input  wire [$clog2(NMAX)-1:0]  p_read_j,
    output reg  [16:0]              a,
    // The multiplier for p r (registered operands, product two cycles after mul_a and mul_b).
    output wire [15:0]              mul_a,
    output wire [15:0]              mul_b,
    input  wire signed [31:0]       mul_p
);
  reg [15:0] exp2 [0:255];
  initial $readmemh(EXP2_TABLE, exp2);
  reg [15:0] p_mem [0:NMAX-1];
  reg [23:0] sum;                            // l < 2^24

  // e < 2^24 exactly when the high halves of m and t differ by the low half's borrow; the
  // subtraction is split there for the clock. e >= 2^12 gives p = 0 (n >= 16).
  reg signed [TW-1:0] t_held;
  reg  [24:0] e_low;                         // {borrow, the low 24 bits of e}
  reg         high_same, high_one_more;      // m's high half equals t's, or t's + 1
  wire        e_small = (e_low[24] ? high_one_more : high_same) && ~|e_low[23:12];  // e < 2^12
  wire [5:0]  n = e_small ? {2'b00, e_low[11:8]} : 6'd16;
  reg  [7:0]  f;                             // the fraction bits: the table's index
  reg  [5:0]  n4, n5;                        // n in stages 4 and 5
  reg  [15:0] table_value;
  wire [15:0] p = n5[4] ? 16'd0 : table_value >> n5[3:0];
  reg  [15:0] p6;
  always @(posedge clk) begin
    t_held <= t;
    e_low <= {1'b0, max[23:0]} - {1'b0, t_held[23:0]};
    high_same <= max[TW-1:24] == t_held[TW-1:24];
    high_one_more <= $signed(max[TW-1:24]) == $signed(t_held[TW-1:24]) + 1;
    f <= e_low[7:0];
    n4 <= n;
    table_value <= exp2[f];
    n5 <= n4;
    p6 <= p;
    if (p_write) begin
      p_mem[p_write_j] <= p6;
      sum <= sum + {8'd0, p6};
    end
    if (clear_sum) sum <= 24'd0;
  end

  wire [23:0] r;
  diffattn_divider reciprocal (.clk(clk), .clear(div_clear), .step(div_step), .divisor(sum), .quotient(r));

  // W: a = (p r) >> 23 in four stages, so that each is short. p <= 2^15 and r <= 2^23 (as
  // l >= 2^15), and each reaches its bound only when the other cannot matter: p = 2^15 gives
  // a = r >> 8, r = 2^23 gives a = p. Otherwise p < 2^15 and r < 2^23, and p r is p times
  // r's bits 22..8, a signed 16 x 16 product of two non-negative operands (one DSP on the
  // iCE40: mul_a, mul_b and mul_p, the multiplier the softmax unit is given), plus p times
  // r's low 8 bits, four 2-bit digit products summed in the fabric:
  //   1 p is read   2 the multiplier's operands; the digit products
  //   3 the product; the digits' sum   4 a
  reg  [15:0] p_read_data, p_2, p_3;
  reg  [17:0] digit0, digit1, digit2, digit3;       // p r[2k+1:2k], k = 0..3
  reg  [23:0] pr_low;
  assign mul_a = {1'b0, p_read_data[14:0]};
  assign mul_b = {1'b0, r[22:8]};
  wire [39:0] pr = {2'b00, mul_p[29:0], 8'd0} + {16'd0, pr_low};
  function [17:0] times_digit(input [15:0] x, input [1:0] digit);
    times_digit = (digit[0] ? {2'b00, x} : 18'd0) + (digit[1] ? {1'b0, x, 1'b0} : 18'd0);
  endfunction
  always @(posedge clk) begin
    if (p_read) p_read_data <= p_mem[p_read_j];
    p_2 <= p_read_data;
    p_3 <= p_2;
    digit0 <= times_digit(p_read_data, r[1:0]);
    digit1 <= times_digit(p_read_data, r[3:2]);
    digit2 <= times_digit(p_read_data, r[5:4]);
    digit3 <= times_digit(p_read_data, r[7:6]);
    pr_low <= ({6'd0, digit0} + {4'd0, digit1, 2'd0}) + ({2'd0, digit2, 4'd0} + {digit3, 6'd0});
    a <= p_3[15] ? {1'b0, r[23:8]} : r[23] ? {1'b0, p_3} : pr[39:23];
  end
endmodule
`default_nettype wire

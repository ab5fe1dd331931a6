// diffattn_lanes: LANES multiply-accumulate lanes, the accelerator's arithmetic.
//
// Lane l multiplies a by b and adds the product to its accumulator:
//   DOT   s_j = q_i . k_j: lane h < H = LANES / 2 takes map 1's key j + h (a = q1_ik,
//         b = k1_(j+h)k), lane H + h map 2's (q2_ik, k2_(j+h)k). The last element of a
//         group hands the group's dot products to the score unit (group_done).
//   OUT   O_ic = sum_j w_j v_jc: lane l takes column oc + l (a = w_j, b = v_j(oc+l)).
// An element issued by the sequencer flows through three stages, each carrying its flags:
//   1 its operands arrive from the buffers (mac_*),
//   2 a and b are registered, the product is formed (mac_*2),
//   3 the product is accumulated (mac_*3): registered operands and product, for the clock.
`default_nettype none
module diffattn_lanes #(
    parameter NMAX = 64,
    parameter LANES = 2
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
    output wire                     empty         // no element in flight
);
  localparam H  = LANES / 2;
  localparam NB = $clog2(NMAX);

  reg        mac_valid = 1'b0, mac_first, mac_last, mac_out;
  reg        mac_valid2 = 1'b0, mac_first2, mac_last2, mac_out2;
  reg        mac_valid3 = 1'b0, mac_first3, mac_last3, mac_out3;
  reg [NB:0] mac_j, mac_j2, mac_j3;
  reg [NB:0] mac_keys, mac_keys2, mac_keys3;
  reg        mac_half, mac_half2, mac_half3, mac_end, mac_end2, mac_end3;
  always @(posedge clk) begin
    mac_valid <= dot_issue || out_issue;
    mac_out <= out_issue;
    if (dot_issue || out_issue) begin
      mac_first <= issue_first;
      mac_last <= issue_last;
    end
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
    for (g = 0; g < LANES; g = g + 1) begin : lane
      wire signed [7:0] q  = g < H ? q1 : q2;
      wire signed [7:0] kk = g < H ? k1[8*(g%H) +: 8] : k2[8*(g%H) +: 8];
      reg signed [17:0] a;
      reg signed [7:0]  b;
      reg signed [25:0] prod;
      reg signed [31:0] acc;
      wire signed [31:0] sum = (mac_first3 ? 32'sd0 : acc) + prod;
      always @(posedge clk) begin
        a <= mac_out ? w : {{10{q[7]}}, q};
        b <= mac_out ? v[8*g +: 8] : kk;
        prod <= a * b;
        if (mac_valid3) acc <= sum;
      end
      assign sums[32*g +: 32] = acc;
    end
  endgenerate
endmodule
`default_nettype wire

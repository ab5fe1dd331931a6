`timescale 1ns/1ps
// rtl/diffattn/diffattn_lanes.v with 8 narrow lanes, built twice: as 4 SB_MAC16 pairs (the
// iCE40 build, simulated with Yosys's model of the DSP) and as behavioural multipliers (every
// other build and every Verilator test). The same random issues go to both; from cycle 100
// on (when every accumulator has been started) their sums must agree in every cycle.
// tests/integration/diffattn_dsp_pairs.sh makes the two copies (lanes_beh, lanes_dsp).
module tb;
  reg clk = 0, reset = 1;
  reg dot_issue = 0, out_issue = 0, issue_first = 0, issue_last = 0, issue_half = 0, issue_row_end = 0, issue_shift = 0;
  reg [1:0] issue_digit = 0;
  reg [4:0] issue_j = 0, issue_keys = 0;
  reg signed [7:0] q1, q2; reg [31:0] k1, k2; reg signed [17:0] w; reg [63:0] v;
  wire [255:0] sums_beh, sums_dsp;
  lanes_beh beh (.clk(clk), .reset(reset), .dot_issue(dot_issue), .out_issue(out_issue), .issue_first(issue_first),
    .issue_last(issue_last), .issue_j(issue_j), .issue_keys(issue_keys), .issue_half(issue_half), .issue_row_end(issue_row_end),
    .issue_digit(issue_digit), .issue_shift(issue_shift), .q1(q1), .q2(q2), .k1(k1), .k2(k2), .w(w), .v(v), .sums(sums_beh));
  lanes_dsp dsp (.clk(clk), .reset(reset), .dot_issue(dot_issue), .out_issue(out_issue), .issue_first(issue_first),
    .issue_last(issue_last), .issue_j(issue_j), .issue_keys(issue_keys), .issue_half(issue_half), .issue_row_end(issue_row_end),
    .issue_digit(issue_digit), .issue_shift(issue_shift), .q1(q1), .q2(q2), .k1(k1), .k2(k2), .w(w), .v(v), .sums(sums_dsp));
  always #5 clk = ~clk;
  integer cyc, bad = 0;
  initial begin
    #12 reset = 0;
    for (cyc = 0; cyc < 30000; cyc = cyc + 1) begin
      @(negedge clk);
      dot_issue = $random; out_issue = !dot_issue && ($random & 1);
      issue_first = ($random & 7) == 0; issue_shift = ($random & 7) == 0; issue_digit = $random % 3;
      q1 = $random; q2 = $random; k1 = $random; k2 = $random; w = $random; v = {$random, $random};
      if (cyc > 100 && sums_beh !== sums_dsp) begin bad = bad + 1; if (bad < 5) $display("cycle %0d: %h vs %h", cyc, sums_beh, sums_dsp); end
    end
    if (bad) $display("FAIL: the sums differ in %0d cycles", bad);
    else $display("ok   8 narrow lanes as 4 SB_MAC16: the same sums as the behavioural lanes in all %0d cycles", cyc);
    $finish;
  end
endmodule

`timescale 1ns/1ps
// rtl/diffattn/diffattn_lanes.v built twice: with the iCE40's SB_MAC16 (DIFFATTN_SB_MAC16,
// simulated with Yosys's model of the DSP) and with behavioural multipliers (every other
// build and every Verilator test). Two configurations of each: 8 narrow lanes (4 SB_MAC16 in
// 8 x 8 mode, two lanes a DSP) and 4 SHARED OUT lanes (4 SB_MAC16 in 16 x 16 mode, which the
// softmax unit borrows through ext_*). The same random issues go to both builds; from cycle
// 100 on (when every accumulator has been started) their sums, and the borrowed products,
// must agree in every cycle.
// tests/integration/diffattn_dsp_pairs.sh makes the two copies (lanes_beh, lanes_dsp).
module tb;
  reg clk = 0, reset = 1;
  reg dot_issue = 0, out_issue = 0, issue_first = 0, issue_last = 0, issue_half = 0, issue_row_end = 0, issue_shift = 0;
  reg [1:0] issue_digit = 0;
  reg [4:0] issue_j = 0, issue_keys = 0;
  reg signed [7:0] q1, q2; reg [31:0] k1, k2; reg signed [17:0] w; reg [63:0] v;
  reg ext_sel = 0; reg [63:0] ext_a, ext_b;
  wire [255:0] sums_beh, sums_dsp;
  wire [127:0] out_beh, out_dsp, ext_beh, ext_dsp;
  lanes_beh #(.NMAX(16), .LANES(8), .NARROW(1)) beh (.clk(clk), .reset(reset), .dot_issue(dot_issue), .out_issue(out_issue), .issue_first(issue_first),
    .issue_last(issue_last), .issue_j(issue_j), .issue_keys(issue_keys), .issue_half(issue_half), .issue_row_end(issue_row_end),
    .issue_digit(issue_digit), .issue_shift(issue_shift), .q1(q1), .q2(q2), .k1(k1), .k2(k2), .w(w), .v(v), .sums(sums_beh),
    .ext_sel(1'b0), .ext_a(128'd0), .ext_b(128'd0), .ext_p());
  lanes_dsp #(.NMAX(16), .LANES(8), .NARROW(1)) dsp (.clk(clk), .reset(reset), .dot_issue(dot_issue), .out_issue(out_issue), .issue_first(issue_first),
    .issue_last(issue_last), .issue_j(issue_j), .issue_keys(issue_keys), .issue_half(issue_half), .issue_row_end(issue_row_end),
    .issue_digit(issue_digit), .issue_shift(issue_shift), .q1(q1), .q2(q2), .k1(k1), .k2(k2), .w(w), .v(v), .sums(sums_dsp),
    .ext_sel(1'b0), .ext_a(128'd0), .ext_b(128'd0), .ext_p());
  // The SHARED OUT lanes: OUT issues only; ext_sel at random between them.
  lanes_beh #(.NMAX(16), .LANES(4), .SHARED(1)) shared_beh (.clk(clk), .reset(reset), .dot_issue(1'b0),
    .out_issue(out_issue), .issue_first(issue_first), .issue_last(1'b0), .issue_j(5'd0), .issue_keys(5'd0),
    .issue_half(1'b0), .issue_row_end(1'b0), .issue_digit(2'd0), .issue_shift(1'b0), .q1(8'sd0), .q2(8'sd0),
    .k1(16'd0), .k2(16'd0), .w(w), .v(v[31:0]), .sums(out_beh), .ext_sel(ext_sel), .ext_a(ext_a), .ext_b(ext_b),
    .ext_p(ext_beh));
  lanes_dsp #(.NMAX(16), .LANES(4), .SHARED(1)) shared_dsp (.clk(clk), .reset(reset), .dot_issue(1'b0),
    .out_issue(out_issue), .issue_first(issue_first), .issue_last(1'b0), .issue_j(5'd0), .issue_keys(5'd0),
    .issue_half(1'b0), .issue_row_end(1'b0), .issue_digit(2'd0), .issue_shift(1'b0), .q1(8'sd0), .q2(8'sd0),
    .k1(16'd0), .k2(16'd0), .w(w), .v(v[31:0]), .sums(out_dsp), .ext_sel(ext_sel), .ext_a(ext_a), .ext_b(ext_b),
    .ext_p(ext_dsp));
  always #5 clk = ~clk;
  integer cyc, bad = 0;
  initial begin
    #12 reset = 0;
    for (cyc = 0; cyc < 30000; cyc = cyc + 1) begin
      @(negedge clk);
      dot_issue = $random; out_issue = !dot_issue && ($random & 1);
      issue_first = ($random & 7) == 0; issue_shift = ($random & 7) == 0; issue_digit = $random % 3;
      q1 = $random; q2 = $random; k1 = $random; k2 = $random; w = $random; v = {$random, $random};
      ext_sel = !out_issue && ($random & 1); ext_a = {$random, $random}; ext_b = {$random, $random};
      if (cyc > 100 && sums_beh !== sums_dsp) begin bad = bad + 1; if (bad < 5) $display("cycle %0d: %h vs %h", cyc, sums_beh, sums_dsp); end
      if (cyc > 100 && out_beh !== out_dsp) begin bad = bad + 1; if (bad < 5) $display("cycle %0d: OUT %h vs %h", cyc, out_beh, out_dsp); end
      if (cyc > 100 && ext_beh !== ext_dsp) begin bad = bad + 1; if (bad < 5) $display("cycle %0d: ext %h vs %h", cyc, ext_beh, ext_dsp); end
    end
    if (bad) $display("FAIL: the sums differ in %0d cycles", bad);
    else $display("ok   8 narrow lanes and 4 shared OUT lanes, each as 4 SB_MAC16: the same sums (and borrowed products) as the behavioural lanes in all %0d cycles", cyc);
    $finish;
  end
endmodule

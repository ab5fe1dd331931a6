// The softmax unit's divider (rtl/diffattn/diffattn_divider.v) against floor(2^38 / l),
// for every l where the algorithm turns (the ends of the range, each power of two and its
// neighbours) and for many random ones, with random pauses between steps. Prints "ok" and
// the count, or the first wrong quotient.
`timescale 1ns / 1ps
`default_nettype none
module divider_tb;
  reg         clk = 1'b0;
  reg         clear = 1'b0, step = 1'b0;
  reg  [23:0] divisor;
  wire [23:0] quotient;
  diffattn_divider dut (.clk(clk), .clear(clear), .step(step), .divisor(divisor), .quotient(quotient));
  always #5 clk = !clk;

  integer checked = 0, failed = 0, seed = 17, i, b;
  reg [63:0] expected;

  task divide(input [23:0] l, input pauses);
    integer steps;
    begin
      divisor = l;
      @(negedge clk) clear = 1'b1;
      @(negedge clk) clear = 1'b0;
      steps = 0;
      while (steps < 39) begin
        step = !pauses || ($random(seed) & 3) != 0;
        @(negedge clk);
        if (step) steps = steps + 1;
      end
      step = 1'b0;
      expected = (64'd1 << 38) / l;
      checked = checked + 1;
      if (quotient !== expected[23:0] && failed == 0) begin
        $display("FAIL: 2^38 / %0d gave %0d, expected %0d", l, quotient, expected);
        failed = 1;
      end
    end
  endtask

  initial begin
    for (i = 0; i < 1024; i = i + 1) divide(24'd32768 + i, 1'b0);     // the range's ends
    for (i = 0; i < 1024; i = i + 1) divide(24'hFFFFFF - i, 1'b0);
    for (b = 15; b < 24; b = b + 1)                                     // 2^b and its neighbours
      for (i = -8; i <= 8; i = i + 1)
        if ((24'd1 << b) + i >= 24'd32768) divide((24'd1 << b) + i, 1'b0);
    for (i = 0; i < 20000; i = i + 1)                                   // anywhere, with pauses
      divide(24'd32768 + ({$random(seed)} % (24'hFFFFFF - 24'd32768 + 1)), i % 2);
    if (failed == 0) $display("ok %0d divisions", checked);
    $finish;
  end
endmodule
`default_nettype wire

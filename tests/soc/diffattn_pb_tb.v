// Runs the accelerator SoC's bitstream, turned back into Verilog by icebox_vlog (module
// diffattn_pb), with Yosys's iCE40 cell models, and replays one diffattn-host request on its
// serial port: the commands of +script=FILE (diffattn-host --script: one line per command,
// "count bytes... reply_count"), each sent once the previous reply is complete. Every reply
// byte goes to +replies=FILE in hex, for diffattn-host --replies to check against the model.
`timescale 1ns / 1ps
module diffattn_pb_tb;
  parameter BIT = 12;           // clocks per UART bit (12 MHz / 1 Mbaud)
  parameter MAX_CYCLES = 2000000;
  reg clk = 1'b0;
  reg rx = 1'b1;
  wire tx;
  diffattn_pb dut (.clk(clk), .uart_rx(rx), .uart_tx(tx));
  always #5 clk = ~clk;

  integer script, replies, count, b, i, expected, received = 0, cycles = 0;
  reg [8*256-1:0] script_path, replies_path;

  // 8N1 out of the SoC.
  wire [7:0] c;
  wire got;
  uart_sink #(.BIT(BIT)) sink (.clk(clk), .line(tx), .data(c), .strobe(got));
  always @(posedge got) begin
    $fdisplay(replies, "%02x", c);
    received = received + 1;
  end
  always @(posedge clk) begin
    cycles = cycles + 1;
    if (cycles == MAX_CYCLES) begin
      $display("diffattn_pb_tb: no reply after %0d cycles (%0d bytes received)", cycles, received);
      $fclose(replies);
      $finish;
    end
  end

  // 8N1 into the SoC.
  task send(input [7:0] byte_value);
    integer n;
    begin
      rx = 1'b0;
      repeat (BIT) @(posedge clk);
      for (n = 0; n < 8; n = n + 1) begin
        rx = byte_value[n];
        repeat (BIT) @(posedge clk);
      end
      rx = 1'b1;
      repeat (BIT) @(posedge clk);
    end
  endtask

  initial begin
    if (!$value$plusargs("script=%s", script_path) || !$value$plusargs("replies=%s", replies_path)) begin
      $display("usage: vvp diffattn_pb_tb.vvp +script=FILE +replies=FILE");
      $finish;
    end
    script = $fopen(script_path, "r");
    replies = $fopen(replies_path, "w");
    repeat (100) @(posedge clk);          // the power-on reset
    expected = 0;
    while ($fscanf(script, "%d", count) == 1) begin
      for (i = 0; i < count; i = i + 1) begin
        if ($fscanf(script, "%d", b) != 1) $finish;
        send(b[7:0]);
      end
      if ($fscanf(script, "%d", b) != 1) $finish;
      expected = expected + b;
      while (received < expected) @(posedge clk);
    end
    $display("diffattn_pb_tb: %0d reply bytes in %0d cycles", received, cycles);
    $fclose(replies);
    $finish;
  end
endmodule

// A UART transmitter, 8 data bits, no parity, one stop bit (8N1).
// Write a byte with `start` while `busy` is 0; `tx` idles high.
`default_nettype none
module uart_tx #(
    parameter CLOCK_HZ = 12000000,
    parameter BAUD     = 115200
) (
    input  wire       clk,
    input  wire       reset,
    input  wire       start,
    input  wire [7:0] data,
    output wire       busy,
    output wire       busy_next,   // what busy will be after this edge
    output wire       tx
);
  localparam integer DIVIDE = CLOCK_HZ / BAUD;  // clock cycles per bit

  // The frame is shifted out LSB first: start bit 0, eight data bits, stop bit 1.
  reg [9:0]  frame = 10'h3FF;
  reg [3:0]  bits_left = 4'd0;
  reg [$clog2(DIVIDE + 1)-1:0] count = 0;

  assign busy = bits_left != 4'd0;
  assign busy_next = !reset && (busy ? !(bits_left == 4'd1 && count == DIVIDE - 1) : start);
  assign tx = frame[0];

  always @(posedge clk) begin
    if (reset) begin
      frame <= 10'h3FF;
      bits_left <= 4'd0;
      count <= 0;
    end else if (!busy) begin
      if (start) begin
        frame <= {1'b1, data, 1'b0};
        bits_left <= 4'd10;
        count <= 0;
      end
    end else if (count == DIVIDE - 1) begin
      count <= 0;
      frame <= {1'b1, frame[9:1]};
      bits_left <= bits_left - 4'd1;
    end else begin
      count <= count + 1'b1;
    end
  end
endmodule
`default_nettype wire

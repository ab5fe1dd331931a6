// A UART receiver, 8 data bits, no parity, one stop bit (8N1): the partner of uart_tx.
// `valid` is high for one cycle with each byte received; a frame whose stop bit is 0 is
// dropped. `rx` may change at any time: it passes two flip-flops before it is used.
`default_nettype none
module uart_rx #(
    parameter CLOCK_HZ = 12000000,
    parameter BAUD     = 115200
) (
    input  wire       clk,
    input  wire       reset,
    input  wire       rx,
    output reg        valid,
    output reg  [7:0] data
);
  localparam integer DIVIDE = CLOCK_HZ / BAUD;  // clock cycles per bit

  reg [1:0] sync = 2'b11;                        // rx, synchronised to clk
  wire line = sync[1];
  reg [3:0] bit_index = 4'd0;                    // 0: idle; 1: start bit; 2..9: data; 10: stop
  reg [$clog2(DIVIDE + 1)-1:0] count = 0;
  reg [7:0] shift = 8'd0;

  always @(posedge clk) begin
    sync <= {sync[0], rx};
    valid <= 1'b0;
    if (reset) begin
      bit_index <= 4'd0;
    end else if (bit_index == 4'd0) begin
      if (!line) begin                           // a falling edge: a start bit begins
        bit_index <= 4'd1;
        count <= DIVIDE / 2;                     // sample every bit in its middle
      end
    end else if (count != 0) begin
      count <= count - 1'b1;
    end else begin
      count <= DIVIDE - 1;
      bit_index <= bit_index + 4'd1;
      case (bit_index)
        4'd1:    if (line) bit_index <= 4'd0;    // no longer low: a glitch, not a start bit
        4'd10: begin
          bit_index <= 4'd0;
          valid <= line;                         // a good stop bit
          data <= shift;
        end
        default: shift <= {line, shift[7:1]};    // LSB first
      endcase
    end
  end
endmodule
`default_nettype wire

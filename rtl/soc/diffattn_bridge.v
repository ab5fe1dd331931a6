// diffattn_bridge: the accelerator's register bus driven over a serial line, one command at
// a time (the host waits for each reply before it sends the next command). Multi-byte
// fields are little-endian; A is a 3-byte register address (rtl/diffattn/README.md), N a
// 2-byte count:
//   'W' A D(4 bytes)  write the 32-bit word D to A                         reply 'k'
//   'B' A N bytes...  write N bytes, one per register, to A, A+1, ...      reply 'k'
//                     (Q, K, V elements: a row of a matrix is one block)
//   'R' A N           read N words from A, A+1, ...                        reply 4N bytes
//   'D'               wait until the accelerator is not busy               reply 'd'
//   anything else                                                         reply '?'
// A head: its registers and matrices with 'W' and 'B', 'W' CTRL = 1, 'D', then 'R' for the
// rows of O (README.md, "The accelerator on a board"; the host side: tools/diffattn, diffattn-host).
`default_nettype none
module diffattn_bridge (
    input  wire        clk,
    input  wire        reset,
    // from the UART receiver, to the UART transmitter
    input  wire        rx_valid,
    input  wire [7:0]  rx_data,
    output reg         tx_start,
    output reg  [7:0]  tx_data,
    input  wire        tx_busy,
    // the accelerator's register bus
    output reg         bus_write,
    output reg         bus_read,
    output reg  [19:0] bus_addr,
    output reg  [31:0] bus_wdata,
    input  wire [31:0] bus_rdata,
    input  wire        busy
);
  localparam S_OP = 4'd0, S_ARGS = 4'd1, S_BLOCK = 4'd2, S_READ = 4'd3, S_READ_WAIT = 4'd4,
             S_CAPTURE = 4'd5, S_SEND = 4'd6, S_WAIT = 4'd7, S_REPLY = 4'd8;
  reg [3:0]  state = S_OP;
  reg [7:0]  op;
  reg [2:0]  arg_left;                   // argument bytes still to come
  reg [55:0] args;                       // they arrive LSB first: A (3 bytes), then D or N
  reg [15:0] count;                      // bytes (B) or words (R) left
  reg [31:0] word;                       // the word being sent (R)
  reg [2:0]  bytes_left;                 // its bytes still to send
  reg        sent;                       // tx_start went out last cycle: busy rises now

  wire [55:0] args_next = {rx_data, args[55:8]};
  wire tx_ready = !tx_busy && !tx_start && !sent;

  // Sends one reply byte, then takes the next command.
  task reply(input [7:0] b);
    begin
      tx_data <= b;
      state <= S_REPLY;
    end
  endtask

  always @(posedge clk) begin
    bus_write <= 1'b0;
    bus_read <= 1'b0;
    tx_start <= 1'b0;
    sent <= tx_start;
    if (reset) begin
      state <= S_OP;
    end else case (state)
      S_OP:
        if (rx_valid) begin
          op <= rx_data;
          case (rx_data)
            "W": begin arg_left <= 3'd7; state <= S_ARGS; end
            "B", "R": begin arg_left <= 3'd5; state <= S_ARGS; end
            "D": state <= S_WAIT;
            default: reply("?");
          endcase
        end
      S_ARGS:
        if (rx_valid) begin
          args <= args_next;
          arg_left <= arg_left - 3'd1;
          if (arg_left == 3'd1) begin
            // All arguments are in: A is the first three bytes received.
            bus_addr <= op == "W" ? args_next[19:0] : args_next[35:16];
            count <= args_next[55:40];
            if (op == "W") begin
              bus_wdata <= args_next[55:24];
              bus_write <= 1'b1;
              reply("k");
            end else if (args_next[55:40] == 16'd0) begin
              if (op == "B") reply("k");   // an empty block; an empty read sends nothing
              else state <= S_OP;
            end else begin
              state <= op == "B" ? S_BLOCK : S_READ;
            end
          end
        end
      // 'B': each byte as it arrives, to the next address.
      S_BLOCK:
        if (rx_valid) begin
          bus_wdata <= {24'd0, rx_data};
          bus_write <= 1'b1;
          count <= count - 16'd1;
          if (count == 16'd1) reply("k");
        end else if (bus_write) begin
          bus_addr <= bus_addr + 20'd1;
        end
      // 'R': a word is read (the accelerator takes bus_read in the next cycle, its data is
      // there the cycle after), then sent in four bytes, low byte first.
      S_READ: begin
        bus_read <= 1'b1;
        state <= S_READ_WAIT;
      end
      S_READ_WAIT: state <= S_CAPTURE;
      S_CAPTURE: begin
        word <= bus_rdata;
        bytes_left <= 3'd4;
        state <= S_SEND;
      end
      S_SEND:
        if (tx_ready) begin
          tx_data <= word[7:0];
          tx_start <= 1'b1;
          word <= {8'd0, word[31:8]};
          bytes_left <= bytes_left - 3'd1;
          if (bytes_left == 3'd1) begin
            count <= count - 16'd1;
            bus_addr <= bus_addr + 20'd1;
            state <= count == 16'd1 ? S_OP : S_READ;
          end
        end
      S_WAIT:
        if (!busy) reply("d");
      S_REPLY:
        if (tx_ready) begin
          tx_start <= 1'b1;
          state <= S_OP;
        end
      default: state <= S_OP;
    endcase
  end
endmodule
`default_nettype wire

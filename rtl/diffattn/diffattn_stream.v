// diffattn_stream: the accelerator with valid/ready streams for its data, as a DMA engine,
// a UART bridge or another accelerator would feed it.
//
//   configuration  the register bus of diffattn (N, D, DV, LAMBDA, SCORE_MULT, SCORE_SHIFT,
//                  CAUSAL; rtl/diffattn/README.md), written before a head's stream begins;
//                  the bus also reads STATUS and O as before.
//   in  (int8)     the head's inputs in order: Q1, K1, Q2, K2 (N x D each, row by row), then
//                  V (N x DV). A beat moves when in_valid and in_ready are both high. After the
//                  last beat the head starts by itself.
//   out (int32)    O, N x DV row by row, once the head is done; out_last marks the final
//                  element. A beat moves when out_valid and out_ready are both high; the
//                  stream runs at one element per cycle while out_ready stays high.
//
// The bus and the streams share diffattn's one bus port: bus writes are taken only while no
// stream is moving, and bus reads are not answered while O streams out. Only a head started
// by the input stream streams its O out; one started by a CTRL write on the bus does not.
`default_nettype none
module diffattn_stream #(
    parameter NMAX  = 64,
    parameter DMAX  = 16,
    parameter DVMAX = 16,
    parameter EXP2_TABLE = "exp2.hex",
    parameter HAS_NORM = 1,
    parameter RSQRT_TABLE = "rsqrt.hex"
) (
    input  wire        clk,
    input  wire        reset,
    // register bus
    input  wire        bus_write,
    input  wire        bus_read,
    input  wire [19:0] bus_addr,
    input  wire [31:0] bus_wdata,
    output wire [31:0] bus_rdata,
    // input stream
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [7:0]  in_data,
    // output stream
    output wire        out_valid,
    input  wire        out_ready,
    output wire [31:0] out_data,
    output wire        out_last,
    output wire        busy,
    output wire        done
);
  localparam NB = $clog2(NMAX);

  // Input side: matrix m (0..3: Q1 K1 Q2 K2, 4: V), row r, column c of the next beat.
  reg [2:0]  m = 3'd0;
  reg [NB:0] r = 0;
  reg [6:0]  c = 0;
  reg loading = 1'b0;      // a head's input stream has begun
  reg start = 1'b0;        // the cycle that writes CTRL = 1
  reg stream_head = 1'b0;  // the running head was started by the stream: its O streams out
  // Output side (below).
  reg unloading = 1'b0;
  reg [NB:0] orow = 0;
  reg [6:0]  ocol = 0;
  reg        issued = 1'b0;      // a read was issued last cycle: its data arrives now
  reg        issued_last = 1'b0;
  reg [31:0] buf0, buf1;
  reg        buf0_last, buf1_last;
  reg [1:0]  count = 2'd0;
  reg        done_seen = 1'b0;
  wire in_beat, issue;
  wire streaming = loading || in_beat || start || unloading || issued || count != 0;

  // The sizes, as the bus wrote them (diffattn keeps its own copy). DMAX, DVMAX <= 64.
  reg [NB:0] n;
  reg [$clog2(DMAX):0]  d;
  reg [$clog2(DVMAX):0] dv;
  wire [6:0] d7 = d, dv7 = dv;
  always @(posedge clk)
    if (bus_write && !busy && !streaming)
      case (bus_addr)
        20'h2: n  <= bus_wdata[NB:0];
        20'h3: d  <= bus_wdata[$clog2(DMAX):0];
        20'h4: dv <= bus_wdata[$clog2(DVMAX):0];
        default: ;
      endcase

  // ---- Input.
  wire [6:0] cols = m == 3'd4 ? dv7 : d7;
  wire last_col = c + 1'b1 == cols;
  wire last_row = r + 1'b1 == n;
  assign in_ready = !busy && !start && !unloading && !reset;
  assign in_beat = in_valid && in_ready;
  wire [19:0] in_addr = {1'b0, m + 3'd1, 16'd0} +
                        (m == 3'd4 ? r * DVMAX + c : r * DMAX + c);

  always @(posedge clk) begin
    start <= 1'b0;
    if (reset) begin
      m <= 0; r <= 0; c <= 0; loading <= 1'b0;
    end else if (in_beat) begin
      loading <= 1'b1;
      c <= last_col ? 7'd0 : c + 1'b1;
      if (last_col) begin
        r <= last_row ? 0 : r + 1'b1;
        if (last_row) begin
          if (m == 3'd4) begin
            m <= 0;
            loading <= 1'b0;
            start <= 1'b1;       // the head starts in the next cycle
            stream_head <= 1'b1;
          end else begin
            m <= m + 1'b1;
          end
        end
      end
    end
  end

  // ---- Output: after done, O is read element by element (its data arrives a cycle after
  // the read) into a two-entry buffer, so reads continue while the consumer keeps up.
  wire out_beat = out_valid && out_ready;
  // Issue a read only when its data will find room: the buffer holds `count` entries,
  // one may be on its way, and one may leave this cycle.
  wire [1:0] after = count + (issued ? 2'd1 : 2'd0) - (out_beat ? 2'd1 : 2'd0);
  assign issue = unloading && after < 2'd2;
  wire last_col_o = ocol + 1'b1 == dv7;
  wire last_o = orow + 1'b1 == n && last_col_o;
  wire [19:0] o_addr = 20'h60000 + orow * DVMAX + ocol;

  always @(posedge clk) begin
    if (reset) begin
      unloading <= 1'b0; orow <= 0; ocol <= 0; issued <= 1'b0; count <= 0; done_seen <= 1'b0;
      stream_head <= 1'b0;
    end else begin
      done_seen <= done;
      if (done && !done_seen && stream_head) begin   // the stream's head just finished: stream O
        stream_head <= 1'b0;
        unloading <= 1'b1;
        orow <= 0;
        ocol <= 0;
      end
      issued <= issue;
      issued_last <= issue && last_o;
      if (issue) begin
        if (last_o) unloading <= 1'b0;
        ocol <= last_col_o ? 7'd0 : ocol + 1'b1;
        if (last_col_o) orow <= orow + 1'b1;
      end
      // The buffer: entry 0 is the head of the queue.
      case ({issued, out_beat})
        2'b10: begin
          if (count == 0) begin buf0 <= core_rdata; buf0_last <= issued_last; end
          else begin buf1 <= core_rdata; buf1_last <= issued_last; end
          count <= count + 1'b1;
        end
        2'b01: begin
          buf0 <= buf1; buf0_last <= buf1_last;
          count <= count - 1'b1;
        end
        2'b11: begin
          if (count == 1) begin buf0 <= core_rdata; buf0_last <= issued_last; end
          else begin buf0 <= buf1; buf0_last <= buf1_last; buf1 <= core_rdata; buf1_last <= issued_last; end
        end
        default: ;
      endcase
    end
  end
  assign out_valid = count != 0;
  assign out_data  = buf0;
  assign out_last  = buf0_last;

  // ---- diffattn's bus port: the input stream's writes, CTRL = 1, O reads, or the bus.
  wire        core_write = in_beat || start || (bus_write && !streaming);
  wire        core_read  = issue || (bus_read && !issue);
  wire [19:0] core_addr  = in_beat ? in_addr : start ? 20'h0 : issue ? o_addr : bus_addr;
  wire [31:0] core_wdata = in_beat ? {24'd0, in_data} : start ? 32'd1 : bus_wdata;
  wire [31:0] core_rdata;
  assign bus_rdata = core_rdata;

  diffattn #(.NMAX(NMAX), .DMAX(DMAX), .DVMAX(DVMAX), .EXP2_TABLE(EXP2_TABLE), .HAS_NORM(HAS_NORM),
             .RSQRT_TABLE(RSQRT_TABLE)) core (
      .clk(clk), .reset(reset),
      .bus_write(core_write), .bus_read(core_read), .bus_addr(core_addr), .bus_wdata(core_wdata),
      .bus_rdata(core_rdata), .busy(busy), .done(done));
endmodule
`default_nettype wire

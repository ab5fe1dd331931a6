// diffattn_store: the store unit, and O's block RAM.
//
// At the end of an OUT pass the sequencer hands the lanes' sums (up to LANES columns of
// output row `row`) to this unit, which writes them to O one per cycle while the lanes
// already run the next pass, or their next job. O has one port: while a head runs it serves
// these stores and the RMSNorm (which reads O and writes the normalised values back); while
// idle, the bus.
`default_nettype none
module diffattn_store #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,
    parameter O_SPRAM = 0      // O in the iCE40 UP5K's single-port SPRAM (synth_ice40 -spram)
) (
    input  wire                     clk,
    input  wire                     reset,
    input  wire                     busy,
    input  wire [19:0]              bus_addr,
    // A pass's sums: store `cols` of them, from column `col` of output row `row`.
    input  wire                     load,
    input  wire [32*LANES-1:0]      sums,
    input  wire [$clog2(LANES > 1 ? LANES : 2):0]       cols,
    input  wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] col,
    input  wire [$clog2(NMAX):0]    row,
    output wire                     storing,    // a store this cycle
    output wire signed [31:0]       store_word, // its value and column
    output reg  [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] store_col,
    output wire                     ready,      // the last sum (or none) is being stored
    // The RMSNorm's column of row `row`: read it (o_data next cycle), or write norm_word.
    input  wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] norm_col,
    input  wire                     norm_write,
    input  wire signed [31:0]       norm_word,
    output wire signed [31:0]       o_data      // O at the address of the cycle before
);
  localparam NB = $clog2(NMAX);
  localparam VB = $clog2(NMAX * DVMAX);
  localparam LB = LANES > 1 ? $clog2(LANES) : 1;

  reg [32*LANES-1:0] pending;            // the sums still to store, the next in the low word
  reg [LB:0]         left = 0;           // how many
  assign storing = left != 0;
  assign store_word = pending[31:0];
  assign ready = left <= 1;

  // The row being stored is kept: the lanes may go on to the next row's OUT meanwhile.
  reg  [NB-1:0] store_row;
  wire [NB-1:0] o_row = storing ? store_row : row[NB-1:0];
  wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] o_col = storing ? store_col : norm_col;
  // Row-major: o_row DVMAX + o_col, which for a power-of-two DVMAX (every configuration
  // built) is the two side by side (o_col < DVMAX): no adder on the way to the address.
  wire [VB-1:0] o_index;
  generate
    if ((DVMAX & (DVMAX - 1)) == 0) begin : side_by_side
      assign o_index = {o_row, o_col[$clog2(DVMAX)-1:0]};
    end else begin : multiplied
      assign o_index = o_row * DVMAX + o_col;
    end
  endgenerate
  wire [VB-1:0] o_addr = busy ? o_index : bus_addr[VB-1:0];
  // O has one port (diffattn_single_port, the UP5K's SPRAM with O_SPRAM): a write leaves
  // o_data as it was; nothing reads it then.
  wire               o_write = storing || norm_write;
  wire signed [31:0] o_word = storing ? store_word : norm_word;
  diffattn_single_port #(.WORDS(NMAX * DVMAX), .WIDTH(32), .HUGE(O_SPRAM)) o_mem (
      .clk(clk), .write_bytes({4{o_write}}), .addr(o_addr), .wdata(o_word), .rdata(o_data));

  always @(posedge clk) begin
    if (storing) begin
      pending <= pending >> 32;
      store_col <= store_col + 1'b1;
      left <= left - 1'b1;
    end
    if (load) begin
      pending <= sums;
      left <= cols;
      store_col <= col;
      store_row <= row[NB-1:0];
    end
    if (reset) left <= 0;
  end
endmodule
`default_nettype wire

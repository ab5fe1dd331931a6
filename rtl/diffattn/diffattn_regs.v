// diffattn_regs: the accelerator's register interface, and its register map.
//
// The bus writes a head's sizes and parameters into the configuration registers here, and
// its matrices into the buffers of the units that read them (this module decodes which);
// both only while no head runs. It reads STATUS, how the accelerator was built, and O (from
// the store unit, which holds O). Word addresses, 32-bit data; writes take effect at the
// clock edge, read data appears on bus_rdata the cycle after the read.
`default_nettype none
module diffattn_regs #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,
    parameter NARROW = 0,
    parameter HAS_NORM = 1,
    parameter OUT_LANES = 0            // SPLIT builds: OUT's lanes (LANES are DOT's); else 0
) (
    input  wire        clk,
    input  wire        bus_write,
    input  wire        bus_read,
    input  wire [19:0] bus_addr,
    input  wire [31:0] bus_wdata,
    output wire [31:0] bus_rdata,
    input  wire        busy,
    input  wire        done,
    input  wire [31:0] o_data,           // O at the address read last cycle (store unit)
    // A head starts: CTRL written with bit 0 set (the sequencer ignores it while busy).
    output wire        start,
    // Writes into the buffers (address and data are the bus's): while idle only.
    output wire        write_q1,
    output wire        write_k1,
    output wire        write_q2,
    output wire        write_k2,
    output wire        write_v,
    output wire        write_gain,
    // The configuration.
    output reg  [$clog2(NMAX):0]  n,      // tokens, 1..NMAX
    output reg  [$clog2(DMAX):0]  d,      // query/key width, 1..DMAX
    output reg  [$clog2(DVMAX):0] dv,     // value width, 1..DVMAX
    output reg  signed [15:0]     lambda, // Q2.14
    output reg  [15:0]            score_mult,
    output reg  [5:0]             score_shift,
    output reg                    causal,
    output reg                    norm_en,   // the headwise RMSNorm (HAS_NORM builds only)
    output reg  [31:0]            norm_eps
);
  // The register map. Address bits 19..16 select a region; region 0 holds the registers.
  localparam REGION_REGS = 4'h0;
  localparam REGION_Q1   = 4'h1;  // Q1[row][col] at row * DMAX + col, int8 in bits 7..0
  localparam REGION_K1   = 4'h2;  // K1, same layout
  localparam REGION_Q2   = 4'h3;  // Q2
  localparam REGION_K2   = 4'h4;  // K2
  localparam REGION_V    = 4'h5;  // V[row][col] at row * DVMAX + col
  localparam REGION_O    = 4'h6;  // O[row][col] at row * DVMAX + col, int32, read only
  localparam REGION_GAIN = 4'h7;  // GAIN[col], the RMSNorm's gains, Q4.11, write only
  localparam REG_CTRL        = 4'h0;  // write 1: start (ignored while busy)
  localparam REG_STATUS      = 4'h1;  // bit 0 busy, bit 1 done (cleared by the next start)
  localparam REG_N           = 4'h2;
  localparam REG_D           = 4'h3;
  localparam REG_DV          = 4'h4;
  localparam REG_LAMBDA      = 4'h5;  // signed Q2.14 in bits 15..0
  localparam REG_SCORE_MULT  = 4'h6;  // bits 15..0
  localparam REG_SCORE_SHIFT = 4'h7;  // bits 5..0
  localparam REG_CAUSAL      = 4'h8;  // bit 0
  localparam REG_NORM        = 4'h9;  // bit 0: the headwise RMSNorm
  localparam REG_EPS         = 4'hA;  // the RMSNorm's eps term, unsigned
  localparam REG_NMAX        = 4'hB;  // read only from here on: how it was built
  localparam REG_DMAX        = 4'hC;
  localparam REG_DVMAX       = 4'hD;
  localparam REG_LANES       = 4'hE;  // bits 7..0 LANES, bit 8 NARROW, bits 23..16 OUT_LANES (SPLIT)
  localparam REG_HAS_NORM    = 4'hF;

  wire [3:0] region = bus_addr[19:16];
  // A register's own address (reads and CTRL compare the whole address; configuration
  // writes decode the low four bits of region 0).
  function is_reg(input [19:0] addr, input [3:0] register);
    is_reg = addr == {16'h0000, register};
  endfunction

  wire idle_write = bus_write && !busy;
  assign start      = bus_write && is_reg(bus_addr, REG_CTRL) && bus_wdata[0];
  assign write_q1   = idle_write && region == REGION_Q1;
  assign write_k1   = idle_write && region == REGION_K1;
  assign write_q2   = idle_write && region == REGION_Q2;
  assign write_k2   = idle_write && region == REGION_K2;
  assign write_v    = idle_write && region == REGION_V;
  assign write_gain = idle_write && region == REGION_GAIN;

  always @(posedge clk)
    if (idle_write && region == REGION_REGS)
      case (bus_addr[3:0])
        REG_N:           n <= bus_wdata[$clog2(NMAX):0];
        REG_D:           d <= bus_wdata[$clog2(DMAX):0];
        REG_DV:          dv <= bus_wdata[$clog2(DVMAX):0];
        REG_LAMBDA:      lambda <= bus_wdata[15:0];
        REG_SCORE_MULT:  score_mult <= bus_wdata[15:0];
        REG_SCORE_SHIFT: score_shift <= bus_wdata[5:0];
        REG_CAUSAL:      causal <= bus_wdata[0];
        REG_NORM:        norm_en <= bus_wdata[0] && HAS_NORM != 0;
        REG_EPS:         norm_eps <= bus_wdata;
        default: ;
      endcase

  // Reads: what was read is remembered for one cycle; O's data comes from the store unit.
  reg read_o = 1'b0, read_status = 1'b0;
  reg [31:0] info = 32'd0;               // a build parameter, or 0
  always @(posedge clk)
    if (bus_read) begin
      read_o <= region == REGION_O;
      read_status <= is_reg(bus_addr, REG_STATUS);
      info <= is_reg(bus_addr, REG_NMAX)     ? NMAX :
              is_reg(bus_addr, REG_DMAX)     ? DMAX :
              is_reg(bus_addr, REG_DVMAX)    ? DVMAX :
              is_reg(bus_addr, REG_LANES)    ? LANES + (NARROW != 0 ? 256 : 0) + (OUT_LANES << 16) :
              is_reg(bus_addr, REG_HAS_NORM) ? HAS_NORM : 32'd0;
    end
  assign bus_rdata = read_o ? o_data : read_status ? {30'd0, done, busy} : info;
endmodule
`default_nettype wire

// diffattn_operands: the int8 matrices the lanes multiply, Q1, Q2, K1, K2 and V, in block
// RAM laid out so that one cycle reads what every lane needs.
//
//   DOT   the lanes take element k of H = LANES / 2 consecutive keys j .. j + H - 1 of each
//         map and q_ik: K is kept in H banks, key j in bank j mod H, so the group's keys
//         come from different banks in the same cycle; q_ik is one read that every lane of
//         its map shares. (A bank keeps both maps' keys, in 16-bit words: below.)
//   OUT   the lanes take VLANES consecutive columns oc .. oc + VLANES - 1 of one key's value
//         row: V is kept in VLANES banks, column c in bank c mod VLANES. (VLANES = LANES,
//         unless OUT has lanes of its own.)
//
// Reads are synchronous (an address in one cycle, its data in the next), as block RAM is.
`default_nettype none
module diffattn_operands #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,       // DOT's lanes: H = LANES / 2 keys a group
    parameter VLANES = LANES,  // OUT's lanes: columns a cycle
    parameter Q_SPRAM = 0      // Q in the iCE40 UP5K's single-port SPRAM (synth_ice40 -spram)
) (
    input  wire        clk,
    input  wire        busy,   // a head runs (the sequencer's register): Q's port is DOT's
    // Bus writes (while idle): the element at bus_addr's low bits, int8 in the data's low byte.
    input  wire        write_q1,
    input  wire        write_k1,
    input  wire        write_q2,
    input  wire        write_k2,
    input  wire        write_v,
    input  wire [19:0] bus_addr,
    input  wire [7:0]  bus_byte,
    // DOT: element k of Q row i and of the group of keys from j.
    input  wire                                 dot_issue,
    input  wire [$clog2(NMAX):0]                i,
    input  wire [$clog2(NMAX):0]                j,
    input  wire [$clog2(NMAX):0]                group,   // j / H (used when H is not a power of two)
    input  wire [$clog2(DMAX > LANES ? DMAX : LANES):0] k,
    // OUT: key oj's values in the columns from oc.
    input  wire                                 out_issue,
    input  wire [$clog2(NMAX):0]                oj,
    input  wire [$clog2(DMAX > DVMAX ? DMAX : DVMAX):0] oc,
    // The data, a cycle later.
    output wire signed [7:0]       q1,
    output wire signed [7:0]       q2,
    output wire [8*(LANES/2)-1:0]  k1,   // key j + h in byte h
    output wire [8*(LANES/2)-1:0]  k2,
    output wire [8*VLANES-1:0]     v     // column oc + l in byte l
);
  localparam H     = LANES / 2;
  localparam NB    = $clog2(NMAX);
  localparam QKB   = $clog2(NMAX * DMAX);
  localparam VB    = $clog2(NMAX * DVMAX);
  localparam KGROUPS = (NMAX + H - 1) / H;  // groups of H keys
  localparam KBANK = KGROUPS * DMAX;        // entries of one K bank
  localparam KBB   = KBANK > 1 ? $clog2(KBANK) : 1;
  localparam VBANK = NMAX * DVMAX / VLANES;  // entries of one V bank
  localparam VBB   = VBANK > 1 ? $clog2(VBANK) : 1;

  // Q: both maps in one memory of 16-bit words, row-major, q1 in the low byte: one port,
  // written by the bus while idle and read every cycle while busy, so that it can be the
  // UP5K's single-port SPRAM (Q_SPRAM), which leaves the block RAMs to K and V.
  wire [QKB-1:0] q_addr = i[NB-1:0] * DMAX + k;                        // Q row i, element k
  wire [15:0]    q_read;
  diffattn_single_port #(.WORDS(NMAX * DMAX), .WIDTH(16), .HUGE(Q_SPRAM)) q_mem (
      .clk(clk), .write_bytes({write_q2, write_q1}),
      .addr(busy ? q_addr : bus_addr[QKB-1:0]), .wdata({bus_byte, bus_byte}),
      .rdata(q_read));
  assign {q2, q1} = q_read;

  // Where a bus write goes: V column c to bank c mod VLANES; K row r to bank r mod H, at
  // (r div H) DMAX + its column. For an H that is not a power of two, r div H is (r M) >> S
  // with M = ceil(2^S / H): exact for every r < 2^NB when S = NB + log2(H) rounded up (as
  // M H - 2^S < H <= 2^(S - NB)), and r M is shifted adds of r (M is a constant), not a
  // divider. For a power of two it is a shift. r mod H comes from the same product: for
  // r = q H + m, the low S bits of r M are m M + q (M H - 2^S), which lies in [m M, (m + 1) M)
  // (by the same bound), so m is the number of thresholds M, 2M, ..., (H - 1) M they reach:
  // H - 1 comparisons side by side, where r - H (r div H) would be two more adders after
  // the product. K writes take two registers on their way (r M, then the bank and the
  // address), for the clock: a byte is in place two cycles after its bus write, before a
  // head started by the next bus write reads K.
  localparam KS = NB + $clog2(H > 1 ? H : 2);
  localparam [KS:0] KM = ((1 << KS) + H - 1) / H;
  function [NB+KS:0] times_km(input [NB-1:0] x);
    integer t;
    begin
      times_km = 0;
      for (t = 0; t <= KS; t = t + 1)
        if (KM[t]) times_km = times_km + ({{(KS+1){1'b0}}, x} << t);
    end
  endfunction
  function [NB-1:0] mod_h(input [KS-1:0] fraction);  // r mod H from the low bits of r M
    integer t;
    begin
      mod_h = 0;
      for (t = 1; t < H; t = t + 1)
        if (fraction >= t * KM) mod_h = mod_h + 1'b1;
    end
  endfunction
  reg            k_bus1 = 1'b0, k_bus2 = 1'b0, k_write1 = 1'b0, k_write2 = 1'b0;
  reg [NB+KS:0]  k_bus_km;                  // r M
  reg [KBB-1:0]  k_bus_col;
  reg [7:0]      k_bus_byte, k_write_byte;
  wire [NB-1:0]  row_div = k_bus_km[KS +: NB];
  reg [NB-1:0]   k_write_bank;
  reg [KBB-1:0]  k_write_addr;
  always @(posedge clk) begin
    {k_bus1, k_bus2} <= {write_k1, write_k2};
    k_bus_km <= times_km(bus_addr[QKB-1:0] / DMAX);
    k_bus_col <= bus_addr[QKB-1:0] % DMAX;
    k_bus_byte <= bus_byte;
    {k_write1, k_write2} <= {k_bus1, k_bus2};
    k_write_bank <= mod_h(k_bus_km[KS-1:0]);
    k_write_addr <= row_div * DMAX + k_bus_col;
    k_write_byte <= k_bus_byte;
  end
  wire [VBB-1:0] bus_v_addr = bus_addr[VB-1:0] / VLANES;
  // Where a read comes from: the group's row of banks, element k; key oj's columns from oc.
  // (j / H is a shift when H is a power of two; otherwise the sequencer counts the groups.)
  wire [NB:0]    k_group = (H & (H - 1)) == 0 ? j / H : group;
  wire [KBB-1:0] k_addr = k_group * DMAX + k;
  wire [VBB-1:0] v_addr = oj * (DVMAX / VLANES) + oc / VLANES;

  // K: bank h holds both maps' elements of its keys in one memory of 16-bit words (k1 in the
  // low byte), which one block RAM holds where an 8-bit bank would leave half of it empty
  // (the UP5K's 256 x 16 mode). V: two banks share a memory of 16-bit words (the even bank in
  // the low byte). A bus write writes one byte of a word; a read reads the whole word.
  // Writes come only while idle and reads only while busy, so no read sees a write.
  localparam VP = VLANES > 1 ? 2 : 1;        // V banks per memory
  genvar g;
  integer b;
  generate
    for (g = 0; g < H; g = g + 1) begin : k_bank
      (* no_rw_check *) reg [15:0] k_mem [0:KBANK-1];
      reg [15:0] k_data;
      always @(posedge clk) begin
        if (k_write1 && k_write_bank == g) k_mem[k_write_addr][7:0] <= k_write_byte;
        if (k_write2 && k_write_bank == g) k_mem[k_write_addr][15:8] <= k_write_byte;
        if (dot_issue) k_data <= k_mem[k_addr];
      end
      assign k1[8*g +: 8] = k_data[7:0];
      assign k2[8*g +: 8] = k_data[15:8];
    end
    for (g = 0; g < VLANES / VP; g = g + 1) begin : v_bank
      (* no_rw_check *) reg [8*VP-1:0] v_mem [0:VBANK-1];
      reg [8*VP-1:0] v_data;
      always @(posedge clk) begin
        for (b = 0; b < VP; b = b + 1)
          if (write_v && bus_addr[VB-1:0] % VLANES == VP * g + b) v_mem[bus_v_addr][8*b +: 8] <= bus_byte;
        if (out_issue) v_data <= v_mem[v_addr];
      end
      assign v[8*VP*g +: 8*VP] = v_data;
    end
  endgenerate
endmodule
`default_nettype wire

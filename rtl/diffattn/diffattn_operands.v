// diffattn_operands: the int8 matrices the lanes multiply, Q1, Q2, K1, K2 and V, in block
// RAM laid out so that one cycle reads what every lane needs.
//
//   DOT   the lanes take element k of H = LANES / 2 consecutive keys j .. j + H - 1 of each
//         map and q_ik: K is kept in H banks, key j in bank j mod H, so the group's keys
//         come from different banks in the same cycle; q_ik is one read that every lane of
//         its map shares. (Two banks share a memory of 16-bit words: below.)
//   OUT   the lanes take LANES consecutive columns oc .. oc + LANES - 1 of one key's value
//         row: V is kept in LANES banks, column c in bank c mod LANES.
//
// Reads are synchronous (an address in one cycle, its data in the next), as block RAM is.
`default_nettype none
module diffattn_operands #(
    parameter NMAX = 64,
    parameter DMAX = 16,
    parameter DVMAX = 16,
    parameter LANES = 2,
    parameter Q_SPRAM = 0      // Q in the iCE40 UP5K's single-port SPRAM (synth_ice40 -spram)
) (
    input  wire        clk,
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
    output wire [8*LANES-1:0]      v     // column oc + l in byte l
);
  localparam H     = LANES / 2;
  localparam NB    = $clog2(NMAX);
  localparam QKB   = $clog2(NMAX * DMAX);
  localparam VB    = $clog2(NMAX * DVMAX);
  localparam KBANK = NMAX / H * DMAX;        // entries of one K bank
  localparam KBB   = KBANK > 1 ? $clog2(KBANK) : 1;
  localparam VBANK = NMAX * DVMAX / LANES;   // entries of one V bank
  localparam VBB   = VBANK > 1 ? $clog2(VBANK) : 1;

  // Q: both maps in one memory of 16-bit words, row-major, q1 in the low byte: one port,
  // written by the bus while idle and read every cycle while busy, so that it can be the
  // UP5K's single-port SPRAM (Q_SPRAM), which leaves the block RAMs to K and V.
  wire [QKB-1:0] q_addr = i[NB-1:0] * DMAX + k;                        // Q row i, element k
  wire [15:0]    q_read;
  diffattn_single_port #(.WORDS(NMAX * DMAX), .WIDTH(16), .HUGE(Q_SPRAM)) q_mem (
      .clk(clk), .write_bytes({write_q2, write_q1}),
      .addr(write_q1 || write_q2 ? bus_addr[QKB-1:0] : q_addr), .wdata({bus_byte, bus_byte}),
      .rdata(q_read));
  assign {q2, q1} = q_read;

  // Where a bus write goes: K row r to bank r mod H, V column c to bank c mod LANES.
  wire [NB-1:0]  bus_row    = bus_addr[QKB-1:0] / DMAX;
  wire [KBB-1:0] bus_k_addr = (bus_row / H) * DMAX + bus_addr[QKB-1:0] % DMAX;
  wire [VBB-1:0] bus_v_addr = bus_addr[VB-1:0] / LANES;
  // Where a read comes from: the group's row of banks, element k; key oj's columns from oc.
  wire [KBB-1:0] k_addr = (j / H) * DMAX + k;
  wire [VBB-1:0] v_addr = oj * (DVMAX / LANES) + oc / LANES;

  // Banks in pairs: two banks share one memory of 16-bit words (the even bank in the low
  // byte), which one block RAM holds where one bank alone would leave half of it empty (the
  // UP5K's 256 x 16 mode). A bus write writes one byte of a word; a read reads both banks.
  // Writes come only while idle and reads only while busy, so no read sees a write.
  localparam KP = H > 1 ? 2 : 1;             // K banks per memory
  localparam VP = LANES > 1 ? 2 : 1;         // V banks per memory
  genvar g;
  integer b;
  generate
    for (g = 0; g < H / KP; g = g + 1) begin : k_bank
      (* no_rw_check *) reg [8*KP-1:0] k1_mem [0:KBANK-1];
      (* no_rw_check *) reg [8*KP-1:0] k2_mem [0:KBANK-1];
      reg [8*KP-1:0] k1_data, k2_data;
      always @(posedge clk) begin
        for (b = 0; b < KP; b = b + 1) begin
          if (write_k1 && bus_row % H == KP * g + b) k1_mem[bus_k_addr][8*b +: 8] <= bus_byte;
          if (write_k2 && bus_row % H == KP * g + b) k2_mem[bus_k_addr][8*b +: 8] <= bus_byte;
        end
        if (dot_issue) begin
          k1_data <= k1_mem[k_addr];
          k2_data <= k2_mem[k_addr];
        end
      end
      assign k1[8*KP*g +: 8*KP] = k1_data;
      assign k2[8*KP*g +: 8*KP] = k2_data;
    end
    for (g = 0; g < LANES / VP; g = g + 1) begin : v_bank
      (* no_rw_check *) reg [8*VP-1:0] v_mem [0:VBANK-1];
      reg [8*VP-1:0] v_data;
      always @(posedge clk) begin
        for (b = 0; b < VP; b = b + 1)
          if (write_v && bus_addr[VB-1:0] % LANES == VP * g + b) v_mem[bus_v_addr][8*b +: 8] <= bus_byte;
        if (out_issue) v_data <= v_mem[v_addr];
      end
      assign v[8*VP*g +: 8*VP] = v_data;
    end
  endgenerate
endmodule
`default_nettype wire

// Level-sensitive latches as textbooks write them: an `if` without `else` in a
// combinational always block keeps the old value, so synthesis infers a latch.
// nandflow keeps each as an nf_dlatch cell (4 NAND2: the gated D latch) and proves the
// netlist with latch semantics: Q = enabled ? D : Q, with resets folded in.
module latches (
  input  wire       en,      // enable, active high
  input  wire       en_n,    // enable, active low
  input  wire       rst,     // asynchronous reset of q_rst
  input  wire       set_n,   // SR latch: set, active low
  input  wire       reset_n, // SR latch: reset, active low
  input  wire [3:0] d,
  output reg  [3:0] q,       // transparent while en = 1
  output reg        q_low,   // transparent while en_n = 0
  output reg  [1:0] q_rst,   // cleared while rst = 1
  output reg        sr_q,    // set/reset latch, reset wins
  output wire       parity   // logic after the latches
);
  always @* if (en) q = d;

  always @* if (!en_n) q_low = d[0] ^ d[1];

  always @*
    if (rst)     q_rst = 2'b00;
    else if (en) q_rst = d[3:2];

  always @*
    if (!reset_n)    sr_q = 1'b0;
    else if (!set_n) sr_q = 1'b1;

  assign parity = ^q ^ q_low;
endmodule

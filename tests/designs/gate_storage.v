// Storage drawn with gates, the classic exercises: each one is a combinational loop
// that holds a value. nandflow cuts each loop at a signal (an output port or a readable
// name first), proves the cut behaves as a latch (it never oscillates and can hold), and
// builds it as an nf_dlatch cell. Set and reset are decoded from one select input, so the
// forbidden "both active" state of the SR latches never occurs (a race in any simulator).
module gate_storage (
  input  wire clk,
  input  wire d,
  input  wire en,
  input  wire write,  // SR latches: write = 1 sets or resets them
  input  wire value,  //   ... to this value
  output wire q_sr,   // NAND SR latch
  output wire q_nor,  // NOR SR latch
  output wire q_lat,  // gated D latch, open while en = 1
  output wire q_ms,   // master-slave D flip-flop, rising edge
  output wire q_ff6   // 6-NAND edge-triggered D flip-flop (the 7474's circuit), rising edge
);
  // NAND SR latch: active-low set and reset.
  wire set_n, reset_n, qn_sr;
  nand (set_n, write, value);
  nand (reset_n, write, ~value);
  nand (q_sr, set_n, qn_sr);
  nand (qn_sr, reset_n, q_sr);

  // NOR SR latch: active-high set and reset.
  wire set, reset, qn_nor;
  and (set, write, value);
  and (reset, write, ~value);
  nor (q_nor, reset, qn_nor);
  nor (qn_nor, set, q_nor);

  // Gated D latch: an SR latch whose set and reset come from D while enabled.
  wire ls, lr, lqn;
  nand (ls, d, en);
  nand (lr, ls, en);
  nand (q_lat, ls, lqn);
  nand (lqn, lr, q_lat);

  // Master-slave D flip-flop: the master latch is open while clk = 0, the slave while
  // clk = 1, so Q takes D at the rising edge.
  wire clk_n, ms, mr, mq, mqn, ss, sr, sqn;
  nand (clk_n, clk, clk);
  nand (ms, d, clk_n);
  nand (mr, ms, clk_n);
  nand (mq, ms, mqn);
  nand (mqn, mr, mq);
  nand (ss, mq, clk);
  nand (sr, ss, clk);
  nand (q_ms, ss, sqn);
  nand (sqn, sr, q_ms);

  // 6-NAND edge-triggered D flip-flop: three SR latches; n2 and n3 can only change
  // while clk rises, the output latch follows them.
  wire n1, n2, n3, n4, fqn;
  nand (n1, n4, n2);
  nand (n2, n1, clk);
  nand (n3, n2, clk, n4);
  nand (n4, n3, d);
  nand (q_ff6, n2, fqn);
  nand (fqn, n3, q_ff6);
endmodule

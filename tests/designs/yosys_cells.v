// Word-level cells Yosys makes of ordinary Verilog, each taken to NAND gates through
// Yosys's synth: $macc (a sum of products, from alumacc), $pmux and $shift (an array of
// wires read at a signal index, a part select written at one), and a memory with two write
// ports and two read ports ($mem_v2, turned into flip-flops and multiplexers).
module yosys_cells (
  input  wire       clk,
  input  wire [3:0] a, b, c, d,
  input  wire [1:0] sel,
  input  wire [1:0] wa0, wa1, ra0, ra1,
  input  wire       we0, we1,
  input  wire [7:0] wd0, wd1,
  output wire [8:0] mac,
  output wire [3:0] pick,
  output reg  [15:0] spread,
  output wire [7:0] rd0, rd1
);
  assign mac = a * b + c * d;

  wire [3:0] arr [0:3];
  assign arr[0] = a;
  assign arr[1] = b;
  assign arr[2] = c;
  assign arr[3] = d;
  assign pick = arr[sel];

  always @* begin
    spread = 16'd0;
    spread[sel*4 +: 4] = a;
  end

  // Port 1 wins when both write one word.
  reg [7:0] mem [0:3];
  always @(posedge clk) begin
    if (we0) mem[wa0] <= wd0;
    if (we1) mem[wa1] <= wd1;
  end
  assign rd0 = mem[ra0];
  assign rd1 = mem[ra1];
endmodule

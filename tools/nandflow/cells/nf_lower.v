// nf_lower.v: Yosys techmap rules for the word-level cells that Yosys's own synth leaves
// as they are, so that every cell reaches NAND gates. Applied before synthesis
// (`techmap -map nf_lower.v`); what a rule builds (multipliers, multiplexers) Yosys then
// lowers as usual.

// $pow (a ** b) with a base that is not a constant: square and multiply. base_i is
// a^(2^i), and the product takes base_i where bit i of b is 1, every step modulo
// 2^Y_WIDTH as the result is. A negative exponent (b signed) gives, as IEEE 1364-2005
// (5.1.5) says: 1 for a = 1; -1 or 1 for a = -1 (b odd or even); 0 for any other a
// (for a = 0 the standard says x: 0 here, as in Verilator).
(* techmap_celltype = "$pow" *)
module _nf_pow (A, B, Y);
  parameter A_SIGNED = 0;
  parameter B_SIGNED = 0;
  parameter A_WIDTH = 1;
  parameter B_WIDTH = 1;
  parameter Y_WIDTH = 1;
  input [A_WIDTH-1:0] A;
  input [B_WIDTH-1:0] B;
  output [Y_WIDTH-1:0] Y;

  wire [Y_WIDTH-1:0] a_ext;  // a at the result's width, sign-extended when signed
  generate
    if (A_SIGNED) begin : signed_a
      assign a_ext = $signed(A);
    end else begin : unsigned_a
      assign a_ext = A;
    end
  endgenerate

  // power[i]: a^(b mod 2^i); square[i]: a^(2^i). Both Y_WIDTH bits per step.
  wire [(B_WIDTH+1)*Y_WIDTH-1:0] power, square;
  assign power[Y_WIDTH-1:0] = 1;
  assign square[Y_WIDTH-1:0] = a_ext;
  genvar i;
  generate
    for (i = 0; i < B_WIDTH; i = i + 1) begin : step
      wire [Y_WIDTH-1:0] p = power[i*Y_WIDTH +: Y_WIDTH];
      wire [Y_WIDTH-1:0] s = square[i*Y_WIDTH +: Y_WIDTH];
      wire [Y_WIDTH-1:0] ps = p * s;
      wire [Y_WIDTH-1:0] ss = s * s;
      assign power[(i+1)*Y_WIDTH +: Y_WIDTH] = B[i] ? ps : p;
      assign square[(i+1)*Y_WIDTH +: Y_WIDTH] = ss;
    end
  endgenerate

  wire negative = B_SIGNED && B[B_WIDTH-1];
  wire a_minus_one = A_SIGNED && (&A);
  wire a_one = !a_minus_one && A == 1;
  wire [Y_WIDTH-1:0] one = 1;
  assign Y = !negative ? power[B_WIDTH*Y_WIDTH +: Y_WIDTH] :
             a_one ? one :
             a_minus_one ? (B[0] ? {Y_WIDTH{1'b1}} : one) :
             {Y_WIDTH{1'b0}};
endmodule

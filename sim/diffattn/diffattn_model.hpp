// Differential attention (Ye et al., "Differential Transformer", arXiv 2410.05258), one head:
//   O = (softmax(Q1 K1^T / sqrt d) - lambda * softmax(Q2 K2^T / sqrt d)) V
// Two models of it:
//   - reference_attention(): float64, the formula literally (the yardstick);
//   - fixed_attention(): integers only, bit for bit what rtl/diffattn computes. It is the
//     specification of the hardware: rtl/diffattn/README.md describes the same steps.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace diffattn {

// lambda_init of layer l (1-based), from the paper: 0.8 - 0.6 exp(-0.3 (l - 1)).
double lambda_init(int layer);

// A matrix in row-major order.
template <typename T>
struct Matrix {
  int rows = 0, cols = 0;
  std::vector<T> data;
  Matrix() = default;
  Matrix(int r, int c) : rows(r), cols(c), data(static_cast<std::size_t>(r) * static_cast<std::size_t>(c)) {}
  T& at(int r, int c) { return data[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)]; }
  const T& at(int r, int c) const {
    return data[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
  }
};

// ---- float64 reference ----------------------------------------------------------------
struct ReferenceInputs {
  Matrix<double> q1, k1, q2, k2;  // N x d
  Matrix<double> v;               // N x dv
  double lambda = 0.8;
  bool causal = false;
  // The optional headwise RMSNorm after the attention (the paper's (1 - lambda_init) LN(head)):
  // y_c = gain_c (1 - lambda_init) O_c / sqrt(mean_c O_c^2 + eps), row by row.
  bool norm = false;
  std::vector<double> gain;  // dv values
  double lambda_init = 0.8, eps = 1e-5;
};
// softmax(Q1 K1^T / sqrt d) - lambda softmax(Q2 K2^T / sqrt d), times V; then the RMSNorm
// when `norm`.
Matrix<double> reference_attention(const ReferenceInputs& in);

// ---- fixed point ----------------------------------------------------------------------
// The head's inputs as the hardware receives them.
struct FixedInputs {
  Matrix<std::int8_t> q1, k1, q2, k2;  // N x d, int8
  Matrix<std::int8_t> v;               // N x dv, int8
  std::int16_t lambda_q14 = 13107;     // lambda in signed Q2.14 (13107 = 0.8): -2 <= lambda < 2
  std::uint16_t score_mult = 1;        // the score scale: t = (q.k * score_mult) >> score_shift,
  int score_shift = 0;                 //   t in log2 units with 8 fraction bits
  bool causal = false;
  // The optional headwise RMSNorm (rtl/diffattn/README.md, "RMSNorm"): with it, each output
  // row becomes y_c = gain_c O_c / sqrt(sum_c O_c^2 + norm_eps), in Q15.16.
  bool norm = false;
  std::vector<std::int16_t> norm_gain;  // dv values, signed Q4.11: g_c (1 - lambda_init) sqrt(dv)
  std::uint32_t norm_eps = 0;           // dv eps in O's integer units squared
};

// The RMSNorm registers for gains g (dv values), lambda_init, eps, and V's scale (real V =
// v_scale V): folds (1 - lambda_init) and sqrt(dv) into the gains and converts eps to O's
// units. Throws std::invalid_argument when a gain does not fit Q4.11.
void set_rmsnorm(FixedInputs& in, const std::vector<double>& gain, double lambda_init, double eps, double v_scale);

// The per-row intermediate values, for tests and for debugging the RTL.
struct RowTrace {
  std::int64_t max1 = 0, max2 = 0;    // row maxima of t1, t2
  std::uint32_t sum1 = 0, sum2 = 0;   // l1, l2: sums of the unnormalised probabilities
  std::uint32_t recip1 = 0, recip2 = 0;  // floor(2^38 / l)
};

// Output: N x dv int32, the attention output in V's units scaled by 2^15
// (real output = O / 32768 * v_scale); with the RMSNorm, y in Q15.16 (real y = y / 65536).
Matrix<std::int32_t> fixed_attention(const FixedInputs& in, std::vector<RowTrace>* trace = nullptr);

// The cycle model of rtl/diffattn/diffattn.v built with `lanes` MAC lanes (`narrow`: 8 x 8
// lanes, NARROW = 1, whose OUT takes each weight in three digits): clock cycles from
// the cycle that writes CTRL = 1 to the cycle after which STATUS shows done, both counted.
// Per query row i with L keys (L = N, or i + 1 under the causal mask), H = lanes / 2:
//   DOT_i: 1 (row set-up) + ceil(L / H) P (groups of H keys, P = max(d, lanes) cycles each);
//          the lanes then go on, and the last group's c keys are scored behind them: the row
//          is scored d + 2 c + 10 cycles after its last group began;
//   SM_i  = L + 7 (exponentials) + 39 (the two divisions) + L + 7 (weights): the softmax
//           unit, which takes the rows in order, each once scored and the unit is free;
//   OUT_i: ceil(dv / lanes) passes of g L + 4 cycles (lanes columns each; g = 3 digits with
//          narrow lanes, else 1), a pass waiting while
//          the store unit has more than one of the previous pass's sums left; the lanes go on
//          after the last pass, unless the row must be stored first (the RMSNorm, 22 + 7 dv
//          more: its multiplier takes 3 cycles a step; the head's last row).
// The lanes run DOT_0 DOT_1 OUT_0 DOT_2 OUT_1 ... DOT_(n-1) OUT_(n-2) OUT_(n-1), OUT_i waiting
// until SM_i is done; plus the start cycle. rtl/diffattn/README.md writes it out.
// out_lanes > 0: the split configuration (SPLIT: `lanes` DOT lanes, out_lanes OUT lanes, the
// two loops side by side; diffattn_model.cpp, split_head_cycles).
// Checked against the RTL by diffattn-tb and diffattn-sc on every head they run.
long head_cycles(int n, int d, int dv, bool causal, bool norm, int lanes, bool narrow = false, int out_lanes = 0);

// rsqrt(S) for the RMSNorm, as the RTL computes it: S = M 4^k with M in [1, 4) (M in Q2.30),
// a seed from RSQRT_SEED (rsqrt_seed_table) and two Newton steps y <- y (3 - M y^2) / 2;
// returns y ~ 2^16 / sqrt(M) and k (0 for S = 0, where y = 0).
std::uint32_t rsqrt_fixed(std::uint64_t s, int* k);

// Word addresses of the register map (rtl/diffattn/README.md). NMAX .. HAS_NORM read back
// the synthesis parameters, so that a host finds the buffers' layout.
namespace reg {
constexpr std::uint32_t kCtrl = 0x00000, kStatus = 0x00001, kN = 0x00002, kD = 0x00003, kDv = 0x00004,
                        kLambda = 0x00005, kScoreMult = 0x00006, kScoreShift = 0x00007, kCausal = 0x00008,
                        kNorm = 0x00009, kEps = 0x0000A, kNMax = 0x0000B, kDMax = 0x0000C, kDvMax = 0x0000D,
                        kLanes = 0x0000E, kHasNorm = 0x0000F, kQ1 = 0x10000, kK1 = 0x20000, kQ2 = 0x30000,
                        kK2 = 0x40000, kV = 0x50000, kO = 0x60000, kGain = 0x70000;
}

// The register writes (word address, data) that load a head into rtl/diffattn (register map
// in rtl/diffattn/README.md): N, D, DV, LAMBDA, SCORE_MULT, SCORE_SHIFT, CAUSAL, then, with
// `matrices`, every element of Q1, K1, Q2, K2 and V at its address for the RTL's DMAX, DVMAX.
std::vector<std::pair<std::uint32_t, std::uint32_t>> head_register_writes(const FixedInputs& in, int dmax, int dvmax,
                                                                          bool matrices = true);

// The score scale (multiplier, shift) for real scores q.k * scale, with q = q_scale * Q and
// k = k_scale * K, so that t = score * log2(e) in units of 1/256: score_mult in [2^15, 2^16).
void score_scale(double q_scale, double k_scale, int d, std::uint16_t* mult, int* shift);
// lambda in Q2.14, rounded to nearest; throws std::invalid_argument outside [-2, 2).
std::int16_t lambda_to_q14(double lambda);

// ---- test cases and accuracy ----------------------------------------------------------
// One head's inputs drawn from N(0, 1), quantised to int8 with scale 4/127 (clipped at 4
// sigma); the reference gets the same int8 values dequantised, so the two models differ
// only by the fixed-point pipeline. `correlation` near 1 makes Q2, K2 near copies of Q1, K1
// (the two maps nearly cancel).
struct Case {
  FixedInputs fixed;
  ReferenceInputs reference;
  double v_scale = 0;  // real V = v_scale * V
};
Case gaussian_case(unsigned seed, int n, int d, int dv, double lambda, bool causal, double correlation = 0);

// Adds the headwise RMSNorm to a case: gains drawn from N(1, 0.1), eps 1e-5.
void add_rmsnorm(Case& c, unsigned seed, double lambda_init);

struct Accuracy {
  double rms_error = 0, max_error = 0;  // fixed-point output against the reference, real units
  double out_rms = 0, out_max = 0;      // of the reference output
};
Accuracy compare(const Case& c, const Matrix<std::int32_t>& fixed_out);

// ---- tables ----------------------------------------------------------------------------
// EXP2[f] = round(2^15 * 2^(-f/256)), f = 0..255: the fraction part of 2^-e.
const std::vector<std::uint16_t>& exp2_table();
// RSQRT_SEED[i] = round(2^16 / sqrt((i + 16.5) / 16)), i = 0..47: 1/sqrt(M) at the middle of
// [(i + 16) / 16, (i + 17) / 16), the 48 sixteenths of [1, 4).
const std::vector<std::uint32_t>& rsqrt_seed_table();
// The tables as the RTL's $readmemh reads them: name -> file contents.
std::vector<std::pair<std::string, std::string>> hex_tables();

}  // namespace diffattn

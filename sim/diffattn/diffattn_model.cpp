#include "diffattn_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace diffattn {

double lambda_init(int layer) { return 0.8 - 0.6 * std::exp(-0.3 * (layer - 1)); }

// ---- float64 reference ----------------------------------------------------------------

namespace {

// softmax(A B^T / sqrt d) row by row, masked above the diagonal when causal.
Matrix<double> attention_map(const Matrix<double>& a, const Matrix<double>& b, bool causal) {
  int n = a.rows, d = a.cols;
  Matrix<double> p(n, n);
  for (int i = 0; i < n; ++i) {
    int last = causal ? i : n - 1;
    double m = -INFINITY;
    for (int j = 0; j <= last; ++j) {
      double s = 0;
      for (int k = 0; k < d; ++k) s += a.at(i, k) * b.at(j, k);
      p.at(i, j) = s / std::sqrt(static_cast<double>(d));
      m = std::max(m, p.at(i, j));
    }
    double sum = 0;
    for (int j = 0; j <= last; ++j) sum += (p.at(i, j) = std::exp(p.at(i, j) - m));
    for (int j = 0; j <= last; ++j) p.at(i, j) /= sum;
  }
  return p;
}

}  // namespace

Matrix<double> reference_attention(const ReferenceInputs& in) {
  Matrix<double> a1 = attention_map(in.q1, in.k1, in.causal), a2 = attention_map(in.q2, in.k2, in.causal);
  int n = in.q1.rows, dv = in.v.cols;
  Matrix<double> out(n, dv);
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < dv; ++c) {
      double s = 0;
      for (int j = 0; j < n; ++j) s += (a1.at(i, j) - in.lambda * a2.at(i, j)) * in.v.at(j, c);
      out.at(i, c) = s;
    }
  if (in.norm)
    for (int i = 0; i < n; ++i) {
      double ms = 0;
      for (int c = 0; c < dv; ++c) ms += out.at(i, c) * out.at(i, c) / dv;
      for (int c = 0; c < dv; ++c)
        out.at(i, c) = in.gain[static_cast<std::size_t>(c)] * (1 - in.lambda_init) * out.at(i, c) / std::sqrt(ms + in.eps);
    }
  return out;
}

// ---- tables ----------------------------------------------------------------------------

const std::vector<std::uint16_t>& exp2_table() {
  static const std::vector<std::uint16_t> table = [] {
    std::vector<std::uint16_t> t(256);
    for (int f = 0; f < 256; ++f) t[static_cast<std::size_t>(f)] = static_cast<std::uint16_t>(std::lround(32768.0 * std::exp2(-f / 256.0)));
    return t;
  }();
  return table;
}

const std::vector<std::uint32_t>& rsqrt_seed_table() {
  static const std::vector<std::uint32_t> table = [] {
    std::vector<std::uint32_t> t(48);
    for (int i = 0; i < 48; ++i)
      t[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(std::lround(65536.0 / std::sqrt((i + 16.5) / 16.0)));
    return t;
  }();
  return table;
}

std::vector<std::pair<std::string, std::string>> hex_tables() {
  std::string exp2 =
      "// EXP2[f] = round(2^15 * 2^(-f/256)), f = 0..255 (written by diffattn-model --write-tables)\n";
  char line[16];
  for (std::uint16_t v : exp2_table()) {
    std::snprintf(line, sizeof line, "%04x\n", v);
    exp2 += line;
  }
  std::string rsqrt =
      "// RSQRT_SEED[i] = round(2^16 / sqrt((i + 16.5) / 16)), i = 0..47, 17 bits (written by diffattn-model "
      "--write-tables)\n";
  for (std::uint32_t v : rsqrt_seed_table()) {
    std::snprintf(line, sizeof line, "%05x\n", v);
    rsqrt += line;
  }
  return {{"exp2.hex", exp2}, {"rsqrt.hex", rsqrt}};
}

// ---- fixed point ----------------------------------------------------------------------

namespace {

// 2^(-e/256) * 2^15 for e >= 0: the table gives the fraction, a shift the integer part.
std::uint32_t exp2_neg(std::int64_t e) {
  std::int64_t n = e >> 8;
  return n >= 16 ? 0u : static_cast<std::uint32_t>(exp2_table()[static_cast<std::size_t>(e & 255)] >> n);
}

// The scores of row i in log2 units with 8 fraction bits: (q_i . k_j * mult) >> shift.
void row_scores(const FixedInputs& in, const Matrix<std::int8_t>& q, const Matrix<std::int8_t>& k, int i, int last,
                std::vector<std::int64_t>& t) {
  for (int j = 0; j <= last; ++j) {
    std::int32_t s = 0;
    for (int c = 0; c < q.cols; ++c) s += static_cast<std::int32_t>(q.at(i, c)) * k.at(j, c);
    t[static_cast<std::size_t>(j)] = (static_cast<std::int64_t>(s) * in.score_mult) >> in.score_shift;
  }
}

// Normalised probabilities a_j = p_j / l * 2^15 (floor), through one reciprocal per row.
void normalised(const std::vector<std::int64_t>& t, int last, std::vector<std::uint32_t>& a, std::int64_t* max,
                std::uint32_t* sum, std::uint32_t* recip) {
  std::int64_t m = t[0];
  for (int j = 1; j <= last; ++j) m = std::max(m, t[static_cast<std::size_t>(j)]);
  std::uint32_t l = 0;
  for (int j = 0; j <= last; ++j) l += (a[static_cast<std::size_t>(j)] = exp2_neg(m - t[static_cast<std::size_t>(j)]));
  // l >= 2^15 (the maximum contributes EXP2[0]) and l <= 256 * 2^15, so r < 2^24.
  std::uint32_t r = static_cast<std::uint32_t>((std::uint64_t{1} << 38) / l);
  for (int j = 0; j <= last; ++j)
    a[static_cast<std::size_t>(j)] = static_cast<std::uint32_t>((static_cast<std::uint64_t>(a[static_cast<std::size_t>(j)]) * r) >> 23);
  *max = m;
  *sum = l;
  *recip = r;
}

}  // namespace

Matrix<std::int32_t> fixed_attention(const FixedInputs& in, std::vector<RowTrace>* trace) {
  int n = in.q1.rows, dv = in.v.cols;
  if (n < 1 || n > 256) throw std::invalid_argument("N must be 1..256");
  if (in.k1.rows != n || in.q2.rows != n || in.k2.rows != n || in.v.rows != n)
    throw std::invalid_argument("Q1, K1, Q2, K2 and V must have N rows");
  if (in.score_shift < 0 || in.score_shift > 62) throw std::invalid_argument("score_shift must be 0..62");
  Matrix<std::int32_t> out(n, dv);
  std::vector<std::int64_t> t1(static_cast<std::size_t>(n)), t2(static_cast<std::size_t>(n));
  std::vector<std::uint32_t> a1(static_cast<std::size_t>(n)), a2(static_cast<std::size_t>(n));
  if (trace) trace->assign(static_cast<std::size_t>(n), RowTrace{});
  for (int i = 0; i < n; ++i) {
    int last = in.causal ? i : n - 1;
    row_scores(in, in.q1, in.k1, i, last, t1);
    row_scores(in, in.q2, in.k2, i, last, t2);
    RowTrace rt;
    normalised(t1, last, a1, &rt.max1, &rt.sum1, &rt.recip1);
    normalised(t2, last, a2, &rt.max2, &rt.sum2, &rt.recip2);
    if (trace) (*trace)[static_cast<std::size_t>(i)] = rt;
    // w_j = a1_j - lambda * a2_j (lambda in Q2.14, floor), then O_i = sum_j w_j v_j.
    for (int c = 0; c < dv; ++c) out.at(i, c) = 0;
    for (int j = 0; j <= last; ++j) {
      std::int32_t w = static_cast<std::int32_t>(a1[static_cast<std::size_t>(j)]) -
                       ((static_cast<std::int32_t>(in.lambda_q14) * static_cast<std::int32_t>(a2[static_cast<std::size_t>(j)])) >> 14);
      for (int c = 0; c < dv; ++c) out.at(i, c) += w * in.v.at(j, c);
    }
    if (in.norm) {
      // y_c = gain_c O_c / sqrt(S), S = sum_c O_c^2 + eps: nrm_c = (O_c y) >> k is O_c / sqrt(S)
      // in Q.16 (|nrm| <= 2^16), then y_c = (gain_c nrm_c) >> 11 in Q15.16.
      std::uint64_t sum = in.norm_eps;
      for (int c = 0; c < dv; ++c) sum += static_cast<std::uint64_t>(static_cast<std::int64_t>(out.at(i, c)) * out.at(i, c));
      int k = 0;
      std::uint32_t y = rsqrt_fixed(sum, &k);
      for (int c = 0; c < dv; ++c) {
        std::int64_t nrm = (static_cast<std::int64_t>(out.at(i, c)) * y) >> k;
        out.at(i, c) = static_cast<std::int32_t>((in.norm_gain[static_cast<std::size_t>(c)] * nrm) >> 11);
      }
    }
  }
  return out;
}

std::uint32_t rsqrt_fixed(std::uint64_t s, int* k) {
  *k = 0;
  if (s == 0) return 0;
  int high = 63 - __builtin_clzll(s);
  *k = high >> 1;
  std::uint64_t m = 2 * *k <= 30 ? s << (30 - 2 * *k) : s >> (2 * *k - 30);  // [2^30, 2^32): M in Q2.30
  std::uint64_t y = rsqrt_seed_table()[static_cast<std::size_t>((m >> 26) - 16)];
  for (int step = 0; step < 2; ++step) {
    std::uint64_t u = (y * y) >> 16;        // y^2 in Q.16
    std::uint64_t v = (m >> 14) * u;        // M y^2, 1.0 = 2^32
    y = (y * ((std::uint64_t{3} << 32) - v)) >> 33;
  }
  return static_cast<std::uint32_t>(y);
}

void set_rmsnorm(FixedInputs& in, const std::vector<double>& gain, double lambda_init, double eps, double v_scale) {
  int dv = in.v.cols;
  if (static_cast<int>(gain.size()) != dv) throw std::invalid_argument("RMSNorm needs one gain per output column");
  in.norm = true;
  in.norm_gain.clear();
  for (double g : gain) {
    double q = std::round(g * (1 - lambda_init) * std::sqrt(static_cast<double>(dv)) * 2048.0);
    if (q < -32768.0 || q > 32767.0) throw std::invalid_argument("RMSNorm gain out of range for Q4.11");
    in.norm_gain.push_back(static_cast<std::int16_t>(q));
  }
  double e = std::round(dv * eps * std::pow(32768.0 / v_scale, 2));
  if (e > 4294967295.0) throw std::invalid_argument("RMSNorm eps too large");
  in.norm_eps = static_cast<std::uint32_t>(e);
}

void score_scale(double q_scale, double k_scale, int d, std::uint16_t* mult, int* shift) {
  double f = q_scale * k_scale * std::log2(std::exp(1.0)) * 256.0 / std::sqrt(static_cast<double>(d));
  if (!(f > 0) || f >= 32768.0) throw std::invalid_argument("score scale out of range");
  int s = 15 - static_cast<int>(std::floor(std::log2(f)));
  double m = std::round(std::ldexp(f, s));
  if (m >= 65536.0) {
    m = std::round(m / 2);
    --s;
  }
  if (s > 62) throw std::invalid_argument("score scale too small");
  *mult = static_cast<std::uint16_t>(m);
  *shift = s;
}

std::int16_t lambda_to_q14(double lambda) {
  double q = std::round(lambda * 16384.0);
  if (q < -32768.0 || q > 32767.0) throw std::invalid_argument("lambda must be in [-2, 2)");
  return static_cast<std::int16_t>(q);
}

Case gaussian_case(unsigned seed, int n, int d, int dv, double lambda, bool causal, double correlation) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  const double scale = 4.0 / 127.0;
  auto quantise = [&](double x) {
    return static_cast<std::int8_t>(std::clamp(std::lround(x / scale), -127L, 127L));
  };
  Case c;
  c.v_scale = scale;
  auto fill = [&](Matrix<std::int8_t>& q, Matrix<double>& r, int rows, int cols, const Matrix<double>* like) {
    q = Matrix<std::int8_t>(rows, cols);
    r = Matrix<double>(rows, cols);
    for (int i = 0; i < rows; ++i)
      for (int k = 0; k < cols; ++k) {
        double x = normal(rng);
        if (like) x = correlation * like->at(i, k) + std::sqrt(1 - correlation * correlation) * x;
        q.at(i, k) = quantise(x);
        r.at(i, k) = q.at(i, k) * scale;
      }
  };
  FixedInputs& f = c.fixed;
  ReferenceInputs& r = c.reference;
  fill(f.q1, r.q1, n, d, nullptr);
  fill(f.k1, r.k1, n, d, nullptr);
  fill(f.q2, r.q2, n, d, correlation != 0 ? &r.q1 : nullptr);
  fill(f.k2, r.k2, n, d, correlation != 0 ? &r.k1 : nullptr);
  fill(f.v, r.v, n, dv, nullptr);
  f.lambda_q14 = lambda_to_q14(lambda);
  r.lambda = f.lambda_q14 / 16384.0;  // the lambda the hardware is given
  f.causal = r.causal = causal;
  score_scale(scale, scale, d, &f.score_mult, &f.score_shift);
  return c;
}

void add_rmsnorm(Case& c, unsigned seed, double lambda_init) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(1.0, 0.1);
  ReferenceInputs& r = c.reference;
  r.norm = true;
  r.gain.clear();
  for (int k = 0; k < c.fixed.v.cols; ++k) r.gain.push_back(normal(rng));
  r.lambda_init = lambda_init;
  r.eps = 1e-5;
  set_rmsnorm(c.fixed, r.gain, lambda_init, r.eps, c.v_scale);
  // The reference uses the gains the hardware is given.
  for (int k = 0; k < c.fixed.v.cols; ++k)
    r.gain[static_cast<std::size_t>(k)] = c.fixed.norm_gain[static_cast<std::size_t>(k)] / 2048.0 /
                                          ((1 - lambda_init) * std::sqrt(static_cast<double>(c.fixed.v.cols)));
}

Accuracy compare(const Case& c, const Matrix<std::int32_t>& fixed_out) {
  Matrix<double> ref = reference_attention(c.reference);
  Accuracy a;
  double se = 0, so = 0;
  for (std::size_t i = 0; i < ref.data.size(); ++i) {
    double got = c.fixed.norm ? fixed_out.data[i] / 65536.0 : fixed_out.data[i] / 32768.0 * c.v_scale;
    double want = ref.data[i];
    se += (got - want) * (got - want);
    so += want * want;
    a.max_error = std::max(a.max_error, std::abs(got - want));
    a.out_max = std::max(a.out_max, std::abs(want));
  }
  a.rms_error = std::sqrt(se / static_cast<double>(ref.data.size()));
  a.out_rms = std::sqrt(so / static_cast<double>(ref.data.size()));
  return a;
}

namespace {

// The timing pieces both schedules share (rtl/diffattn/README.md): a row's keys and DOT
// groups, when DOT ends and a row is scored, the softmax unit's steps, and OUT's passes.
struct RowTiming {
  int n, d, dv;
  bool causal, norm;
  long h, period;      // DOT's keys a group (LANES / 2), cycles a group (max(d, LANES))
  int out_lanes;       // OUT's columns a pass
  long digits;         // OUT's sub-passes a pass (3 with narrow lanes, else 1)
  long store_ready = 0;  // the first cycle at which the store unit has at most one sum left

  long keys(int i) const { return causal ? i + 1 : n; }
  long groups(int i) const { return (keys(i) + h - 1) / h; }
  // DOT(i) from cycle r: a set-up cycle and its groups; the lanes' next job begins after.
  long dot_end(int i, long r) const { return r + 1 + groups(i) * period; }
  // The first cycle in which the softmax unit may take row i: the last group's c keys are
  // scored (2 c cycles) behind the lanes' pipeline, and the row's last score is written.
  long scored(int i, long r) const {
    long in_last = keys(i) - (groups(i) - 1) * h;
    return r + (groups(i) - 1) * period + d + 2 * in_last + 10;
  }
  // The softmax unit's steps, from the cycle after it takes a row: EXP (the row's scores are
  // read by its end), DIV, W (the weights are written by its end).
  long exp(int i) const { return keys(i) + 7; }
  static constexpr long kDiv = 39;
  long weights(int i) const { return keys(i) + 7; }
  // OUT(i) from cycle `start`: a pass's sums go to the store unit when the lanes have drained
  // (digits L + 3 cycles after the pass began) and the store unit has at most one sum left; it
  // then stores one per cycle. The next job begins after the last hand-over, or, when the row
  // must be stored first (the RMSNorm reads it; the head's last row), once the store unit is
  // idle.
  long out(int i, long start, bool flush) {
    long t = start, last_drain = 0, stores = 0;
    for (int col = 0; col < dv; col += out_lanes) {
      stores = std::min(out_lanes, dv - col);
      last_drain = std::max(t + digits * keys(i) + 3, store_ready);
      store_ready = last_drain + stores;
      t = last_drain + 1;
    }
    return flush ? last_drain + stores + 2 + (norm ? 2 + 20 + 7L * dv : 0) : t;
  }
};

// The split configuration (DOT lanes and OUT lanes of their own, diffattn_split_sequencer):
// the DOT loop runs DOT(0) DOT(1) ..., DOT(i) waiting until the softmax unit has read row
// i - 2's scores (seen a cycle late: a register); the softmax unit takes each row once scored
// (EXP and DIV), and its W waits until the OUT loop waits for that row; the OUT loop runs W(i)
// OUT(i) for each row.
long split_head_cycles(RowTiming& t) {
  const int n = t.n;
  std::vector<long> read(static_cast<std::size_t>(n));  // the cycle the softmax unit has read row i's scores
  long dot_row = 1;         // the cycle DOT(i) leaves its set-up state
  long softmax_idle = 0;    // the softmax unit's first idle cycle
  long out_wait = 1;        // the first cycle the OUT loop waits for row i
  for (int i = 0;; ++i) {
    if (i >= 2) dot_row = std::max(dot_row, read[static_cast<std::size_t>(i - 2)] + 2);
    long taken = std::max(t.scored(i, dot_row), softmax_idle);          // softmax_start
    long read_i = read[static_cast<std::size_t>(i)] = taken + t.exp(i);
    long w_start = std::max(read_i + RowTiming::kDiv + 1, out_wait + 1);
    softmax_idle = w_start + t.weights(i);                              // row i's weights written
    long out_start = std::max(out_wait, softmax_idle) + 1;
    if (i == n - 1) return t.out(i, out_start, true);
    out_wait = t.out(i, out_start, t.norm);
    dot_row = t.dot_end(i, dot_row);                                    // DOT(i + 1)'s set-up
  }
}

// One set of lanes: DOT(0) DOT(1) OUT(0) DOT(2) OUT(1) ... OUT(n-1). SM(i) starts once row i
// is scored and SM(i - 1) is done; OUT(i) waits until SM(i) is done (its first idle cycle).
long alternating_head_cycles(RowTiming& t) {
  const int n = t.n;
  auto softmax = [&](int i) { return t.exp(i) + RowTiming::kDiv + t.weights(i); };
  long row = 1;
  long done = t.scored(0, row) + 1 + softmax(0);
  long lanes_free = t.dot_end(0, row);
  if (n == 1) return t.out(0, std::max(lanes_free, done) + 1, true);
  row = lanes_free;
  for (int i = 1;; ++i) {
    long done_i = std::max(t.scored(i, row), done) + 1 + softmax(i);
    long after_out = t.out(i - 1, std::max(t.dot_end(i, row), done) + 1, t.norm);
    if (i == n - 1) return t.out(i, std::max(after_out, done_i) + 1, true);
    row = after_out;
    done = done_i;
  }
}

}  // namespace

long head_cycles(int n, int d, int dv, bool causal, bool norm, int lanes, bool narrow, int out_lanes) {
  const bool split = out_lanes > 0;
  RowTiming t{n, d, dv, causal, norm, lanes / 2, std::max(d, lanes), split ? out_lanes : lanes,
              narrow && !split ? 3 : 1};
  return split ? split_head_cycles(t) : alternating_head_cycles(t);
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> head_register_writes(const FixedInputs& in, int dmax, int dvmax,
                                                                          bool matrices) {
  int n = in.q1.rows, d = in.q1.cols, dv = in.v.cols;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> w = {
      {2, static_cast<std::uint32_t>(n)},
      {3, static_cast<std::uint32_t>(d)},
      {4, static_cast<std::uint32_t>(dv)},
      {5, static_cast<std::uint16_t>(in.lambda_q14)},
      {6, in.score_mult},
      {7, static_cast<std::uint32_t>(in.score_shift)},
      {8, in.causal ? 1u : 0u},
      {9, in.norm ? 1u : 0u},
      {10, in.norm_eps}};
  for (std::size_t c = 0; in.norm && c < in.norm_gain.size(); ++c)
    w.push_back({0x70000u + static_cast<std::uint32_t>(c), static_cast<std::uint16_t>(in.norm_gain[c])});
  if (!matrices) return w;
  const Matrix<std::int8_t>* qk[] = {&in.q1, &in.k1, &in.q2, &in.k2};
  for (std::uint32_t m = 0; m < 4; ++m)
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < d; ++c)
        w.push_back({0x10000u * (m + 1) + static_cast<std::uint32_t>(r * dmax + c), static_cast<std::uint8_t>(qk[m]->at(r, c))});
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < dv; ++c)
      w.push_back({0x50000u + static_cast<std::uint32_t>(r * dvmax + c), static_cast<std::uint8_t>(in.v.at(r, c))});
  return w;
}

}  // namespace diffattn

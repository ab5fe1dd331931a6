// The differential-attention models: the fixed-point specification against the float64
// reference (accuracy targets of the issue), its exact edge cases, and the committed tables.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "diffattn_model.hpp"

using namespace diffattn;

namespace {

Accuracy run(unsigned seed, double lambda, bool causal = false, double correlation = 0, int n = 64) {
  Case c = gaussian_case(seed, n, 16, 16, lambda, causal, correlation);
  return compare(c, fixed_attention(c.fixed));
}

void expect_accurate(const Accuracy& a) {
  EXPECT_LE(a.rms_error, 0.005 * a.out_rms) << "RMS error " << a.rms_error << " of output RMS " << a.out_rms;
  EXPECT_LE(a.max_error, 0.02 * a.out_max) << "worst error " << a.max_error << " of largest output " << a.out_max;
}

}  // namespace

TEST(DiffAttnModel, LambdaInitFollowsThePaper) {
  EXPECT_NEAR(lambda_init(1), 0.2, 1e-12);
  EXPECT_NEAR(lambda_init(2), 0.8 - 0.6 * std::exp(-0.3), 1e-12);
  EXPECT_NEAR(lambda_init(100), 0.8, 1e-9);
}

TEST(DiffAttnModel, MeetsTheAccuracyTargetsOnRandomHeads) {
  // N = 64, d = 16, lambda = 0.8, Gaussian int8 inputs: RMS error <= 0.5% of the output
  // RMS and the worst element <= 2% of the largest output, on every one of 20 heads.
  for (unsigned seed = 1; seed <= 20; ++seed) expect_accurate(run(seed, 0.8));
  for (double lambda : {0.0, -0.5, 1.5, 1.99}) expect_accurate(run(7, lambda));
  expect_accurate(run(8, 0.8, /*causal=*/true));
}

TEST(DiffAttnModel, StrongCancellationStaysAccurate) {
  // Q2, K2 99% correlated with Q1, K1 and lambda 0.95: the output is a few percent of V.
  Accuracy a = run(3, 0.95, false, 0.99);
  EXPECT_LT(a.out_rms, 0.1);
  EXPECT_LE(a.rms_error, 0.02 * a.out_rms);
}

TEST(DiffAttnModel, LambdaZeroIsPlainSoftmaxAttention) {
  Case c = gaussian_case(5, 32, 16, 8, 0.0, false);
  Matrix<std::int32_t> o = fixed_attention(c.fixed);
  c.fixed.q2 = Matrix<std::int8_t>(32, 16);  // the second map no longer matters
  EXPECT_EQ(fixed_attention(c.fixed).data, o.data);
  expect_accurate(compare(c, o));
}

TEST(DiffAttnModel, EqualMapsWithLambdaOneGiveExactlyZero) {
  Case c = gaussian_case(9, 48, 16, 16, 1.0, false);
  c.fixed.q2 = c.fixed.q1;
  c.fixed.k2 = c.fixed.k1;
  Matrix<std::int32_t> o = fixed_attention(c.fixed);
  for (std::int32_t x : o.data) ASSERT_EQ(x, 0);
}

TEST(DiffAttnModel, OneTokenAndTheFirstCausalRowAreExact) {
  // With one key, both maps are exactly 1: O = (1 - lambda) v, scaled by 2^15.
  Case c = gaussian_case(11, 1, 16, 16, -0.75, false);
  Matrix<std::int32_t> o = fixed_attention(c.fixed);
  for (int k = 0; k < 16; ++k) EXPECT_EQ(o.at(0, k), (32768 - 2 * c.fixed.lambda_q14) * c.fixed.v.at(0, k));
  Case causal = gaussian_case(12, 16, 16, 16, 0.8, true);
  Matrix<std::int32_t> oc = fixed_attention(causal.fixed);
  for (int k = 0; k < 16; ++k)
    EXPECT_EQ(oc.at(0, k), (32768 - 2 * causal.fixed.lambda_q14) * causal.fixed.v.at(0, k));
}

TEST(DiffAttnModel, AllEqualScoresAverageV) {
  Case c = gaussian_case(13, 40, 16, 4, 0.5, false);
  c.fixed.q1 = c.fixed.q2 = Matrix<std::int8_t>(40, 16);  // every score 0
  std::vector<RowTrace> trace;
  Matrix<std::int32_t> o = fixed_attention(c.fixed, &trace);
  EXPECT_EQ(trace[0].sum1, 40u * 32768u);
  for (int k = 0; k < 4; ++k) {
    double mean = 0;
    for (int j = 0; j < 40; ++j) mean += c.fixed.v.at(j, k) / 40.0;
    EXPECT_NEAR(o.at(5, k) / 32768.0, 0.5 * mean, 0.01);
  }
}

TEST(DiffAttnModel, ExtremeScoresNeitherOverflowNorLoseAccuracy) {
  // Q and K at full scale: scores far beyond the exp2 range.
  Case c = gaussian_case(14, 64, 64, 16, 0.8, false);
  for (auto* m : {&c.fixed.q1, &c.fixed.k1, &c.fixed.q2, &c.fixed.k2})
    for (auto& x : m->data) x = x >= 0 ? 127 : -127;
  for (auto* m : {&c.reference.q1, &c.reference.k1, &c.reference.q2, &c.reference.k2})
    for (auto& x : m->data) x = x >= 0 ? 127 * c.v_scale : -127 * c.v_scale;
  std::vector<RowTrace> trace;
  Matrix<std::int32_t> o = fixed_attention(c.fixed, &trace);
  expect_accurate(compare(c, o));
  EXPECT_GT(trace[0].max1, 16 * 256);  // scores reach beyond the 16 powers of two a probability holds
}

TEST(DiffAttnModel, ScoreScaleAndLambdaEncoding) {
  std::uint16_t m = 0;
  int s = 0;
  score_scale(4.0 / 127, 4.0 / 127, 16, &m, &s);
  EXPECT_GE(m, 32768);
  double f = (4.0 / 127) * (4.0 / 127) * std::log2(std::exp(1.0)) * 256 / 4;
  EXPECT_NEAR(std::ldexp(m, -s), f, f * 1e-4);
  EXPECT_EQ(lambda_to_q14(0.8), 13107);
  EXPECT_EQ(lambda_to_q14(-2.0), -32768);
  EXPECT_THROW(lambda_to_q14(2.0), std::invalid_argument);
}

TEST(DiffAttnModel, RsqrtIsAccurateOverTheWholeRange) {
  // y 2^-k ~ 2^16 / sqrt(S): relative error below 5e-5 from S = 1 to 2^60 (two Newton steps;
  // y has 16 fraction bits).
  int k = -1;
  EXPECT_EQ(rsqrt_fixed(0, &k), 0u);
  EXPECT_EQ(k, 0);
  for (double e = 0; e <= 60; e += 0.37) {
    auto s = static_cast<std::uint64_t>(std::ldexp(1.0, static_cast<int>(e)) * (1 + std::fmod(e, 1.0)));
    std::uint32_t y = rsqrt_fixed(s, &k);
    double got = std::ldexp(static_cast<double>(y), -k), want = 65536.0 / std::sqrt(static_cast<double>(s));
    EXPECT_NEAR(got / want, 1.0, 5e-5) << "S = " << s;
  }
}

TEST(DiffAttnModel, RmsNormMeetsTheAccuracyTargets) {
  // The headwise RMSNorm after lambda 0.8 attention, gains around 1, lambda_init 0.8.
  for (unsigned seed = 1; seed <= 5; ++seed) {
    Case c = gaussian_case(seed, 64, 16, 16, 0.8, seed % 2 == 0);
    add_rmsnorm(c, seed, 0.8);
    expect_accurate(compare(c, fixed_attention(c.fixed)));
  }
  // A row of zeros (V = 0) stays zero: S = eps, no division by zero.
  Case z = gaussian_case(9, 8, 16, 4, 0.8, false);
  for (auto& x : z.fixed.v.data) x = 0;
  add_rmsnorm(z, 9, 0.8);
  for (std::int32_t y : fixed_attention(z.fixed).data) EXPECT_EQ(y, 0);
}

TEST(DiffAttnModel, CommittedTablesEqualAFreshGeneration) {
  EXPECT_EQ(exp2_table()[0], 32768);
  EXPECT_EQ(exp2_table()[128], 23170);  // 2^15 / sqrt 2
  for (const auto& [name, text] : hex_tables()) {
    std::ifstream in(std::string(NANDFLOW_SOURCE_DIR) + "/rtl/diffattn/tables/" + name, std::ios::binary);
    ASSERT_TRUE(in) << name << " is not committed; run diffattn-model --write-tables rtl/diffattn/tables";
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), text) << name << " is stale: run diffattn-model --write-tables rtl/diffattn/tables";
  }
}

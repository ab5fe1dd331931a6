// SAT sweeping and resubstitution keep every function (checked on all input
// patterns), shrink what they should, and resubstitution uses don't cares.
#include <gtest/gtest.h>

#include <random>

#include "map/nand_map.hpp"
#include "opt/nand_resubstitution.hpp"
#include "opt/sat_sweep.hpp"
#include "sim/bit_sim.hpp"
#include "test_util.hpp"

using namespace nandflow;

namespace {

// The six projection functions over 64 patterns: every assignment of 6 leaves once.
const std::uint64_t kProjection[6] = {0xAAAAAAAAAAAAAAAAULL, 0xCCCCCCCCCCCCCCCCULL, 0xF0F0F0F0F0F0F0F0ULL,
                                      0xFF00FF00FF00FF00ULL, 0xFFFF0000FFFF0000ULL, 0xFFFFFFFF00000000ULL};

// Every output and flip-flop pin of both networks, on all patterns (at most 6 leaves).
void expect_same_functions(const NandNetwork& a, const NandNetwork& b, std::size_t ni, std::size_t nl,
                           const std::string& what) {
  ASSERT_LE(ni + nl, 6u);
  std::vector<std::uint64_t> in(kProjection, kProjection + ni), lat(kProjection + ni, kProjection + ni + nl);
  auto wa = simulate_nand_words(a, in, lat), wb = simulate_nand_words(b, in, lat);
  ASSERT_EQ(a.outputs.size(), b.outputs.size());
  for (std::size_t o = 0; o < a.outputs.size(); ++o)
    EXPECT_EQ(nand_signal_value(a.outputs[o], wa, in, lat), nand_signal_value(b.outputs[o], wb, in, lat))
        << what << ", output " << o;
  for (std::size_t l = 0; l < a.latches.size(); ++l)
    EXPECT_EQ(nand_signal_value(a.latches[l].d, wa, in, lat), nand_signal_value(b.latches[l].d, wb, in, lat))
        << what << ", flip-flop " << l;
}


NandSig in(std::uint32_t i) { return {NandSig::Kind::Input, i}; }
NandSig gate(std::uint32_t g) { return {NandSig::Kind::Gate, g}; }

}  // namespace

TEST(SatSweep, MergesEqualGatesBuiltDifferentlyAndConstants) {
  NandNetwork net;
  net.num_inputs = 2;
  // XOR(a, b) with 4 NANDs ...
  net.gates.push_back({in(0), in(1)});        // 0: nand(a,b)
  net.gates.push_back({in(0), gate(0)});      // 1
  net.gates.push_back({in(1), gate(0)});      // 2
  net.gates.push_back({gate(1), gate(2)});    // 3: a xor b
  // ... and as (a or b) and not (a and b): nand(nand(na, nb), nand(a, b)) inverted twice.
  net.gates.push_back({in(0), in(0)});        // 4: not a
  net.gates.push_back({in(1), in(1)});        // 5: not b
  net.gates.push_back({gate(4), gate(5)});    // 6: a or b
  net.gates.push_back({gate(6), gate(0)});    // 7: xnor
  net.gates.push_back({gate(7), gate(7)});    // 8: xor again
  net.gates.push_back({in(0), gate(4)});      // 9: nand(a, not a) = 1
  net.gates.push_back({gate(9), in(1)});      // 10: not b, via a constant
  net.outputs = {gate(3), gate(8), gate(10)};
  sat_sweep_stats st;
  NandNetwork swept = sat_sweep(net, {}, &st);
  expect_same_functions(net, swept, 2, 0, "sweep");
  EXPECT_EQ(swept.outputs[0], swept.outputs[1]);  // the two XORs are one
  EXPECT_GE(st.merged, 2u);
  EXPECT_EQ(swept.num_gates(), 5u);  // the 4-NAND XOR and one inverter for not b
}

TEST(SatSweep, RandomNetworksKeepTheirFunctionsAndDoNotGrow) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Aig aig = test::random_aig(seed, 80, 5);
    NandNetwork before = nand_map(aig);
    NandNetwork after = sat_sweep(before);
    EXPECT_LE(after.num_gates(), before.num_gates()) << "seed " << seed;
    expect_same_functions(before, after, aig.num_inputs(), aig.num_latches(), "seed " + std::to_string(seed));
  }
}

TEST(Resubstitution, RandomNetworksKeepTheirFunctionsAndShrink) {
  std::size_t saved = 0, with_dont_cares = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Aig aig = test::random_aig(seed, 80, 5);
    NandNetwork before = nand_map(aig);
    nand_resubstitution_stats st;
    NandNetwork after = nand_resubstitution(before, {}, &st);
    ASSERT_LE(after.num_gates(), before.num_gates()) << "seed " << seed;
    saved += before.num_gates() - after.num_gates();
    with_dont_cares += st.using_dont_cares;
    expect_same_functions(before, after, aig.num_inputs(), aig.num_latches(), "seed " + std::to_string(seed));
  }
  EXPECT_GT(saved, 0u);
  EXPECT_GT(with_dont_cares, 0u);
}

TEST(Resubstitution, ReplacesLogicThatOnlyMattersUnderACondition) {
  // out = x AND mux(x, y, z): where the mux matters (x = 1) it equals y, so out = x AND y.
  NandNetwork net;
  net.num_inputs = 3;
  NandSig x = in(0), y = in(1), z = in(2);
  net.gates.push_back({x, x});              // 0: not x
  net.gates.push_back({x, y});              // 1
  net.gates.push_back({gate(0), z});        // 2
  net.gates.push_back({gate(1), gate(2)});  // 3: mux = x ? y : z
  net.gates.push_back({x, gate(3)});        // 4: nand(x, mux)
  net.gates.push_back({gate(4), gate(4)});  // 5: x and mux
  net.outputs = {gate(5)};
  nand_resubstitution_stats st;
  NandNetwork out = nand_resubstitution(net, {}, &st);
  expect_same_functions(net, out, 3, 0, "mux under x");
  EXPECT_EQ(out.num_gates(), 2u);  // nand(x, y) and its inverse
  EXPECT_GE(st.using_dont_cares, 1u);
}

TEST(SatSweepAndResubstitution, ProofsRefuseWhatSimulationCannotTellApart) {
  // d = AND of inputs 0..18, g = d AND input 19: 512 random patterns almost surely
  // never set the first 19 inputs, so simulation sees d = g = 0; only SAT tells them apart.
  NandNetwork net;
  net.num_inputs = 20;
  NandSig d = in(0);
  auto and2 = [&](NandSig a, NandSig b) {
    net.gates.push_back({a, b});
    net.gates.push_back({gate(static_cast<std::uint32_t>(net.gates.size() - 1)),
                         gate(static_cast<std::uint32_t>(net.gates.size() - 1))});
    return gate(static_cast<std::uint32_t>(net.gates.size() - 1));
  };
  for (std::uint32_t i = 1; i < 19; ++i) d = and2(d, in(i));
  NandSig g = and2(d, in(19));
  net.outputs = {d, g};
  // Pattern 0: every input 1; pattern 1: every input but 19; others 0.
  std::vector<std::uint64_t> ins(20, 3), none;
  ins[19] = 1;
  auto check = [&](const NandNetwork& n, const char* what) {
    auto w = simulate_nand_words(n, ins, none);
    EXPECT_EQ(nand_signal_value(n.outputs[0], w, ins, none) & 3, 3u) << what;
    EXPECT_EQ(nand_signal_value(n.outputs[1], w, ins, none) & 3, 1u) << what;
  };
  check(net, "source");
  sat_sweep_stats ss;
  check(sat_sweep(net, {}, &ss), "swept");
  EXPECT_GE(ss.refuted, 1u);
  nand_resubstitution_stats rs;
  check(nand_resubstitution(net, {}, &rs), "resubstituted");
  EXPECT_GE(rs.refuted, 1u);
}

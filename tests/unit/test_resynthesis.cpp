// Window resynthesis keeps every function and never grows a network.
#include <gtest/gtest.h>

#include <random>

#include "map/nand_map.hpp"
#include "opt/nand_resynthesis.hpp"
#include "sim/bit_sim.hpp"
#include "test_util.hpp"

using namespace nandflow;

TEST(Resynthesis, RandomNetworksKeepTheirFunctionsAndDoNotGrow) {
  std::size_t saved = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    Aig aig = test::random_aig(seed);
    NandNetwork before = nand_map(aig);
    nand_resynthesis_params ps;
    ps.max_cut_size = 3;
    nand_resynthesis_stats st;
    NandNetwork after = nand_resynthesis(before, ps, &st);
    EXPECT_LE(after.num_gates(), before.num_gates());
    saved += before.num_gates() - after.num_gates();
    std::mt19937_64 rng(seed);
    for (int round = 0; round < 4; ++round) {
      std::vector<std::uint64_t> in(aig.num_inputs()), lat(aig.num_latches());
      for (auto& w : in) w = rng();
      for (auto& w : lat) w = rng();
      auto g0 = simulate_nand_words(before, in, lat);
      auto g1 = simulate_nand_words(after, in, lat);
      for (std::size_t o = 0; o < before.outputs.size(); ++o)
        ASSERT_EQ(nand_signal_value(before.outputs[o], g0, in, lat), nand_signal_value(after.outputs[o], g1, in, lat))
            << "seed " << seed << " output " << o;
      ASSERT_EQ(nand_signal_value(before.latches[0].d, g0, in, lat), nand_signal_value(after.latches[0].d, g1, in, lat));
    }
  }
  EXPECT_GT(saved, 0u);  // random logic always has something to gain
}

TEST(Resynthesis, CleanupMergesDuplicateGates) {
  NandNetwork net;
  net.num_inputs = 2;
  NandSig a{NandSig::Kind::Input, 0}, b{NandSig::Kind::Input, 1};
  net.gates.push_back({a, b});
  net.gates.push_back({b, a});  // the same NAND
  net.gates.push_back({a, a});  // dead
  net.outputs = {{NandSig::Kind::Gate, 0}, {NandSig::Kind::Gate, 1}};
  NandNetwork clean = nand_cleanup(net);
  EXPECT_EQ(clean.num_gates(), 1u);
  EXPECT_EQ(clean.outputs[0], clean.outputs[1]);
}

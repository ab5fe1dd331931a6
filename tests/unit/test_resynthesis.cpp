// Window resynthesis keeps every function and never grows a network.
#include <gtest/gtest.h>

#include <random>

#include "map/nand_map.hpp"
#include "opt/nand_resynthesis.hpp"
#include "sim/bit_sim.hpp"

using namespace nandflow;

namespace {

// Random AIG over a few inputs: small enough that 3-input windows abound.
Aig random_aig(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Aig aig;
  std::vector<Lit> pool;
  for (int i = 0; i < 5; ++i) pool.push_back(make_lit(aig.create_input("i" + std::to_string(i))));
  pool.push_back(make_lit(aig.latch(aig.create_latch("q")).out));
  for (int i = 0; i < 60; ++i)
    pool.push_back(aig.create_and(lit_not_if(pool[rng() % pool.size()], rng() & 1),
                                  lit_not_if(pool[rng() % pool.size()], rng() & 1)));
  for (int i = 0; i < 6; ++i) aig.add_output("o" + std::to_string(i), lit_not_if(pool[pool.size() - 1 - 3 * i], i & 1));
  aig.latch(0).next = pool[pool.size() - 2];
  aig.latch(0).clock = pool[0];
  return aig;
}

}  // namespace

TEST(Resynthesis, RandomNetworksKeepTheirFunctionsAndDoNotGrow) {
  std::size_t saved = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    Aig aig = random_aig(seed);
    NandNetwork before = nand_map(aig);
    nand_resynthesis_params ps;
    ps.max_cut_size = 3;
    nand_resynthesis_stats st;
    NandNetwork after = nand_resynthesis(before, aig.num_inputs(), aig.num_latches(), ps, &st);
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
  NandSig a{NandSig::Kind::Input, 0}, b{NandSig::Kind::Input, 1};
  net.gates.push_back({a, b});
  net.gates.push_back({b, a});  // the same NAND
  net.gates.push_back({a, a});  // dead
  net.outputs = {{NandSig::Kind::Gate, 0}, {NandSig::Kind::Gate, 1}};
  NandNetwork clean = nand_cleanup(net, 2, 0);
  EXPECT_EQ(clean.num_gates(), 1u);
  EXPECT_EQ(clean.outputs[0], clean.outputs[1]);
}

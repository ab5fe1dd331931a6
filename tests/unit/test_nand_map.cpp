#include <gtest/gtest.h>

#include <random>

#include "map/nand_map.hpp"
#include "sim/bit_sim.hpp"

using namespace nandflow;

namespace {

// A random AIG with latches, outputs of both polarities, a constant and a feed-through.
Aig random_aig(std::uint64_t seed, int inputs, int ands) {
  std::mt19937_64 rng(seed);
  Aig aig;
  std::vector<Lit> pool;
  for (int i = 0; i < inputs; ++i) pool.push_back(make_lit(aig.create_input("i" + std::to_string(i))));
  for (int i = 0; i < 3; ++i) pool.push_back(make_lit(aig.latch(aig.create_latch("q" + std::to_string(i))).out));
  for (int i = 0; i < ands; ++i) {
    Lit a = lit_not_if(pool[rng() % pool.size()], rng() & 1), b = lit_not_if(pool[rng() % pool.size()], rng() & 1);
    pool.push_back(aig.create_and(a, b));
  }
  for (int i = 0; i < 8; ++i) aig.add_output("o" + std::to_string(i), lit_not_if(pool[pool.size() - 1 - i], i & 1));
  aig.add_output("zero", kLit0);
  aig.add_output("one", kLit1);
  aig.add_output("feed", lit_not(pool[0]));
  for (std::size_t i = 0; i < 3; ++i) {
    aig.latch(i).next = lit_not_if(pool[pool.size() - 10 - i], i & 1);
    aig.latch(i).clock = pool[0];
  }
  return aig;
}

}  // namespace

TEST(NandMap, RandomNetworksComputeTheSameFunctions) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Aig aig = random_aig(seed, 6, 150);
    nand_map_stats st;
    NandNetwork net = nand_map(aig, {}, &st);
    EXPECT_EQ(net.num_gates(), st.and_gates + st.inverters);
    std::mt19937_64 rng(seed * 7);
    std::vector<std::uint64_t> in(aig.num_inputs()), lat(aig.num_latches());
    std::vector<std::uint64_t> w(aig.num_nodes(), 0);
    for (std::size_t i = 0; i < in.size(); ++i) w[aig.inputs()[i]] = in[i] = rng();
    for (std::size_t i = 0; i < lat.size(); ++i) w[aig.latch(i).out] = lat[i] = rng();
    w = simulate_words(aig, w);
    std::vector<std::uint64_t> g = simulate_nand_words(net, in, lat);
    for (std::size_t o = 0; o < aig.outputs().size(); ++o)
      EXPECT_EQ(lit_value(w, aig.outputs()[o]), nand_signal_value(net.outputs[o], g, in, lat)) << "seed " << seed;
    for (std::size_t i = 0; i < aig.num_latches(); ++i)
      EXPECT_EQ(lit_value(w, aig.latch(i).next), nand_signal_value(net.latches[i].d, g, in, lat));
  }
}

TEST(NandMap, AnAndNodeCostsOneNandAndItsTruePolarityOneSharedInverter) {
  Aig aig;
  Lit a = make_lit(aig.create_input("a")), b = make_lit(aig.create_input("b"));
  Lit x = aig.create_and(a, b);
  aig.add_output("nand", lit_not(x));
  EXPECT_EQ(nand_map(aig).num_gates(), 1u);  // NAND(a,b)
  aig.add_output("and1", x);
  aig.add_output("and2", x);
  EXPECT_EQ(nand_map(aig).num_gates(), 2u);  // plus one inverter, shared by both
}

TEST(NandMap, OrOfTwoInputsIsThreeNands) {
  Aig aig;
  Lit a = make_lit(aig.create_input("a")), b = make_lit(aig.create_input("b"));
  aig.add_output("or", aig.create_or(a, b));
  EXPECT_EQ(nand_map(aig).num_gates(), 3u);  // NAND(!a, !b) with two input inverters
}

TEST(NandMap, GatesAreInTopologicalOrder) {
  NandNetwork net = nand_map(random_aig(3, 5, 100));
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    for (const NandSig& s : net.gates[g])
      if (s.kind == NandSig::Kind::Gate) {
        EXPECT_LT(s.index, g);
      }
}

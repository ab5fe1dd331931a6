#include <gtest/gtest.h>

#include "network/aig.hpp"
#include "sim/bit_sim.hpp"

using namespace nandflow;

TEST(Aig, StructuralHashingReturnsTheSameNode) {
  Aig aig;
  Lit a = make_lit(aig.create_input("a")), b = make_lit(aig.create_input("b"));
  Lit x = aig.create_and(a, b);
  EXPECT_EQ(x, aig.create_and(b, a));
  EXPECT_EQ(aig.num_ands(), 1u);
  EXPECT_NE(x, aig.create_and(a, lit_not(b)));
  EXPECT_EQ(aig.num_ands(), 2u);
}

TEST(Aig, TrivialAndsFold) {
  Aig aig;
  Lit a = make_lit(aig.create_input("a"));
  EXPECT_EQ(aig.create_and(a, kLit0), kLit0);
  EXPECT_EQ(aig.create_and(kLit1, a), a);
  EXPECT_EQ(aig.create_and(a, a), a);
  EXPECT_EQ(aig.create_and(a, lit_not(a)), kLit0);
  EXPECT_EQ(aig.num_ands(), 0u);
}

TEST(Aig, XorAndMuxComputeTheirTruthTables) {
  Aig aig;
  Lit a = make_lit(aig.create_input("a")), b = make_lit(aig.create_input("b")), s = make_lit(aig.create_input("s"));
  Lit x = aig.create_xor(a, b), m = aig.create_mux(s, a, b);
  std::vector<std::uint64_t> w(aig.num_nodes(), 0);
  // All 8 combinations of (a, b, s) in the low 8 bits.
  w[lit_node(a)] = 0xAA;
  w[lit_node(b)] = 0xCC;
  w[lit_node(s)] = 0xF0;
  w = simulate_words(aig, w);
  EXPECT_EQ(lit_value(w, x) & 0xFF, 0xAAu ^ 0xCCu);
  EXPECT_EQ(lit_value(w, m) & 0xFF, (0xF0u & 0xAAu) | (~0xF0u & 0xCCu & 0xFFu));
}

TEST(Aig, CleanupDropsDeadLogicAndKeepsInterface) {
  Aig aig;
  Lit a = make_lit(aig.create_input("a")), b = make_lit(aig.create_input("b"));
  aig.create_and(a, lit_not(b));  // dead
  std::size_t l = aig.create_latch("q");
  Lit q = make_lit(aig.latch(l).out);
  aig.latch(l).next = aig.create_and(a, q);
  aig.latch(l).clock = b;
  aig.add_output("y", aig.create_or(a, b));
  Aig clean = cleanup(aig);
  EXPECT_EQ(clean.num_inputs(), 2u);
  EXPECT_EQ(clean.num_latches(), 1u);
  EXPECT_EQ(clean.num_ands(), 2u);
  EXPECT_EQ(clean.latch(0).name, "q");
  EXPECT_EQ(clean.output_name(0), "y");
}

TEST(Aig, TopologicalOrderPutsFaninsFirstAndDepthIsLongestPath) {
  Aig aig;
  Lit x = make_lit(aig.create_input("x0"));
  for (int i = 1; i < 2000; ++i) x = aig.create_and(x, make_lit(aig.create_input("x" + std::to_string(i))));
  aig.add_output("y", x);
  std::vector<NodeId> order = topo_ands(aig, aig.outputs());
  ASSERT_EQ(order.size(), 1999u);
  std::vector<bool> seen(aig.num_nodes(), false);
  for (NodeId n : order) {
    for (Lit f : {aig.fanin0(n), aig.fanin1(n)})
      if (aig.is_and(lit_node(f))) {
        EXPECT_TRUE(seen[lit_node(f)]);
      }
    seen[n] = true;
  }
  EXPECT_EQ(and_depth(aig, aig.outputs()), 1999u);
}

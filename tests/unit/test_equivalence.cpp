#include <gtest/gtest.h>

#include "verify/equivalence.hpp"

using namespace nandflow;

namespace {

// y = a ^ b two ways, and a flip-flop q <= q ^ a clocked by clk.
Design xor_design(bool alternative, bool mutate = false) {
  Design d;
  d.top = "t";
  Aig& aig = d.aig;
  Lit a = make_lit(aig.create_input("a")), b = make_lit(aig.create_input("b"));
  Lit clk = make_lit(aig.create_input("clk"));
  Lit y;
  if (!alternative) {
    y = aig.create_xor(a, b);
  } else {
    // (a | b) & !(a & b), built from different AND nodes.
    Lit n = aig.create_and(a, b);
    y = aig.create_and(aig.create_or(a, mutate ? a : b), lit_not(n));
  }
  aig.add_output("y", y);
  std::size_t l = aig.create_latch("q");
  Lit q = make_lit(aig.latch(l).out);
  aig.latch(l).next = aig.create_xor(q, a);
  aig.latch(l).clock = clk;
  aig.add_output("q", q);
  return d;
}

}  // namespace

TEST(Equivalence, ProvesStructurallyDifferentEqualFunctions) {
  verify_stats st;
  VerifyResult r = check_equivalence(xor_design(false), xor_design(true), {}, &st);
  EXPECT_TRUE(r.proven) << format_verify_result(r);
  EXPECT_GE(st.compared, 3u);
}

TEST(Equivalence, FindsACounterexampleWithBothValues) {
  VerifyResult r = check_equivalence(xor_design(false), xor_design(true, /*mutate=*/true));
  ASSERT_FALSE(r.proven);
  ASSERT_EQ(r.counterexamples.size(), 1u);
  const Counterexample& c = r.counterexamples[0];
  EXPECT_EQ(c.what, "output y");
  EXPECT_NE(c.gold_value, c.netlist_value);
  // The mutant computes a & !b... only differs when b=1, a=0: check the reported inputs.
  bool a = false, b = false;
  for (const auto& [name, v] : c.inputs) {
    if (name == "a") a = v;
    if (name == "b") b = v;
  }
  EXPECT_EQ(c.gold_value, a != b);
  EXPECT_NE(format_verify_result(r).find("NOT EQUIVALENT: output y differs"), std::string::npos);
}

TEST(Equivalence, SatFindsDifferencesSimulationMisses) {
  // Outputs differ on one input pattern out of 2^20: random simulation with no
  // words left to SAT.
  auto build = [](bool mutate) {
    Design d;
    d.top = "t";
    Lit all = kLit1;
    for (int i = 0; i < 20; ++i) all = d.aig.create_and(all, make_lit(d.aig.create_input("x" + std::to_string(i))));
    d.aig.add_output("y", mutate ? all : kLit0);
    return d;
  };
  verify_params ps;
  ps.simulation_words = 0;
  VerifyResult r = check_equivalence(build(false), build(true), ps);
  ASSERT_FALSE(r.proven);
  ASSERT_EQ(r.counterexamples.size(), 1u);
  for (const auto& [name, v] : r.counterexamples[0].inputs) EXPECT_TRUE(v) << name;
}

TEST(Equivalence, UnpairedFlipFlopIsAMismatch) {
  Design b = xor_design(true);
  b.aig.latch(0).name = "other";
  VerifyResult r = check_equivalence(xor_design(false), b);
  EXPECT_FALSE(r.proven);
  EXPECT_NE(r.mismatch.find("'other'"), std::string::npos);
}

TEST(Equivalence, ClockEdgeAndInitialValueMustMatch) {
  Design b = xor_design(true);
  b.aig.latch(0).negedge = true;
  EXPECT_FALSE(check_equivalence(xor_design(false), b).proven);
  Design g = xor_design(false), n = xor_design(true);
  g.aig.latch(0).init = InitValue::One;
  n.aig.latch(0).init = InitValue::Zero;
  EXPECT_FALSE(check_equivalence(g, n).proven);
  g.aig.latch(0).init = InitValue::Unknown;  // an x in the source accepts any value
  EXPECT_TRUE(check_equivalence(g, n).proven);
}

TEST(Equivalence, NextStateDifferenceIsReported) {
  Design b = xor_design(true);
  b.aig.latch(0).next = lit_not(b.aig.latch(0).next);
  VerifyResult r = check_equivalence(xor_design(false), b);
  ASSERT_FALSE(r.proven);
  EXPECT_EQ(r.counterexamples.at(0).what, "next state of flip-flop q");
}

namespace {

// A latch q open while en = 1 with asynchronous reset r, written as the cell
// (enable, data, reset) or with the reset folded in, as Yosys writes it
// (enable en | r, data d & !r); `mutate` opens it on en = 0 instead.
Design reset_latch(bool folded, bool mutate = false) {
  Design d;
  d.top = "t";
  Aig& aig = d.aig;
  Lit en = make_lit(aig.create_input("en")), data = make_lit(aig.create_input("d"));
  Lit r = make_lit(aig.create_input("r"));
  std::size_t i = aig.create_latch("q");
  Latch& l = aig.latch(i);
  l.level_sensitive = true;
  Lit open = lit_not_if(en, mutate);
  if (folded) {
    l.clock = aig.create_or(open, r);
    l.next = aig.create_and(data, lit_not(r));
  } else {
    l.clock = open;
    l.next = data;
    l.async_reset = r;
  }
  aig.add_output("q", make_lit(l.out));
  return d;
}

}  // namespace

TEST(Equivalence, LatchesAreComparedByTheValueTheySettleTo) {
  VerifyResult r = check_equivalence(reset_latch(false), reset_latch(true));
  EXPECT_TRUE(r.proven) << format_verify_result(r);
  VerifyResult wrong = check_equivalence(reset_latch(false), reset_latch(true, /*mutate=*/true));
  ASSERT_FALSE(wrong.proven);
  EXPECT_NE(format_verify_result(wrong).find("next state of latch q"), std::string::npos)
      << format_verify_result(wrong);
  // A latch is not a flip-flop with the same pins.
  Design flop = reset_latch(false);
  flop.aig.latch(0).level_sensitive = false;
  VerifyResult kind = check_equivalence(reset_latch(false), flop);
  ASSERT_FALSE(kind.proven);
  EXPECT_NE(format_verify_result(kind).find("a latch in the source"), std::string::npos) << format_verify_result(kind);
}

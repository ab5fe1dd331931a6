// Exact NAND2 synthesis reproduces the proven minima (../shared/notes/nand-minima.md).
#include <gtest/gtest.h>

#include "opt/exact_nand.hpp"

using namespace nandflow;

namespace {

struct Minimum {
  const char* name;
  int inputs;
  std::vector<TruthTable> outputs;
  int nands;
};

std::vector<Minimum> minima() {
  TruthTable a = input_truth_table(0, 3), b = input_truth_table(1, 3), c = input_truth_table(2, 3);
  TruthTable maj = static_cast<TruthTable>((a & b) | (a & c) | (b & c));
  TruthTable x3 = static_cast<TruthTable>(a ^ b ^ c);
  return {
      {"NOT", 1, {0x1}, 1},
      {"AND", 2, {0x8}, 2},
      {"OR", 2, {0xE}, 3},
      {"NOR", 2, {0x1}, 4},
      {"XOR", 2, {0x6}, 4},
      {"XNOR", 2, {0x9}, 5},
      {"MUX", 3, {static_cast<TruthTable>((c & b) | (~c & a & 0xFF))}, 4},
      {"half adder", 2, {0x6, 0x8}, 5},
      {"full adder", 3, {x3, maj}, 9},
      {"MAJ3", 3, {maj}, 6},
      {"XOR3", 3, {x3}, 8},
  };
}

}  // namespace

TEST(ExactNand, ReproducesTheProvenMinima) {
  for (const Minimum& m : minima()) {
    exact_nand_params ps;
    ps.conflict_limit = 0;
    exact_nand_stats st;
    auto chain = exact_nand_synthesis(m.inputs, m.outputs, ps, &st);
    ASSERT_TRUE(chain) << m.name;
    EXPECT_EQ(static_cast<int>(chain->gates.size()), m.nands) << m.name;
    EXPECT_TRUE(st.optimal) << m.name;
    std::vector<TruthTable> tt = simulate_chain(*chain);
    for (std::size_t o = 0; o < m.outputs.size(); ++o)
      EXPECT_EQ(tt[static_cast<std::size_t>(chain->outputs[o])], m.outputs[o] & truth_table_mask(m.inputs)) << m.name;
  }
}

TEST(ExactNand, DownwardSearchFindsTheSameMinimumOrProvesNoneSmaller) {
  TruthTable a = input_truth_table(0, 3), b = input_truth_table(1, 3), c = input_truth_table(2, 3);
  std::vector<TruthTable> fa = {static_cast<TruthTable>(a ^ b ^ c), static_cast<TruthTable>((a & b) | (a & c) | (b & c))};
  exact_nand_params ps;
  ps.downward = true;
  ps.conflict_limit = 0;
  ps.max_gates = 11;
  auto chain = exact_nand_synthesis(3, fa, ps);
  ASSERT_TRUE(chain);
  EXPECT_EQ(chain->gates.size(), 9u);
  ps.max_gates = 8;  // below the minimum: nothing
  EXPECT_FALSE(exact_nand_synthesis(3, fa, ps));
}

TEST(ExactNand, OutputEqualToAnInputNeedsNoGate) {
  auto chain = exact_nand_synthesis(2, {input_truth_table(1, 2)});
  ASSERT_TRUE(chain);
  EXPECT_TRUE(chain->gates.empty());
  EXPECT_EQ(chain->outputs.at(0), 1);
}

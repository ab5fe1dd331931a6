// The exact-synthesis library: every answer computes what was asked, whatever order the
// outputs and inputs come in; an answer does not depend on what the library held before
// (cold, warm, or read back from its cache file); the precomputed seed answers single
// functions of 4 inputs without a search.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "opt/exact_library.hpp"
#include "test_util.hpp"

using namespace nandflow;

namespace {

void expect_computes(const std::optional<NandChain>& c, int n, const std::vector<TruthTable>& f) {
  ASSERT_TRUE(c);
  ASSERT_EQ(c->outputs.size(), f.size());
  std::vector<TruthTable> tt = simulate_chain(*c);
  for (std::size_t o = 0; o < f.size(); ++o)
    EXPECT_EQ(tt[static_cast<std::size_t>(c->outputs[o])], f[o] & truth_table_mask(n)) << "output " << o;
}

std::string format_chain(const NandChain& c) {
  std::string s;
  for (const auto& g : c.gates) s += std::to_string(g[0]) + "," + std::to_string(g[1]) + " ";
  for (int o : c.outputs) s += "o" + std::to_string(o) + " ";
  return s;
}

}  // namespace

TEST(ExactLibrary, AnswersComputeTheFunctionsInTheCallersOrder) {
  ExactLibrary lib;
  std::mt19937 rng(3);
  int answered = 0;
  for (int it = 0; it < 60; ++it) {
    int n = 2 + it % 2;
    std::vector<TruthTable> f;
    for (int k = 0; k < 1 + it % 3; ++k) f.push_back(static_cast<TruthTable>(rng() & truth_table_mask(n)));
    std::optional<NandChain> c = lib.chain(n, f);
    if (!c) continue;  // constants, or more gates than the library searches
    ++answered;
    expect_computes(c, n, f);
  }
  EXPECT_GT(answered, 40);
}

TEST(ExactLibrary, TheFullAdderIsNineGatesWhateverTheInputOrder) {
  ExactLibrary lib;
  TruthTable a = input_truth_table(0, 3), b = input_truth_table(1, 3), c = input_truth_table(2, 3);
  TruthTable sum = static_cast<TruthTable>(a ^ b ^ c), carry = static_cast<TruthTable>((a & b) | (a & c) | (b & c));
  // Carry with one input inverted is another function; its permutations are one question.
  TruthTable carry_nb = static_cast<TruthTable>((a & ~b) | (a & c) | (~b & c)) & 0xFF;
  TruthTable carry_nc = static_cast<TruthTable>((a & b) | (a & ~c) | (b & ~c)) & 0xFF;
  auto fa = lib.chain(3, {sum, carry});
  ASSERT_TRUE(fa);
  EXPECT_EQ(fa->gates.size(), 9u);
  auto before = lib.stats().syntheses;
  auto x = lib.chain(3, {carry_nb, static_cast<TruthTable>(a ^ ~b ^ c)});
  auto y = lib.chain(3, {static_cast<TruthTable>(a ^ b ^ ~c), carry_nc});
  expect_computes(x, 3, {carry_nb, static_cast<TruthTable>(a ^ ~b ^ c)});
  expect_computes(y, 3, {static_cast<TruthTable>(a ^ b ^ ~c), carry_nc});
  EXPECT_EQ(lib.stats().syntheses, before + 1);  // the second is the first with b and c swapped
}

TEST(ExactLibrary, AnswersDoNotDependOnWhatTheLibraryHeld) {
  TempDir dir;
  std::string file = dir.file("cache.txt");
  std::mt19937 rng(11);
  std::vector<std::vector<TruthTable>> questions;
  for (int it = 0; it < 8; ++it)
    questions.push_back({static_cast<TruthTable>(rng() & 0xFF), static_cast<TruthTable>(rng() & 0xFF)});
  std::vector<std::string> cold, warm, reread;
  {
    ExactLibrary a(file);
    for (const auto& q : questions) cold.push_back(a.chain(3, q) ? format_chain(*a.chain(3, q)) : "none");
    // Asked again in reverse order: all hits, the same answers.
    for (auto it = questions.rbegin(); it != questions.rend(); ++it)
      warm.insert(warm.begin(), a.chain(3, *it) ? format_chain(*a.chain(3, *it)) : "none");
  }
  {
    std::ofstream(file, std::ios::app) << "3 12 : 9,9 out\ngarbage line\n3 17 : 0,1 out 3\n";  // bad lines are skipped
    ExactLibrary b(file);
    for (const auto& q : questions) reread.push_back(b.chain(3, q) ? format_chain(*b.chain(3, q)) : "none");
    EXPECT_EQ(b.stats().syntheses, 0u);  // everything came from the file
  }
  EXPECT_EQ(cold, warm);
  EXPECT_EQ(cold, reread);
}

TEST(ExactLibrary, TheSeedAnswersFourInputFunctionsWithoutASearch) {
  ExactLibrary& lib = ExactLibrary::shared();
  auto before = lib.stats();
  // Functions of 4 inputs a design might hold: a 4-input AND and OR, a multiplexer with
  // an enable, an AND-OR.
  for (TruthTable f : {TruthTable(0x8000), TruthTable(0xFFFE), TruthTable(0xCA00), TruthTable(0xF888)}) {
    auto c = lib.chain(4, {f});
    expect_computes(c, 4, {f});
  }
  EXPECT_EQ(lib.stats().syntheses, before.syntheses);
}

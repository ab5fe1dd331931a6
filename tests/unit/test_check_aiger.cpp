// The AIGER check that runs before Yosys's read_aiger (io/check_aiger).
#include <gtest/gtest.h>

#include <filesystem>

#include "io/check_aiger.hpp"
#include "util/error.hpp"
#include "util/temp_dir.hpp"

using namespace nandflow;

namespace {

// The UserError message for `text` (empty when it is accepted).
std::string problem(const std::string& text) {
  try {
    check_aiger(text, "t.aag");
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

// A full adder as ASCII AIGER: inputs a b c, outputs sum and carry.
const char* kFullAdder =
    "aag 10 3 0 2 7\n2\n4\n6\n19\n21\n"
    "8 2 4\n10 3 5\n12 9 11\n14 13 6\n16 12 7\n18 15 17\n20 9 15\n"
    "i0 a\ni1 b\ni2 c\no0 sum\no1 carry\nc\na comment\n";

}  // namespace

TEST(CheckAiger, AcceptsAsciiWithSymbolsAndLatches) {
  check_aiger_stats s = check_aiger(kFullAdder, "fa.aag");
  EXPECT_EQ(s.inputs, 3u);
  EXPECT_EQ(s.outputs, 2u);
  EXPECT_EQ(s.ands, 7u);
  // A toggle flip-flop with reset value 1 and a latch read before the gate defining its input.
  EXPECT_EQ(problem("aag 3 1 1 1 1\n2\n4 6 1\n4\n6 5 2\n"), "");
  // Outputs may be constants.
  EXPECT_EQ(problem("aag 0 0 0 2 0\n0\n1\n"), "");
}

TEST(CheckAiger, AcceptsBinary) {
  // aig 3 2 0 1 1: output 6, gate 6 = 2 & 4: deltas 6-4 = 2 and 4-2 = 2.
  EXPECT_EQ(problem(std::string("aig 3 2 0 1 1\n6\n") + '\x02' + '\x02'), "");
  // Multi-byte delta: gate literal 300 over input 2 and itself: delta0 = 298 = 0xaa 0x02.
  std::string big = "aig 150 149 0 1 1\n300\n";
  big += static_cast<char>(0xaa), big += '\x02', big += '\x00';
  EXPECT_EQ(problem(big), "");
}

TEST(CheckAiger, RefusesWithLineAndReason) {
  EXPECT_EQ(problem(""), "t.aag:1: not an AIGER file: the first line must start with 'aag' or 'aig'");
  EXPECT_EQ(problem("aag 3 2\n"), "t.aag:1: the header needs M I L O A (and optionally B C J F), found 2 numbers");
  EXPECT_EQ(problem("aag 3 2 0 1 1"), "t.aag:1: the file ends after the header");
  EXPECT_EQ(problem("aag 3 2 0 1 1\n2\n4\n6\n6 2 9\n"), "t.aag:5: literal 9 exceeds the maximum variable index 3");
  EXPECT_EQ(problem("aag 3 2 0 1 1\n2\n4\n6\n6 2 x\n"), "t.aag:5: unexpected character in the AND gate line: 'x'");
  EXPECT_EQ(problem("aag 3 2 0 1 1\n2\n4\n6\n6 2\n"), "t.aag:5: an AND gate line needs 3 numbers, found 2");
  EXPECT_EQ(problem("aag 3 2 0 1 1\n2\n2\n6\n6 2 4\n"), "t.aag:3: variable 1 is defined twice");
  EXPECT_EQ(problem("aag 3 2 0 1 1\n2\n5\n"), "t.aag:3: the input literal 5 is odd (negated)");
  EXPECT_EQ(problem("aag 4 2 0 1 1\n2\n4\n6\n6 2 8\n"),
            "t.aag: literal 8 uses variable 4, which no input, latch or AND gate defines");
  EXPECT_EQ(problem("aag 3 2 0 1 1\n2\n4\n6\n"), "t.aag:5: the file ends where an AND gate line was expected");
  EXPECT_EQ(problem("aag 1 1 0 1 0 1\n2\n2\n"),
            "t.aag:1: the header declares bad-state, constraint, justice or fairness properties; nandflow reads "
            "combinational and sequential logic only");
  EXPECT_EQ(problem("aag 1 2 0 1 0\n"), "t.aag:1: the header's M = 1 is less than I + L + A = 2");
  EXPECT_EQ(problem("aag 2 1 1 0 0\n2\n4 2 7\n"), "t.aag:3: latch reset value 7 is not 0, 1 or the latch's own literal");
  EXPECT_EQ(problem("aag 99999999999 0 0 0 0\n"), "t.aag:1: number too large in the header line");
  EXPECT_EQ(problem("aag 1 1 0 1 0\r\n2\r\n2\r\n"), "t.aag:1: unexpected character in the header line: '\\r'");
  EXPECT_EQ(problem(std::string("aig 3 2 0 1 1\n6\n") + '\x07' + '\x02'),
            "t.aag: byte 16 (AND gate 0): first delta 7 is out of range for gate literal 6");
  EXPECT_EQ(problem(std::string("aig 3 2 0 1 1\n6\n") + '\x02'), "t.aag: byte 17 (AND gate 0): the file ends inside the AND gates");
  EXPECT_EQ(problem("aig 3 2 0 1 0\n6\n"), "t.aag:1: a binary AIGER file needs M = I + L + A");
}

// Every AIGER file of the ISCAS-85 set, when ../shared is present.
TEST(CheckAiger, AcceptsIscas85) {
  std::filesystem::path dir = std::filesystem::path(NANDFLOW_SOURCE_DIR) / "../shared/bench/iscas85";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "../shared/bench not present: ISCAS-85 AIGER files not checked";
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".aig") continue;
    EXPECT_NO_THROW(check_aiger(read_file(entry.path().string()), entry.path().string())) << entry.path();
    ++n;
  }
  EXPECT_GT(n, 5);
}

// The Yosys front end and the JSON reader, on real Yosys runs.
#include <gtest/gtest.h>

#include "frontend/yosys_frontend.hpp"
#include "test_util.hpp"
#include "util/error.hpp"

using namespace nandflow;
using nandflow::test::write_source;

namespace {

// The UserError message of elaborating `text` (empty if it succeeds).
std::string error_of(const std::string& text, const std::string& top = "", const std::string& name = "d.v") {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, name, text)};
  p.top = top;
  try {
    elaborate_gold(p);
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Frontend, PortsKeepDeclarationOrderRangesAndSignedness) {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "p.v",
                          "module p(input [0:3] up, input signed [10:3] off, input c, output [2:0] z, output y);\n"
                          "  assign z = up[0:2] ^ off[5:3]; assign y = c;\nendmodule\n")};
  Design d = elaborate_gold(p);
  EXPECT_EQ(d.top, "p");
  ASSERT_EQ(d.ports.size(), 5u);
  EXPECT_EQ(d.ports[0].name, "up");
  EXPECT_TRUE(d.ports[0].upto);
  EXPECT_EQ(d.ports[0].range(), "[0:3]");
  EXPECT_EQ(d.ports[1].range(), "[10:3]");
  EXPECT_TRUE(d.ports[1].is_signed);
  EXPECT_EQ(d.ports[1].bit_name(0), "off[3]");
  EXPECT_EQ(d.ports[2].name, "c");
  EXPECT_EQ(d.ports[3].dir, PortDir::Output);
  EXPECT_EQ(d.ports[4].name, "y");
  EXPECT_EQ(d.aig.num_inputs(), 13u);
  EXPECT_EQ(d.aig.outputs().size(), 4u);
}

TEST(Frontend, FlipFlopsKeepNamesEdgesResetsAndInitialValues) {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "f.v",
                          "module f(input clk, input rst, input d, output reg [1:0] q, output reg n);\n"
                          "  initial n = 1'b1;\n"
                          "  always @(posedge clk or posedge rst) if (rst) q <= 2'b00; else q <= {q[0], d};\n"
                          "  always @(negedge clk) n <= d;\nendmodule\n")};
  Design d = elaborate_gold(p);
  ASSERT_EQ(d.aig.num_latches(), 3u);
  int resets = 0, negedges = 0;
  for (const Latch& l : d.aig.latches()) {
    if (l.async_reset != kLit0) ++resets;
    if (l.negedge) {
      ++negedges;
      EXPECT_EQ(l.name, "n");
      EXPECT_EQ(l.init, InitValue::One);
    } else {
      EXPECT_TRUE(l.name == "q[0]" || l.name == "q[1]") << l.name;
    }
  }
  EXPECT_EQ(resets, 2);
  EXPECT_EQ(negedges, 1);
}

TEST(Frontend, SyntaxErrorNamesFileAndLine) {
  std::string e = error_of("module m(input a, output y);\n  assign y = a + ;\nendmodule\n", "m", "broken.v");
  EXPECT_NE(e.find("broken.v:2"), std::string::npos) << e;
  EXPECT_NE(e.find("syntax error"), std::string::npos) << e;
}

TEST(Frontend, LatchesAreLevelSensitiveStorage) {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "l.v",
                          "module l(input en, input d, input rst, output reg q, output reg qn);\n"
                          "  always @* if (en) q = d;\n"
                          "  always @* if (rst) qn = 1'b0; else if (!en) qn = d;\nendmodule\n")};
  Design d = elaborate_gold(p);
  ASSERT_EQ(d.aig.num_latches(), 2u);
  for (const Latch& l : d.aig.latches()) {
    EXPECT_TRUE(l.level_sensitive) << l.name;
    EXPECT_EQ(l.init, InitValue::Unknown) << l.name;
  }
  const Latch& q = d.aig.latch(0).name == "q" ? d.aig.latch(0) : d.aig.latch(1);
  ASSERT_EQ(q.name, "q");
  // Open while en = 1: the enable is the input en itself, the data the input d.
  ASSERT_EQ(d.aig.kind(lit_node(q.clock)), NodeKind::Input);
  EXPECT_EQ(d.aig.input_name(d.aig.source_index(lit_node(q.clock))), "en");
  EXPECT_NE(lit_is_complemented(q.clock), !q.negedge);
  ASSERT_EQ(d.aig.kind(lit_node(q.next)), NodeKind::Input);
  EXPECT_EQ(d.aig.input_name(d.aig.source_index(lit_node(q.next))), "d");
}

TEST(Frontend, TriStateIsRefused) {
  std::string e = error_of("module m(input en, input a, output y);\n  assign y = en ? a : 1'bz;\nendmodule\n", "m");
  EXPECT_NE(e.find("tri-state"), std::string::npos) << e;
  EXPECT_NE(e.find("'y'"), std::string::npos) << e;
}

TEST(Frontend, XAndUndrivenOutputsAreZeroWithAWarning) {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "x.v", "module m(input a, output y, output z, output w);\n  assign y = 1'bx; assign z = a;\nendmodule\n")};
  Design d = elaborate_gold(p);
  EXPECT_EQ(d.x_dont_cares, 2u);  // y ('x) and w (undriven)
  ASSERT_EQ(d.aig.outputs().size(), 3u);
  EXPECT_EQ(d.aig.outputs()[0], kLit0);
  EXPECT_EQ(d.aig.outputs()[2], kLit0);
  std::string all;
  for (const std::string& w : d.warnings) all += w + "\n";
  EXPECT_NE(all.find("signal 'y' is undriven or undefined (x): tied to 0"), std::string::npos) << all;
  EXPECT_NE(all.find("signal 'w'"), std::string::npos) << all;
}

// q[0] keeps its value when s is 1 (q - 2 leaves bit 0 alone), so Yosys's opt_dff loads it
// only when s is 0 and leaves the load mux's other input x: a don't care of Yosys's making.
// The source has no x, so nandflow neither warns nor counts it.
TEST(Frontend, XThatYosysAddsIsNotTheSources) {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "k.v",
                          "module m(input clk, input [1:0] s, input [3:0] d, output reg [3:0] q);\n"
                          "  always @(posedge clk)\n    case (s)\n      2'd0: q <= d;\n"
                          "      2'd1: q <= q - 4'd2;\n      default: ;\n    endcase\nendmodule\n")};
  Design d = elaborate_gold(p);
  EXPECT_EQ(d.x_dont_cares, 0u);
  std::string all;
  for (const std::string& w : d.warnings) all += w + "\n";
  EXPECT_EQ(all.find("(x)"), std::string::npos) << all;
}

TEST(Frontend, OscillatingLoopIsRefusedNamingItsSignals) {
  std::string e = error_of(
      "module m(input a, input b, output y);\n  wire p, q;\n  assign p = a & ~q;\n  assign q = b | p;\n"
      "  assign y = q;\nendmodule\n",
      "m");
  EXPECT_NE(e.find("combinational loop through signals 'p', 'q'"), std::string::npos) << e;
  EXPECT_NE(e.find("oscillate"), std::string::npos) << e;
}

TEST(Frontend, LoopThatHoldsAValueIsALatch) {
  // q = b | (a & q): set by b, held while a = 1, cleared by a = 0 (an AND-OR latch).
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "l.v",
                          "module m(input a, input b, output y);\n  wire p, q;\n  assign p = a & q;\n"
                          "  assign q = b | p;\n  assign y = q;\nendmodule\n")};
  Design d = elaborate_gold(p);
  ASSERT_EQ(d.aig.num_latches(), 1u);
  EXPECT_EQ(d.latches_from_loops, 1u);
  EXPECT_TRUE(d.aig.latch(0).level_sensitive);
  EXPECT_EQ(d.aig.latch(0).name, "q");  // the output port y, named by its shortest name
}

TEST(Frontend, MissingFileUnknownTopAndInoutAreClearErrors) {
  FrontendParams p;
  p.files = {"/nonexistent/x.v"};
  try {
    elaborate_gold(p);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/x.v: no such file");
  }
  EXPECT_NE(error_of("module m(input a, output y); assign y = a; endmodule\n", "nope").find("nope"),
            std::string::npos);
  EXPECT_NE(error_of("module m(inout a, input b); assign a = b; endmodule\n", "m").find("inout"), std::string::npos);
}

TEST(Frontend, ParametersDefinesAndIncludesReachYosys) {
  TempDir dir;
  write_source(dir, "w.vh", "`define EXTRA 1\n");
  FrontendParams p;
  p.files = {write_source(dir, "m.v",
                          "`include \"w.vh\"\nmodule m #(parameter W = 2)(input [W-1:0] a, output [W-1:0] y);\n"
                          "`ifdef FLIP\n assign y = ~a;\n`else\n assign y = a;\n`endif\nendmodule\n")};
  p.top = "m";
  p.include_dirs = {dir.path()};
  p.defines = {"FLIP"};
  p.params = {{"W", "5"}};
  Design d = elaborate_gold(p);
  EXPECT_EQ(d.aig.num_inputs(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_TRUE(lit_is_complemented(d.aig.outputs()[i]));
}

TEST(Frontend, BlifAndAigerInputsAreReadByYosys) {
  TempDir dir;
  FrontendParams p;
  p.files = {write_source(dir, "x.blif", ".model x\n.inputs a b\n.outputs y\n.names a b y\n10 1\n01 1\n.end\n")};
  Design d = elaborate_gold(p);
  EXPECT_EQ(d.top, "x");
  EXPECT_EQ(d.aig.num_inputs(), 2u);
  // An ASCII AIGER AND gate: y = a & b.
  FrontendParams q;
  q.files = {write_source(dir, "and.aag", "aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n")};
  Design e = elaborate_gold(q);
  EXPECT_EQ(e.aig.num_inputs(), 2u);
  EXPECT_EQ(e.aig.num_ands(), 1u);
}

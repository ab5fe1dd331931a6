// The Verilog writer: round trips through Yosys and the checker.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "flow/synth_flow.hpp"
#include "io/write_verilog.hpp"
#include "test_util.hpp"
#include "verify/equivalence.hpp"

using namespace nandflow;
using nandflow::test::write_source;

namespace {

struct RoundTrip {
  SynthResult synth;
  std::string netlist;
  VerifyResult verdict;
};

RoundTrip round_trip(const std::string& name, const std::string& text, const std::string& top) {
  TempDir dir;
  RoundTrip rt;
  synth_params ps;
  ps.frontend.files = {write_source(dir, name, text)};
  ps.frontend.top = top;
  rt.synth = synthesize(ps);
  rt.netlist = write_verilog(rt.synth.design, rt.synth.net);
  FrontendParams np;
  np.files = {write_source(dir, "nf_cells.v", nf_cells_verilog()), write_source(dir, "net.v", rt.netlist)};
  np.top = top;
  rt.verdict = check_equivalence(rt.synth.gold, read_netlist(np));
  return rt;
}

}  // namespace

TEST(WriteVerilog, NetlistHoldsOnlyNandsCellsWiresAndAssigns) {
  RoundTrip rt = round_trip("c.v",
                            "module c(input clk, input rst_n, input [3:0] d, output reg [3:0] q, output [1:0] k);\n"
                            "  always @(posedge clk or negedge rst_n) if (!rst_n) q <= 0; else q <= q + d;\n"
                            "  assign k = {1'b1, d[0]};\nendmodule\n",
                            "c");
  EXPECT_TRUE(rt.verdict.proven) << format_verify_result(rt.verdict);
  std::istringstream in(rt.netlist);
  std::string line;
  std::regex allowed(
      R"(^\s*(//.*|/\*.*\*/|module .*|endmodule|input wire .*|output wire .*|wire .*|\(\* nf_state.*|nand g[0-9]+ \(.*\);|nf_dff[nrs]* #\(\.INIT\(1'b[01]\)\) .*|assign .*|)$)");
  std::size_t nands = 0;
  while (std::getline(in, line)) {
    EXPECT_TRUE(std::regex_match(line, allowed)) << line;
    if (line.find("  nand ") == 0) ++nands;
  }
  EXPECT_EQ(nands, rt.synth.nands);
  EXPECT_NE(rt.netlist.find("nf_dffr"), std::string::npos);  // active-low reset became R plus an inverter
  EXPECT_NE(rt.netlist.find("module c (clk, rst_n, d, q, k);"), std::string::npos);
  EXPECT_NE(rt.netlist.find("assign k[1] = 1'b1;"), std::string::npos);
  EXPECT_NE(rt.netlist.find("assign k[0] = d[0];"), std::string::npos);
}

TEST(WriteVerilog, FlipFlopsDriveVectorsNamedAfterTheSource) {
  RoundTrip rt = round_trip("s.v",
                            "module s(input clk, input x, output y);\n  reg [2:0] sh;\n"
                            "  always @(posedge clk) sh <= {sh[1:0], x};\n  assign y = sh[2];\nendmodule\n",
                            "s");
  EXPECT_TRUE(rt.verdict.proven) << format_verify_result(rt.verdict);
  // sh[0] and sh[1] keep their vector; sh[2] is also the output y, the shorter name.
  EXPECT_NE(rt.netlist.find("wire [1:0] sh;"), std::string::npos) << rt.netlist;
  EXPECT_NE(rt.netlist.find(".Q(sh[1])"), std::string::npos) << rt.netlist;
  EXPECT_NE(rt.netlist.find(".D(sh[1]), .Q(y)"), std::string::npos) << rt.netlist;
}

TEST(WriteVerilog, OddPortNamesAreEscaped) {
  RoundTrip rt = round_trip("e.v", "module e(input \\a+b , input [1:0] \\in.x , output \\out$ );\n"
                                   "  assign \\out$ = \\a+b & \\in.x [1];\nendmodule\n",
                            "e");
  EXPECT_TRUE(rt.verdict.proven) << format_verify_result(rt.verdict);
  EXPECT_NE(rt.netlist.find("\\a+b "), std::string::npos) << rt.netlist;
}

TEST(WriteVerilog, MutatedNetlistIsRefused) {
  RoundTrip rt = round_trip("fa.v", "module fa(input a, b, c, output s, co);\n  assign {co, s} = a + b + c;\nendmodule\n",
                            "fa");
  ASSERT_TRUE(rt.verdict.proven);
  // Rewire the first input of every NAND in turn to another input port: each
  // mutant that changes the function must be refused; at least one must.
  TempDir dir;
  std::string cells = write_source(dir, "nf_cells.v", nf_cells_verilog());
  std::regex gate(R"(nand (g[0-9]+) \(([^,]+), ([^,]+), )");
  int refused = 0, mutants = 0;
  for (std::sregex_iterator it(rt.netlist.begin(), rt.netlist.end(), gate), end; it != end; ++it) {
    std::string original = (*it)[0];
    std::string input = (*it)[3];
    std::string replacement = input == "a" ? "b" : "a";
    std::string mutated = rt.netlist;
    mutated.replace(static_cast<std::size_t>(it->position()), original.size(),
                    "nand " + std::string((*it)[1]) + " (" + std::string((*it)[2]) + ", " + replacement + ", ");
    FrontendParams np;
    np.files = {cells, write_source(dir, "m.v", mutated)};
    np.top = "fa";
    VerifyResult v = check_equivalence(rt.synth.gold, read_netlist(np));
    ++mutants;
    if (!v.proven) {
      ++refused;
      ASSERT_FALSE(v.counterexamples.empty());
      EXPECT_NE(v.counterexamples[0].gold_value, v.counterexamples[0].netlist_value);
    }
  }
  EXPECT_GT(mutants, 5);
  EXPECT_GT(refused, mutants / 2);
}

TEST(WriteVerilog, KeywordsOfVerilogAndSystemVerilogAreEscaped) {
  EXPECT_EQ(verilog_identifier("count"), "count");
  EXPECT_EQ(verilog_identifier("wire"), "\\wire ");
  EXPECT_EQ(verilog_identifier("table"), "\\table ");     // Verilog-2005
  EXPECT_EQ(verilog_identifier("packed"), "\\packed ");   // SystemVerilog: Verilator reads .v as SV
  EXPECT_EQ(verilog_identifier("a[0]"), "\\a[0] ");
}

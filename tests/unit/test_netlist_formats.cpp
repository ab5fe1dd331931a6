// The other netlist formats (io/netlist_formats.hpp) and the viewer's pieces: written
// netlists read back through Yosys and proven; names unique; the truth table.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "flow/synth_flow.hpp"
#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"
#include "test_util.hpp"
#include "util/error.hpp"
#include "verify/equivalence.hpp"
#include "view/schematic_page.hpp"

using namespace nandflow;
using nandflow::test::write_source;

namespace {

SynthResult synth_text(const TempDir& dir, const std::string& text, const std::string& top) {
  synth_params ps;
  ps.frontend.files = {write_source(dir, top + ".v", text)};
  ps.frontend.top = top;
  return synthesize(ps);
}

VerifyResult read_back(const TempDir& dir, const SynthResult& r, const std::string& file, const std::string& text) {
  FrontendParams np;
  np.files = {write_source(dir, file, text)};
  np.top = r.design.top;
  return check_equivalence(r.gold, read_netlist(np));
}

}  // namespace

TEST(NetlistFormats, ExtensionsPickTheFormat) {
  EXPECT_EQ(netlist_format_of("a/b.blif"), NetlistFormat::Blif);
  EXPECT_EQ(netlist_format_of("x.aig"), NetlistFormat::AigerBinary);
  EXPECT_EQ(netlist_format_of("x.aag"), NetlistFormat::AigerAscii);
  EXPECT_EQ(netlist_format_of("x.json"), NetlistFormat::YosysJson);
  EXPECT_EQ(netlist_format_of("x.v"), NetlistFormat::Verilog);
  EXPECT_FALSE(netlist_format_of("x.edif").has_value());
}

// Every kind of storage (asynchronous reset and set, both edges, a latch) survives
// Yosys's JSON: read back by Yosys's read_json, proven against the source.
TEST(NetlistFormats, YosysJsonKeepsEveryStorageKind) {
  TempDir dir;
  SynthResult r = synth_text(dir,
                             "module st(input clk, input rst_n, input set, input en, input [1:0] d, output reg a,\n"
                             "          output reg b, output reg c, output reg l);\n"
                             "  always @(posedge clk or negedge rst_n) if (!rst_n) a <= 0; else a <= d[0];\n"
                             "  always @(negedge clk or posedge set) if (set) b <= 1; else b <= d[1] ^ a;\n"
                             "  always @(posedge clk or posedge set or negedge rst_n)\n"
                             "    if (!rst_n) c <= 0; else if (set) c <= 1; else c <= b;\n"
                             "  always @* if (en) l = d[0] & d[1];\nendmodule\n",
                             "st");
  ASSERT_EQ(r.flops + r.latches, 4u);
  VerifyResult v = read_back(dir, r, "st.json", write_yosys_json(r.design, r.net));
  EXPECT_TRUE(v.proven) << format_verify_result(v);
  EXPECT_THROW(check_storage_fits(r.design, NetlistFormat::Blif, "st.blif"), UserError);
  EXPECT_THROW(check_storage_fits(r.design, NetlistFormat::Bench, "st.bench"), UserError);
  EXPECT_NO_THROW(check_storage_fits(r.design, NetlistFormat::YosysJson, "st.json"));
}

TEST(NetlistFormats, AigerAndBlifReadBackProven) {
  TempDir dir;
  SynthResult r = synth_text(dir,
                             "module acc(input clk, input [2:0] x, output reg [3:0] s);\n"
                             "  always @(posedge clk) s <= s + x;\nendmodule\n",
                             "acc");
  EXPECT_NO_THROW(check_storage_fits(r.design, NetlistFormat::AigerBinary, "acc.aig"));
  for (bool binary : {false, true}) {
    std::string text = write_aiger(r.design, r.net, binary);
    VerifyResult v = read_back(dir, r, binary ? "acc.aig" : "acc.aag", text);
    EXPECT_TRUE(v.proven) << format_verify_result(v);
    // The AND count is the NAND count; the clock is implicit (3 inputs, not 4).
    EXPECT_EQ(text.substr(0, 4 + text.substr(4).find('\n')),
              std::string(binary ? "aig " : "aag ") + std::to_string(3 + 4 + r.nands) + " 3 4 4 " + std::to_string(r.nands));
  }
  VerifyResult v = read_back(dir, r, "acc.blif", write_blif(r.design, r.net));
  EXPECT_TRUE(v.proven) << format_verify_result(v);
}

// Names are unique even when a port is called like a gate, and a gate driving an output
// takes the output's name.
TEST(NetlistFormats, NamesAreUniqueAndOutputsNameTheirDrivers) {
  TempDir dir;
  SynthResult r = synth_text(dir, "module nm(input n1, input n2, output y, output z);\n"
                                  "  assign y = ~(n1 & n2);\n  assign z = n1;\nendmodule\n", "nm");
  NetlistNames names = netlist_names(r.design, r.net);
  std::set<std::string> all(names.input.begin(), names.input.end());
  all.insert(names.gate.begin(), names.gate.end());
  EXPECT_EQ(all.size(), names.input.size() + names.gate.size());
  ASSERT_EQ(r.net.gates.size(), 1u);
  EXPECT_EQ(names.gate[0], "y");
  EXPECT_FALSE(names.output_is_buffer[0]);
  EXPECT_TRUE(names.output_is_buffer[1]);  // z is the input n1
  std::string bench = write_bench(r.design, r.net);
  EXPECT_NE(bench.find("y = NAND(n1, n2)"), std::string::npos) << bench;
  EXPECT_NE(bench.find("z = BUFF(n1)"), std::string::npos) << bench;
}

TEST(SchematicPage, TruthTableIsTheNetworksOwnEvaluation) {
  TempDir dir;
  SynthResult r = synth_text(dir, "module fa(input a, b, c, output s, co);\n  assign {co, s} = a + b + c;\nendmodule\n", "fa");
  auto table = truth_table(r.net, 8);
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(table->size(), 8u);
  for (const auto& row : *table) {
    std::string in = row["in"], out = row["out"];
    int sum = (in[0] - '0') + (in[1] - '0') + (in[2] - '0');
    EXPECT_EQ(out, std::string(1, char('0' + (sum & 1))) + char('0' + (sum >> 1))) << in;
  }
  EXPECT_FALSE(truth_table(r.net, 2).has_value());  // more inputs than asked for
}

TEST(SchematicPage, BlockDiagramLabelsInstancesAndWires) {
  nlohmann::json j = nlohmann::json::parse(R"({"modules": {
    "top": {"ports": {"a": {"direction": "input", "bits": [2]}, "y": {"direction": "output", "bits": [4]}},
            "cells": {"u1": {"type": "inv", "port_directions": {"i": "input", "o": "output"},
                             "connections": {"i": [2], "o": [3]}},
                      "u2": {"type": "inv", "port_directions": {"i": "input", "o": "output"},
                             "connections": {"i": [3], "o": [4]}}},
            "netnames": {"a": {"hide_name": 0, "bits": [2]}, "mid": {"hide_name": 0, "bits": [3]},
                         "y": {"hide_name": 0, "bits": [4]}}},
    "inv": {"ports": {}, "cells": {}, "netnames": {}}}})");
  std::vector<std::string> blocks;
  std::string dot = block_diagram_dot(j, "top", {"top", "inv"}, [](const std::string& m) { return m + "\n1 NAND"; },
                                      &blocks);
  EXPECT_EQ(blocks, (std::vector<std::string>{"inv", "inv"}));
  EXPECT_NE(dot.find("b0 [label=\"u1\ninv\n1 NAND\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("b0 -> b1 [label=\"mid\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("b1 -> p1 [label=\"y\"]"), std::string::npos) << dot;
}

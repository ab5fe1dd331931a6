// The netlist formats nandflow writes besides structural Verilog, chosen by the
// extension of -o, for the tools researchers take a netlist on to:
//   .blif        Berkeley ABC, VPR, SIS (.names per gate, .latch per flip-flop)
//   .aag / .aig  AIGER, ASCII or binary (each NAND is an AND with a negated output)
//   .bench       ISCAS bench (NAND(...), DFF(...))
//   .dot         Graphviz (inputs left, outputs right; the HTML viewer's layout)
//   .json        Yosys's JSON netlist ($_NAND_ cells and Yosys's flip-flop cells)
// Formats without clocks (AIGER, bench) hold rising-edge flip-flops of one clock;
// BLIF adds falling edges and latches; none of the three has asynchronous reset or
// set, and asking for them is an error that names the flip-flop and the formats
// that do (Verilog, JSON).
#pragma once

#include <optional>
#include <string>

#include "network/design.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

enum class NetlistFormat { Verilog, Blif, AigerAscii, AigerBinary, Bench, Dot, YosysJson };

// The format for an output path, by extension; nothing for an unknown extension.
std::optional<NetlistFormat> netlist_format_of(const std::string& path);
const char* netlist_format_name(NetlistFormat f);
// "-o: .v .blif .aag .aig .bench .dot .json"
const char* netlist_extensions_help();

// `header`: comment lines written at the top of the file (without a comment marker).
std::string write_blif(const Design& design, const NandNetwork& net, const std::string& header = "");
std::string write_bench(const Design& design, const NandNetwork& net, const std::string& header = "");
std::string write_aiger(const Design& design, const NandNetwork& net, bool binary, const std::string& header = "");
std::string write_yosys_json(const Design& design, const NandNetwork& net, const std::string& header = "");

struct write_dot_params {
  bool ids = true;        // node ids i<k> o<k> g<k> l<k>, edge ids e<k> (for the viewer)
};
// The edges in the order write_dot numbers them: each the network signal it carries.
struct DotEdges {
  std::vector<NandSig> source;
};
std::string write_dot(const Design& design, const NandNetwork& net, const write_dot_params& ps = {},
                      DotEdges* edges = nullptr);

// `s` as a DOT string: in double quotes, with " and \ escaped.
std::string dot_quoted(const std::string& s);
// `s` as text in HTML (a DOT HTML-like label, the viewer's page): < > & " escaped.
std::string html_escaped(const std::string& s);

// Throws UserError when the format cannot hold one of the design's flip-flops or
// latches; `path` names the file in the message.
void check_storage_fits(const Design& design, NetlistFormat f, const std::string& path);

}  // namespace nandflow

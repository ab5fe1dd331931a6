// Graphviz DOT of a NAND netlist: inputs on the left, outputs on the right, a node
// per gate, a table per flip-flop or latch showing its pins (io/netlist_formats.hpp).
// With ids on, every node and edge carries an id the HTML viewer finds in the SVG
// that `dot -Tsvg` draws: i<k> input bit k, o<k> output bit k, g<k> gate k (from 1,
// as in the Verilog netlist), l<k> flip-flop k, c0/c1 the constants, e<k> edge k.
#include <sstream>

#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"

namespace nandflow {

namespace {

std::string node_of(const NandSig& s) {
  switch (s.kind) {
    case NandSig::Kind::Const0: return "c0";
    case NandSig::Kind::Const1: return "c1";
    case NandSig::Kind::Input: return "i" + std::to_string(s.index);
    case NandSig::Kind::Latch: return "l" + std::to_string(s.index);
    case NandSig::Kind::Gate: return "g" + std::to_string(s.index + 1);
  }
  return "c0";
}

}  // namespace

std::string dot_quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

std::string html_escaped(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '<') r += "&lt;";
    else if (c == '>') r += "&gt;";
    else if (c == '&') r += "&amp;";
    else if (c == '"') r += "&quot;";
    else r += c;
  }
  return r;
}

std::string write_dot(const Design& design, const NandNetwork& net, const write_dot_params& ps, DotEdges* edges) {
  NetlistNames names = netlist_names(design, net);
  std::ostringstream d;
  auto id = [&](const std::string& node) { return ps.ids ? ", id=" + dot_quoted(node) : std::string(); };
  d << "// " << design.top << ": " << net.gates.size() << " NAND gates, " << net.latches.size()
    << " flip-flops and latches\n";
  // Graphviz's network simplex runs long on large netlists (the Hack CPU: minutes); past
  // a few hundred cells its iterations are bounded, by counts, so the layout stays the same
  // on every machine and takes seconds.
  const bool large = net.gates.size() + net.latches.size() > 400;
  d << "digraph " << dot_quoted(design.top) << " {\n"
    << "  graph [rankdir=LR, nodesep=0.18, ranksep=0.45, bgcolor=\"transparent\""
    << (large ? ", mclimit=0.3, nslimit=0.1, nslimit1=1" : "") << "];\n"
    << "  node [fontname=\"Helvetica\", fontsize=11, height=0.3];\n"
    << "  edge [arrowsize=0.5, penwidth=1.2];\n";
  d << "  { rank=source;\n";
  for (std::size_t i = 0; i < names.input.size(); ++i)
    d << "    i" << i << " [label=" << dot_quoted(names.input[i])
      << ", shape=box, style=\"rounded,filled\", fillcolor=\"#dbeafe\", class=\"input\"" << id("i" + std::to_string(i))
      << "];\n";
  d << "  }\n  { rank=sink;\n";
  for (std::size_t o = 0; o < names.output.size(); ++o)
    d << "    o" << o << " [label=" << dot_quoted(names.output[o])
      << ", shape=box, style=\"rounded,filled\", fillcolor=\"#fde68a\", class=\"output\"" << id("o" + std::to_string(o))
      << "];\n";
  d << "  }\n";
  for (bool value : {false, true})
    if (uses_constant(net, value))
      d << "  c" << value << " [label=\"" << value << "\", shape=plaintext, class=\"const\"" << id(std::string("c") + (value ? "1" : "0"))
        << "];\n";
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    d << "  g" << g + 1 << " [label=\"NAND\", shape=box, style=rounded, fontsize=8, width=0.5, height=0.36, "
      << "fixedsize=true, class=\"gate\"" << id("g" + std::to_string(g + 1)) << "];\n";
  // Storage as a table: its pins (D, C or E, R, S) on the left, its name on the right.
  // (An HTML-like label: Graphviz's record shapes break on edges that do not rank.)
  for (std::size_t i = 0; i < net.latches.size(); ++i) {
    const Latch& l = design.aig.latch(i);
    std::vector<std::pair<std::string, std::string>> pins = {
        {"d", "D"}, {"c", std::string(l.level_sensitive ? "E" : "C") + (l.negedge ? "'" : "")}};
    if (l.async_reset != kLit0) pins.push_back({"r", "R"});
    if (l.async_set != kLit0) pins.push_back({"s", "S"});
    d << "  l" << i << " [shape=plain, class=\"" << (l.level_sensitive ? "latch" : "flipflop") << "\""
      << id("l" + std::to_string(i)) << ", label=<<TABLE BORDER=\"1\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
      << "CELLPADDING=\"2\" BGCOLOR=\"" << (l.level_sensitive ? "#ede9fe" : "#dcfce7") << "\">";
    for (std::size_t k = 0; k < pins.size(); ++k) {
      d << "<TR><TD PORT=\"" << pins[k].first << "\"><FONT POINT-SIZE=\"8\">" << pins[k].second << "</FONT></TD>";
      if (k == 0) d << "<TD ROWSPAN=\"" << pins.size() << "\">" << html_escaped(names.latch[i]) << "</TD>";
      d << "</TR>";
    }
    d << "</TABLE>>];\n";
  }
  std::size_t edge = 0;
  // Edges into flip-flops and latches do not rank them: storage sits near the inputs
  // and its outputs run forward, the way a state machine is drawn, and the long
  // feedback edges do not stretch the whole drawing.
  auto connect = [&](const NandSig& from, const std::string& to) {
    d << "  " << node_of(from) << (from.kind == NandSig::Kind::Gate || from.kind == NandSig::Kind::Latch ? ":e" : "")
      << " -> " << to;
    std::string attrs = ps.ids ? "id=\"e" + std::to_string(edge) + "\"" : "";
    if (to[0] == 'l') attrs += std::string(attrs.empty() ? "" : ", ") + "constraint=false";
    if (!attrs.empty()) d << " [" << attrs << "]";
    d << ";\n";
    if (edges) edges->source.push_back(from);
    ++edge;
  };
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    for (const NandSig& in : net.gates[g]) connect(in, "g" + std::to_string(g + 1) + ":w");
  for (std::size_t i = 0; i < net.latches.size(); ++i) {
    const Latch& l = design.aig.latch(i);
    std::string node = "l" + std::to_string(i);
    connect(net.latches[i].d, node + ":d:w");
    connect(net.latches[i].clock, node + ":c:w");
    if (l.async_reset != kLit0) connect(net.latches[i].reset, node + ":r:w");
    if (l.async_set != kLit0) connect(net.latches[i].set, node + ":s:w");
  }
  for (std::size_t o = 0; o < net.outputs.size(); ++o) connect(net.outputs[o], "o" + std::to_string(o) + ":w");
  d << "}\n";
  return d.str();
}

}  // namespace nandflow

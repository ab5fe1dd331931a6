#include "view/schematic_page.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <algorithm>
#include <functional>

#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"
#include "page_text.hpp"
#include "sim/bit_sim.hpp"
#include "util/error.hpp"
#include "util/subprocess.hpp"
#include "util/temp_dir.hpp"

namespace nandflow {

namespace {

// What the page simulates and shows on hover: the gates, the storage, the names. Signals
// are numbered as NandNetwork::id_of numbers them.
nlohmann::json gate_model(const Design& design, const NandNetwork& net, const DotEdges& edges) {
  NetlistNames names = netlist_names(design, net);
  nlohmann::json m;
  m["num_inputs"] = net.num_inputs;
  m["first_gate"] = net.first_gate_id();
  m["inputs"] = names.input;
  m["outputs"] = names.output;
  m["gate_names"] = names.gate;
  nlohmann::json ports = nlohmann::json::array();
  for (const Port& p : design.ports)
    ports.push_back({{"name", p.name}, {"dir", p.dir == PortDir::Input ? "in" : "out"}, {"bits", p.bits},
                     {"signed", p.is_signed}});
  m["ports"] = ports;
  nlohmann::json gates = nlohmann::json::array();
  for (const auto& g : net.gates) gates.push_back({net.id_of(g[0]), net.id_of(g[1])});
  m["gates"] = gates;
  nlohmann::json out = nlohmann::json::array();
  for (const NandSig& s : net.outputs) out.push_back(net.id_of(s));
  m["output_sigs"] = out;
  nlohmann::json storage = nlohmann::json::array();
  for (std::size_t i = 0; i < net.latches.size(); ++i) {
    const Latch& l = design.aig.latch(i);
    const auto& p = net.latches[i];
    storage.push_back({{"name", names.latch[i]},
                       {"d", net.id_of(p.d)},
                       {"clk", net.id_of(p.clock)},
                       {"r", l.async_reset != kLit0 ? nlohmann::json(net.id_of(p.reset)) : nlohmann::json()},
                       {"s", l.async_set != kLit0 ? nlohmann::json(net.id_of(p.set)) : nlohmann::json()},
                       {"negedge", l.negedge},
                       {"level", l.level_sensitive},
                       {"init", l.init == InitValue::One ? 1 : 0},
                       {"src", l.src}});
  }
  m["storage"] = storage;
  nlohmann::json e = nlohmann::json::array();
  for (const NandSig& s : edges.source) e.push_back(net.id_of(s));
  m["edges"] = e;
  return m;
}

// "<svg ...>...</svg>" without the XML prologue and comments dot writes before it.
std::string svg_element(const std::string& svg) {
  std::size_t at = svg.find("<svg");
  return at == std::string::npos ? svg : svg.substr(at);
}

// JSON inside a <script> element: "</" would end it.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else {
      out += json[i];
    }
  }
  return out;
}

}  // namespace

std::optional<nlohmann::json> truth_table(const NandNetwork& net, std::size_t max_inputs) {
  const std::size_t n = net.num_inputs;
  if (!net.latches.empty() || n > max_inputs || n > 16) return std::nullopt;
  const std::size_t rows = std::size_t{1} << n;
  nlohmann::json table = nlohmann::json::array();
  for (std::size_t base = 0; base < rows; base += 64) {
    std::vector<std::uint64_t> in(n, 0);
    for (std::size_t r = base; r < std::min(rows, base + 64); ++r)
      for (std::size_t i = 0; i < n; ++i)
        if ((r >> (n - 1 - i)) & 1) in[i] |= std::uint64_t{1} << (r - base);
    std::vector<std::uint64_t> gates = simulate_nand_words(net, in, {});
    for (std::size_t r = base; r < std::min(rows, base + 64); ++r) {
      std::string ins, outs;
      for (std::size_t i = 0; i < n; ++i) ins += ((in[i] >> (r - base)) & 1) ? '1' : '0';
      for (const NandSig& s : net.outputs)
        outs += ((nand_signal_value(s, gates, in, {}) >> (r - base)) & 1) ? '1' : '0';
      table.push_back({{"in", ins}, {"out", outs}});
    }
  }
  return table;
}

std::string block_diagram_dot(const nlohmann::json& yosys_json, const std::string& module,
                              const std::vector<std::string>& shown_modules,
                              const std::function<std::string(const std::string&)>& label,
                              std::vector<std::string>* block_modules) {
  const nlohmann::json& mod = yosys_json.at("modules").at(module);
  static const nlohmann::json kNone = nlohmann::json::object();
  auto member = [](const nlohmann::json& j, const char* key) -> const nlohmann::json& {
    return j.contains(key) ? j.at(key) : kNone;
  };
  // The readable name of every bit: "x0" or "out[3]" (named wires only).
  std::map<long, std::pair<std::string, std::size_t>> bit_name;  // bit -> (wire, index)
  for (const auto& [name, nn] : member(mod, "netnames").items()) {
    if (nn.value("hide_name", 0) != 0) continue;
    const auto& bits = nn.at("bits");
    for (std::size_t i = 0; i < bits.size(); ++i)
      if (bits[i].is_number() && !bit_name.count(bits[i].get<long>())) bit_name[bits[i].get<long>()] = {name, i};
  }
  std::map<long, std::string> driver;  // bit -> node
  std::ostringstream d;
  d << "digraph " << dot_quoted(module) << " {\n"
    << "  graph [rankdir=LR, nodesep=0.3, ranksep=0.3, bgcolor=\"transparent\"];\n"
    << "  node [fontname=\"Helvetica\", fontsize=16];\n  edge [fontname=\"Helvetica\", fontsize=13, arrowsize=0.8];\n";
  std::vector<std::pair<std::string, std::vector<long>>> readers;  // (node[:port], bits)
  std::size_t k = 0;
  d << "  { rank=source;\n";
  for (const auto& [name, port] : mod.at("ports").items())
    if (port.at("direction") == "input") {
      std::string node = "p" + std::to_string(k++);
      d << "    " << node << " [label=" << dot_quoted(name) << ", shape=box, style=\"rounded,filled\", fillcolor=\"#dbeafe\"];\n";
      for (const auto& b : port.at("bits"))
        if (b.is_number()) driver[b.get<long>()] = node;
    }
  d << "  }\n  { rank=sink;\n";
  for (const auto& [name, port] : mod.at("ports").items())
    if (port.at("direction") != "input") {
      std::string node = "p" + std::to_string(k++);
      d << "    " << node << " [label=" << dot_quoted(name) << ", shape=box, style=\"rounded,filled\", fillcolor=\"#fde68a\"];\n";
      std::vector<long> bits;
      for (const auto& b : port.at("bits"))
        if (b.is_number()) bits.push_back(b.get<long>());
      readers.push_back({node, bits});
    }
  d << "  }\n";
  std::size_t logic = 0;
  for (const auto& [cname, cell] : member(mod, "cells").items()) {
    std::string type = cell.at("type");
    bool is_block = std::find(shown_modules.begin(), shown_modules.end(), type) != shown_modules.end();
    std::string node;
    if (is_block) {
      node = "b" + std::to_string(block_modules->size());
      block_modules->push_back(type);
      std::string shown = cname[0] == '\\' || cname[0] == '$' ? cname.substr(1) : cname;
      d << "  " << node << " [label=" << dot_quoted(shown + "\n" + label(type))
        << ", shape=box, style=\"filled\", fillcolor=\"#f3f4f6\", class=\"block\", id=\"" << node << "\"];\n";
    } else {
      node = "x" + std::to_string(logic++);
      d << "  " << node << " [label=" << dot_quoted(type[0] == '$' ? type.substr(1) : type)
        << ", shape=ellipse, fontsize=9, style=dashed];\n";
    }
    const nlohmann::json& dirs = member(cell, "port_directions");
    for (const auto& [pin, bits] : cell.at("connections").items()) {
      bool output = dirs.contains(pin) ? dirs.at(pin) == "output" : (pin == "Y" || pin == "Q");
      std::vector<long> numbers;
      for (const auto& b : bits)
        if (b.is_number()) numbers.push_back(b.get<long>());
      if (output)
        for (long b : numbers) driver[b] = node;
      else
        readers.push_back({node, numbers});
    }
  }
  // One edge per (driver, reader) pair, labelled with the wires it carries.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> wires;
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& [reader, bits] : readers)
    for (long b : bits) {
      auto it = driver.find(b);
      if (it == driver.end() || it->second == reader) continue;
      auto key = std::make_pair(it->second, reader);
      if (!wires.count(key)) order.push_back(key);
      auto nm = bit_name.find(b);
      if (nm != bit_name.end()) wires[key].insert(nm->second.first);
      else wires[key];
    }
  for (const auto& key : order) {
    std::string text;
    for (const std::string& w : wires[key]) text += (text.empty() ? "" : ", ") + w;
    if (text.size() > 24) text = text.substr(0, 22) + "...";
    d << "  " << key.first << " -> " << key.second << " [label=" << dot_quoted(text) << "];\n";
  }
  d << "}\n";
  return d.str();
}

std::string render_svg(const std::string& dot_text) {
  if (!program_exists("dot"))
    throw UserError("view: Graphviz's dot is not installed (Debian: apt install graphviz; make deps installs it)");
  TempDir tmp("nandflow-view");
  std::string in = tmp.file("graph.dot"), out = tmp.file("graph.svg");
  write_file_atomic(in, dot_text);
  ProcessResult r = run_process({"dot", "-Tsvg", "-o", out, in});
  if (r.exit_code != 0) throw UserError("view: dot failed: " + r.output);
  std::ifstream f(out);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

std::string schematic_page(const std::string& title, const std::string& top, const std::vector<ModuleView>& modules,
                           const view_params& ps, nlohmann::json* report) {
  nlohmann::json data;
  data["top"] = top;
  data["max_truth_inputs"] = ps.max_truth_inputs;  // the page's own truth table obeys the same limit
  nlohmann::json mods = nlohmann::json::object();
  nlohmann::json summary = nlohmann::json::array();
  for (const ModuleView& mv : modules) {
    nlohmann::json m;
    m["display"] = mv.display_name;
    m["nands"] = mv.nands;
    m["flops"] = mv.flops;
    m["latches"] = mv.latches;
    m["nand_equivalent"] = mv.nand_equivalent;
    nlohmann::json children = nlohmann::json::array();
    for (const auto& [c, n] : mv.children) children.push_back({c, n});
    m["children"] = children;
    if (!mv.blocks_dot.empty()) {
      m["blocks_svg"] = svg_element(render_svg(mv.blocks_dot));
      m["block_modules"] = mv.block_modules;
    }
    const std::size_t size = mv.nands + mv.flops + mv.latches;
    bool drawn = mv.design && mv.net && size <= ps.max_gates;
    std::optional<nlohmann::json> table;
    if (drawn) {
      DotEdges edges;
      m["gates_svg"] = svg_element(render_svg(write_dot(*mv.design, *mv.net, {}, &edges)));
      m["model"] = gate_model(*mv.design, *mv.net, edges);
      table = truth_table(*mv.net, ps.max_truth_inputs);
    } else {
      m["gates_message"] = mv.display_name + " has " + std::to_string(mv.nands) + " NAND gates and " +
                           std::to_string(mv.flops + mv.latches) + " flip-flops and latches: more than the " +
                           std::to_string(ps.max_gates) +
                           " this page draws (nandflow view --max-gates N draws more, and a browser may take long)." +
                           (mv.children.empty() ? "" : " Open its parts in the module view.");
    }
    mods[mv.name] = m;
    nlohmann::json s = {{"module", mv.display_name},  {"name", mv.name},          {"nand2", mv.nands},
                        {"flip_flops", mv.flops},     {"latches", mv.latches},    {"nand_equivalent", mv.nand_equivalent},
                        {"drawn", drawn}};
    if (table) s["truth_table"] = *table;
    summary.push_back(s);
  }
  data["modules"] = mods;
  if (report) *report = {{"top", top}, {"modules", summary}};
  std::string page = kViewPageText;
  const std::string marker = "/*NANDFLOW_DATA*/";
  std::size_t at = page.find(marker);
  page.replace(at, marker.size(), "const NF = " + script_safe(data.dump()) + ";");
  const std::string title_marker = "NANDFLOW_TITLE";
  for (std::size_t t; (t = page.find(title_marker)) != std::string::npos;)
    page.replace(t, title_marker.size(), html_escaped(title));
  return page;
}

}  // namespace nandflow

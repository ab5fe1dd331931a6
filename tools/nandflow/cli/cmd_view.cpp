// nandflow view: the design's NAND netlist as an interactive HTML page.
#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "flow/hierarchy.hpp"
#include "util/error.hpp"
#include "util/temp_dir.hpp"
#include "view/schematic_page.hpp"

namespace nandflow {
namespace {

const char* kHelp =
    "usage: nandflow view FILE... [--top NAME] [-o PAGE.html] [--json REPORT.json] [options]\n"
    "\n"
    "Writes one self-contained HTML page (no server, no network) that draws the design's\n"
    "NAND netlist, laid out by Graphviz (inputs left, outputs right, flip-flops and\n"
    "latches as boxes with their pins) and simulates it: click an input to toggle it,\n"
    "step the clock with a button, every wire coloured by its value (green 1, grey 0);\n"
    "hovering a gate shows its inputs, a flip-flop its source line. Designs of up to 8\n"
    "inputs without storage get their truth table. A design with submodules (the Hack\n"
    "chips) opens in a module view: each instance a box with its NAND count (as\n"
    "`nandflow count` gives it), opened by a click to show its own gates.\n"
    "\n"
    "options:\n"
    "  -o PAGE.html       where to write the page (default: TOP.html)\n"
    "  --json FILE        the page's summary as JSON: each module's counts and, for\n"
    "                     small combinational ones, the truth table nandflow computes\n"
    "  --max-gates N      draw modules of at most N gates and storage cells (default\n"
    "                     2000); larger ones show their counts and a note\n";

}  // namespace

int cmd_view(int argc, char** argv) {
  int status = 0;
  auto parsed = parse_command(argc, argv, {"view", kHelp, {"-o", "--json", "--max-gates"}, {}}, &status);
  if (!parsed) return status;
  const Args& args = *parsed;
  view_params vp;
  if (args.has("--max-gates")) {
    const std::string& n = args.get("--max-gates");
    if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos)
      throw UserError("--max-gates takes a number, not '" + n + "'");
    vp.max_gates = std::stoul(n);
  }
  FrontendParams fp = frontend_params(args, args.positional());
  TempDir tmp;
  DesignHierarchy h = read_design_hierarchy(fp, tmp.path());
  std::string out = args.has("-o") ? args.get("-o") : h.module(h.top).base_name + ".html";
  synth_params effort;
  apply_effort_options(args, &effort);

  // Every module below the top, once, in tree order.
  std::vector<std::string> order;
  std::function<void(const std::string&)> collect = [&](const std::string& m) {
    if (std::find(order.begin(), order.end(), m) != order.end()) return;
    order.push_back(m);
    for (const auto& [child, n] : h.children(m)) collect(child);
  };
  collect(h.top);

  std::map<std::string, SynthResult> results;
  std::size_t done = 0;
  for (const std::string& m : order) {
    std::cerr << "nandflow: view: synthesising " << h.module(m).display_name << " (" << ++done << "/" << order.size()
              << ")\n";
    if (order.size() == 1) {  // a flat design: read as `nandflow synth` reads it, same count
      synth_params sp = effort;
      sp.frontend = fp;
      results.emplace(m, synthesize(sp));
    } else {
      results.emplace(m, synthesize_module(h, m, effort));
    }
  }
  nlohmann::json hierarchy;
  {
    std::ifstream f(h.json_path);
    hierarchy = nlohmann::json::parse(f);
  }
  auto label = [&](const std::string& m) {
    const SynthResult& r = results.at(m);
    std::string s = h.module(m).display_name + "\n" + std::to_string(r.nands) + " NAND";
    if (r.flops + r.latches) s += " + " + std::to_string(r.flops + r.latches) + " storage";
    return s;
  };
  std::vector<ModuleView> views;
  for (const std::string& m : order) {
    const SynthResult& r = results.at(m);
    ModuleView v;
    v.name = m;
    v.display_name = h.module(m).display_name;
    v.nands = r.nands, v.flops = r.flops, v.latches = r.latches, v.nand_equivalent = r.nand_equivalent;
    v.children = h.children(m);
    if (!v.children.empty()) v.blocks_dot = block_diagram_dot(hierarchy, m, order, label, &v.block_modules);
    v.design = &r.design;
    v.net = &r.net;
    views.push_back(std::move(v));
  }
  std::cerr << "nandflow: view: laying out with Graphviz dot\n";
  nlohmann::json report;
  std::string title = h.module(h.top).display_name + " in NAND gates (nandflow)";
  std::string page = schematic_page(title, h.top, views, vp, &report);
  create_parent_directories(out);
  write_file_atomic(out, page);
  if (args.has("--json")) write_file_atomic(args.get("--json"), report.dump(2) + "\n");
  const SynthResult& top = results.at(h.top);
  std::cout << "nandflow: wrote " << out << ": " << h.module(h.top).display_name << ", " << top.nands << " NAND2, "
            << top.flops << " flip-flops" << (top.latches ? ", " + std::to_string(top.latches) + " latches" : "")
            << (order.size() > 1 ? ", " + std::to_string(order.size()) + " modules" : "") << "\n";
  return 0;
}

}  // namespace nandflow

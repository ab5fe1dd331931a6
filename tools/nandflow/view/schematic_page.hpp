// `nandflow view`: one self-contained HTML page that draws a design's NAND netlist
// (laid out by Graphviz's dot) and simulates it in the browser: inputs toggled by a
// click, the clock stepped by a button, every wire coloured by its value.
// Hierarchical designs get a module view: each instance a box with its NAND count
// (the same as `nandflow count`), opened to show its own gates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "network/design.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

struct view_params {
  std::size_t max_gates = 2000;  // modules with more gates (and storage) are not drawn
  std::size_t max_truth_inputs = 8;
};

// One module of the page.
struct ModuleView {
  std::string name;          // Yosys's name (unique)
  std::string display_name;  // "Mux16" or "Foo(W=8)"
  std::size_t nands = 0, flops = 0, latches = 0, nand_equivalent = 0;
  std::vector<std::pair<std::string, std::size_t>> children;  // (module name, instances)
  std::string blocks_dot;    // the instance diagram (modules with children), or empty
  std::vector<std::string> block_modules;  // module drawn as block node b<k>
  const Design* design = nullptr;     // the synthesised module (gates view)
  const NandNetwork* net = nullptr;
};

// The truth table of a combinational network with few inputs, by nandflow's own
// bit-parallel simulation: row m sets input i to bit (n-1-i) of m (input 0 is the
// most significant). Each row is {"in": "010", "out": "10"}; nothing when the network
// has storage or more than max_inputs inputs.
std::optional<nlohmann::json> truth_table(const NandNetwork& net, std::size_t max_inputs);

// The instance diagram of `module` from Yosys's JSON of the hierarchy: ports and
// instances (b<k>, module in *block_modules), wires labelled by their names;
// `label(module)` gives each box's second line (its NAND count).
std::string block_diagram_dot(const nlohmann::json& yosys_json, const std::string& module,
                              const std::vector<std::string>& shown_modules,
                              const std::function<std::string(const std::string&)>& label,
                              std::vector<std::string>* block_modules);

// Runs Graphviz dot on `dot_text`; returns the SVG (throws UserError when dot fails).
std::string render_svg(const std::string& dot_text);

// The whole page; `report` (if given) gets the JSON summary `view --json` writes.
std::string schematic_page(const std::string& title, const std::string& top, const std::vector<ModuleView>& modules,
                           const view_params& ps, nlohmann::json* report = nullptr);

}  // namespace nandflow

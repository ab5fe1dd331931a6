// Yosys's JSON netlist (write_json's format, read back by read_json): one $_NAND_
// cell per gate and Yosys's own fine-grained cell per flip-flop or latch, so every
// kind of storage nandflow keeps fits (io/netlist_formats.hpp).
#include <nlohmann/json.hpp>

#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"

namespace nandflow {

namespace {

// Yosys's name for a flip-flop or latch cell and its control pins' names.
struct StorageCell {
  std::string type;
  const char* clock_pin;
  const char* reset_pin;  // may be nullptr
  const char* set_pin;    // may be nullptr
};

StorageCell storage_cell(const Latch& l) {
  const bool r = l.async_reset != kLit0, s = l.async_set != kLit0;
  const std::string edge = l.negedge ? "N" : "P";
  const std::string base = l.level_sensitive ? "$_DLATCH" : "$_DFF";
  const char* clock = l.level_sensitive ? "E" : "C";
  if (r && s) return {base + "SR_" + edge + "PP_", clock, "R", "S"};
  if (r) return {base + "_" + edge + "P0_", clock, "R", nullptr};
  if (s) return {base + "_" + edge + "P1_", clock, nullptr, "R"};  // Yosys calls the set pin R here
  return {base + "_" + edge + "_", clock, nullptr, nullptr};
}

}  // namespace

std::string write_yosys_json(const Design& design, const NandNetwork& net, const std::string& header) {
  NetlistNames names = netlist_names(design, net);
  // Bit numbers: 0 and 1 are reserved by the format; inputs, latches, gates follow.
  auto bit = [&](const NandSig& s) -> nlohmann::ordered_json {
    switch (s.kind) {
      case NandSig::Kind::Const0: return "0";
      case NandSig::Kind::Const1: return "1";
      case NandSig::Kind::Input: return 2 + s.index;
      case NandSig::Kind::Latch: return 2 + net.num_inputs + s.index;
      case NandSig::Kind::Gate: return 2 + net.num_inputs + net.latches.size() + s.index;
    }
    return "0";
  };
  nlohmann::ordered_json module;
  module["attributes"] = {{"top", "00000000000000000000000000000001"}};
  nlohmann::ordered_json ports = nlohmann::ordered_json::object(), cells = nlohmann::ordered_json::object(),
                         netnames = nlohmann::ordered_json::object();
  for (const Port& p : design.ports) {
    nlohmann::ordered_json port;
    port["direction"] = p.dir == PortDir::Input ? "input" : "output";
    if (p.is_signed) port["signed"] = 1;
    if (p.offset) port["offset"] = p.offset;
    if (p.upto) port["upto"] = 1;
    nlohmann::ordered_json bits = nlohmann::ordered_json::array();
    for (std::size_t b : p.bits)
      bits.push_back(p.dir == PortDir::Input ? bit(NandSig::input(b)) : bit(net.outputs[b]));
    port["bits"] = bits;
    ports[p.name] = port;
    nlohmann::ordered_json nn = {{"hide_name", 0}, {"bits", bits}};
    if (p.offset) nn["offset"] = p.offset;
    if (p.upto) nn["upto"] = 1;
    netnames[p.name] = nn;
  }
  for (std::size_t g = 0; g < net.gates.size(); ++g) {
    cells["g" + std::to_string(g + 1)] = {
        {"hide_name", 0},
        {"type", "$_NAND_"},
        {"parameters", nlohmann::ordered_json::object()},
        {"attributes", nlohmann::ordered_json::object()},
        {"port_directions", {{"A", "input"}, {"B", "input"}, {"Y", "output"}}},
        {"connections", {{"A", {bit(net.gates[g][0])}}, {"B", {bit(net.gates[g][1])}}, {"Y", {bit(NandSig::gate(g))}}}}};
    if (!netnames.contains(names.gate[g])) netnames[names.gate[g]] = {{"hide_name", 0}, {"bits", {bit(NandSig::gate(g))}}};
  }
  for (std::size_t i = 0; i < net.latches.size(); ++i) {
    const Latch& l = design.aig.latch(i);
    const auto& pins = net.latches[i];
    StorageCell c = storage_cell(l);
    nlohmann::ordered_json dirs = {{c.clock_pin, "input"}, {"D", "input"}, {"Q", "output"}};
    nlohmann::ordered_json conn = {{c.clock_pin, {bit(pins.clock)}}, {"D", {bit(pins.d)}}, {"Q", {bit(NandSig::latch(i))}}};
    if (c.reset_pin) dirs[c.reset_pin] = "input", conn[c.reset_pin] = {bit(pins.reset)};
    if (c.set_pin) dirs[c.set_pin] = "input", conn[c.set_pin] = {bit(pins.set)};
    nlohmann::ordered_json attributes = nlohmann::ordered_json::object();
    if (!l.src.empty()) attributes["src"] = l.src;
    cells["ff" + std::to_string(i) + "_" + names.latch[i]] = {{"hide_name", 0},
                                                              {"type", c.type},
                                                              {"parameters", nlohmann::ordered_json::object()},
                                                              {"attributes", attributes},
                                                              {"port_directions", dirs},
                                                              {"connections", conn}};
    nlohmann::ordered_json nn = {{"hide_name", 0}, {"bits", {bit(NandSig::latch(i))}}};
    if (l.init != InitValue::Unknown) nn["attributes"] = {{"init", l.init == InitValue::One ? "1" : "0"}};
    if (!netnames.contains(names.latch[i]) || l.init != InitValue::Unknown) netnames[names.latch[i]] = nn;
  }
  module["ports"] = ports;
  module["cells"] = cells;
  module["netnames"] = netnames;
  nlohmann::ordered_json top;
  top["creator"] = header.empty() ? "nandflow" : header;
  top["modules"] = {{design.top, module}};
  return top.dump(2) + "\n";
}

}  // namespace nandflow

#include "io/netlist_names.hpp"

#include <set>
#include <sstream>

namespace nandflow {

const std::string& NetlistNames::of(const NandSig& s) const {
  switch (s.kind) {
    case NandSig::Kind::Const0: return const0;
    case NandSig::Kind::Const1: return const1;
    case NandSig::Kind::Input: return input[s.index];
    case NandSig::Kind::Latch: return latch[s.index];
    case NandSig::Kind::Gate: return gate[s.index];
  }
  return const0;
}

std::string comment_lines(const std::string& text, const char* marker) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) out += std::string(marker) + " " + line + "\n";
  return out;
}

bool uses_constant(const NandNetwork& net, bool value) {
  bool used = false;
  NandSig c = value ? NandSig::const1() : NandSig::const0();
  auto check = [&](const NandSig& s) { used = used || s == c; };
  for (const auto& g : net.gates) check(g[0]), check(g[1]);
  for (const NandSig& s : net.outputs) check(s);
  // Absent reset and set pins are Const0 by convention: only D and the clock count.
  for (const auto& l : net.latches) check(l.d), check(l.clock);
  return used;
}

NetlistNames netlist_names(const Design& design, const NandNetwork& net) {
  NetlistNames n;
  std::set<std::string> taken;
  auto unique = [&](std::string name) {
    std::string candidate = name;
    for (int k = 1; taken.count(candidate); ++k) candidate = name + "_" + std::to_string(k);
    taken.insert(candidate);
    return candidate;
  };
  n.input.resize(net.num_inputs);
  n.output.resize(net.outputs.size());
  n.latch.resize(net.latches.size());
  n.gate.resize(net.gates.size());
  n.output_is_buffer.assign(net.outputs.size(), true);
  for (const Port& p : design.ports)
    for (std::size_t i = 0; i < p.bits.size(); ++i)
      (p.dir == PortDir::Input ? n.input : n.output)[p.bits[i]] = unique(p.bit_name(i));
  for (std::size_t o = 0; o < n.output.size(); ++o)
    if (n.output[o].empty()) n.output[o] = unique("out" + std::to_string(o));
  for (std::size_t i = 0; i < n.input.size(); ++i)
    if (n.input[i].empty()) n.input[i] = unique("in" + std::to_string(i));
  taken.insert(n.const0), taken.insert(n.const1);
  // A gate or flip-flop driving an output takes the output's name (the first such).
  for (std::size_t o = 0; o < net.outputs.size(); ++o) {
    const NandSig& s = net.outputs[o];
    std::string* slot = s.kind == NandSig::Kind::Gate    ? &n.gate[s.index]
                        : s.kind == NandSig::Kind::Latch ? &n.latch[s.index]
                                                         : nullptr;
    if (slot && slot->empty()) *slot = n.output[o], n.output_is_buffer[o] = false;
  }
  for (std::size_t i = 0; i < n.latch.size(); ++i)
    if (n.latch[i].empty()) n.latch[i] = unique(design.aig.latch(i).name.empty() ? "q" + std::to_string(i) : design.aig.latch(i).name);
  for (std::size_t g = 0; g < n.gate.size(); ++g)
    if (n.gate[g].empty()) n.gate[g] = unique("n" + std::to_string(g + 1));
  return n;
}

}  // namespace nandflow

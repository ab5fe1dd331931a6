#include "network/nand_network.hpp"

#include <algorithm>

#include "network/nand_builder.hpp"

namespace nandflow {

std::size_t nand_depth(const NandNetwork& net) {
  std::vector<std::uint32_t> level(net.gates.size(), 0);
  auto level_of = [&](const NandSig& s) -> std::uint32_t {
    return s.kind == NandSig::Kind::Gate ? level[s.index] : 0;
  };
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    level[g] = 1 + std::max(level_of(net.gates[g][0]), level_of(net.gates[g][1]));
  std::uint32_t depth = 0;
  for_each_root(net, [&](const NandSig& s) { depth = std::max(depth, level_of(s)); });
  return depth;
}

NandNetwork nand_cleanup(const NandNetwork& net) {
  std::vector<bool> live(net.gates.size(), false);
  for_each_root(net, [&](const NandSig& s) {
    if (s.kind == NandSig::Kind::Gate) live[s.index] = true;
  });
  for (std::size_t g = net.gates.size(); g-- > 0;)
    if (live[g])
      for (const NandSig& f : net.gates[g])
        if (f.kind == NandSig::Kind::Gate) live[f.index] = true;
  NandBuilder b(net.num_inputs);
  std::vector<NandSig> mapped(net.gates.size());
  auto map = [&](const NandSig& s) { return s.kind == NandSig::Kind::Gate ? mapped[s.index] : s; };
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    if (live[g]) mapped[g] = b.nand(map(net.gates[g][0]), map(net.gates[g][1]));
  for (const NandSig& s : net.outputs) b.net.outputs.push_back(map(s));
  for (const auto& l : net.latches) b.net.latches.push_back({map(l.d), map(l.clock), map(l.reset), map(l.set)});
  // Folding a constant can leave a gate unread: repeat until nothing changes.
  if (b.net.gates.size() == net.gates.size()) return std::move(b.net);
  return nand_cleanup(b.net);
}

}  // namespace nandflow

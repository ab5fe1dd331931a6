#include "network/nand_network.hpp"

#include <algorithm>

namespace nandflow {

std::size_t nand_depth(const NandNetwork& net) {
  std::vector<std::uint32_t> level(net.gates.size(), 0);
  auto level_of = [&](const NandSig& s) -> std::uint32_t {
    return s.kind == NandSig::Kind::Gate ? level[s.index] : 0;
  };
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    level[g] = 1 + std::max(level_of(net.gates[g][0]), level_of(net.gates[g][1]));
  std::uint32_t depth = 0;
  for (const NandSig& s : net.outputs) depth = std::max(depth, level_of(s));
  for (const auto& l : net.latches)
    for (const NandSig& s : {l.d, l.clock, l.reset, l.set}) depth = std::max(depth, level_of(s));
  return depth;
}

}  // namespace nandflow

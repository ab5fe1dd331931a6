#include "map/nand_map.hpp"

#include <limits>

namespace nandflow {

NandNetwork nand_map(const Aig& aig, const nand_map_params&, nand_map_stats* st) {
  NandNetwork net;
  net.num_inputs = aig.num_inputs();
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  // For AND nodes: gate computing !v. For leaves: gate computing the leaf's complement.
  std::vector<std::uint32_t> nand_of(aig.num_nodes(), kNone);
  // Inverter gate giving the "other" polarity (v for AND nodes), built on demand.
  std::vector<std::uint32_t> inv_of(aig.num_nodes(), kNone);
  nand_map_stats stats;

  auto add_gate = [&](NandSig a, NandSig b) {
    net.gates.push_back({a, b});
    return NandSig{NandSig::Kind::Gate, static_cast<std::uint32_t>(net.gates.size() - 1)};
  };
  auto leaf = [&](NodeId n) -> NandSig {
    switch (aig.kind(n)) {
      case NodeKind::Input:
        return {NandSig::Kind::Input, static_cast<std::uint32_t>(aig.source_index(n))};
      case NodeKind::LatchOut:
        return {NandSig::Kind::Latch, static_cast<std::uint32_t>(aig.source_index(n))};
      default:
        return {NandSig::Kind::Const0, 0};
    }
  };
  auto signal = [&](Lit l) -> NandSig {
    NodeId n = lit_node(l);
    bool c = lit_is_complemented(l);
    if (aig.kind(n) == NodeKind::Const0) return {c ? NandSig::Kind::Const1 : NandSig::Kind::Const0, 0};
    // The polarity that exists without an inverter: !v for AND nodes, v for leaves.
    bool free_is_complement = aig.is_and(n);
    NandSig free_sig = aig.is_and(n) ? NandSig{NandSig::Kind::Gate, nand_of[n]} : leaf(n);
    if (c == free_is_complement) return free_sig;
    if (inv_of[n] == kNone) {
      inv_of[n] = add_gate(free_sig, free_sig).index;
      ++stats.inverters;
    }
    return {NandSig::Kind::Gate, inv_of[n]};
  };

  for (NodeId n : topo_ands(aig, all_roots(aig))) {
    NandSig a = signal(aig.fanin0(n));
    NandSig b = signal(aig.fanin1(n));
    nand_of[n] = add_gate(a, b).index;
    ++stats.and_gates;
  }
  for (Lit o : aig.outputs()) net.outputs.push_back(signal(o));
  for (const Latch& l : aig.latches())
    net.latches.push_back({signal(l.next), signal(l.clock), signal(l.async_reset), signal(l.async_set)});
  if (st) *st = stats;
  return net;
}

}  // namespace nandflow

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

namespace nandflow {

Aig aig_of_nand(const NandNetwork& net) {
  Aig aig;
  std::vector<Lit> lit(net.num_ids(), kLit0);
  lit[1] = kLit1;
  for (std::size_t i = 0; i < net.num_inputs; ++i) lit[2 + i] = make_lit(aig.create_input("i" + std::to_string(i)));
  for (std::size_t i = 0; i < net.num_latches(); ++i)
    lit[2 + net.num_inputs + i] = make_lit(aig.latch(aig.create_latch("q" + std::to_string(i))).out);
  auto of = [&](const NandSig& s) { return lit[net.id_of(s)]; };
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    lit[net.first_gate_id() + g] = lit_not(aig.create_and(of(net.gates[g][0]), of(net.gates[g][1])));
  for (std::size_t o = 0; o < net.outputs.size(); ++o) aig.add_output("o" + std::to_string(o), of(net.outputs[o]));
  for (std::size_t i = 0; i < net.num_latches(); ++i) {
    Latch& l = aig.latch(i);
    l.next = of(net.latches[i].d);
    l.clock = of(net.latches[i].clock);
    l.async_reset = of(net.latches[i].reset);
    l.async_set = of(net.latches[i].set);
  }
  return aig;
}

}  // namespace nandflow

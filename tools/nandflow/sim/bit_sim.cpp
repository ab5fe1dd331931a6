#include "sim/bit_sim.hpp"

namespace nandflow {

std::vector<std::uint64_t> simulate_words(const Aig& aig, std::vector<std::uint64_t> words) {
  words.resize(aig.num_nodes(), 0);
  words[0] = 0;
  // Node ids are created fanins-first, so index order is a topological order.
  for (NodeId n = 1; n < aig.num_nodes(); ++n)
    if (aig.is_and(n)) words[n] = lit_value(words, aig.fanin0(n)) & lit_value(words, aig.fanin1(n));
  return words;
}

std::uint64_t nand_signal_value(const NandSig& s, const std::vector<std::uint64_t>& gate_words,
                                const std::vector<std::uint64_t>& input_words,
                                const std::vector<std::uint64_t>& latch_words) {
  switch (s.kind) {
    case NandSig::Kind::Const0: return 0;
    case NandSig::Kind::Const1: return ~0ull;
    case NandSig::Kind::Input: return input_words[s.index];
    case NandSig::Kind::Latch: return latch_words[s.index];
    case NandSig::Kind::Gate: return gate_words[s.index];
  }
  return 0;
}

std::vector<std::uint64_t> simulate_nand_words(const NandNetwork& net, const std::vector<std::uint64_t>& input_words,
                                               const std::vector<std::uint64_t>& latch_words) {
  std::vector<std::uint64_t> gates(net.gates.size(), 0);
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    gates[g] = ~(nand_signal_value(net.gates[g][0], gates, input_words, latch_words) &
                 nand_signal_value(net.gates[g][1], gates, input_words, latch_words));
  return gates;
}

}  // namespace nandflow

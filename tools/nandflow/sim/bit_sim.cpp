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

}  // namespace nandflow

// Bit-parallel simulation of an AIG: 64 input patterns per machine word.
#pragma once

#include <cstdint>
#include <vector>

#include "network/aig.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

// `leaf_words[n]` gives the value of every Input and LatchOut node n (other
// entries are ignored). Returns one word per node; evaluate a literal with lit_value().
std::vector<std::uint64_t> simulate_words(const Aig& aig, std::vector<std::uint64_t> leaf_words);

inline std::uint64_t lit_value(const std::vector<std::uint64_t>& words, Lit l) {
  return lit_is_complemented(l) ? ~words[lit_node(l)] : words[lit_node(l)];
}

// Simulates a NAND network: 64 patterns per word. `input_words` and
// `latch_words` give the leaves; returns the value of every gate.
std::vector<std::uint64_t> simulate_nand_words(const NandNetwork& net, const std::vector<std::uint64_t>& input_words,
                                               const std::vector<std::uint64_t>& latch_words);

// The value of a network signal after simulate_nand_words.
std::uint64_t nand_signal_value(const NandSig& s, const std::vector<std::uint64_t>& gate_words,
                                const std::vector<std::uint64_t>& input_words,
                                const std::vector<std::uint64_t>& latch_words);

}  // namespace nandflow

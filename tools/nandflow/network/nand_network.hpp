// The NAND view: what nandflow writes out. Every combinational gate is a 2-input
// NAND; inputs, flip-flop outputs and constants are the leaves. Gate i may only
// use gates before it, so the vector order is a topological order.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace nandflow {

struct NandSig {
  enum class Kind : std::uint8_t { Const0, Const1, Input, Latch, Gate };
  Kind kind = Kind::Const0;
  std::uint32_t index = 0;  // input, latch or gate number
  bool operator==(const NandSig&) const = default;
};

struct NandNetwork {
  std::vector<std::array<NandSig, 2>> gates;
  std::vector<NandSig> outputs;  // one per AIG output, same order
  struct LatchPins {
    NandSig d, clock, reset, set;  // reset/set are Const0 when the flip-flop has none
  };
  std::vector<LatchPins> latches;  // one per AIG latch, same order

  std::size_t num_gates() const { return gates.size(); }
};

// Calls fn(sig) for every signal read inside the network: both fanins of every
// gate and every flip-flop pin (D, clock, reset, set).
template <typename Fn>
void for_each_internal_reference(const NandNetwork& net, Fn&& fn) {
  for (const auto& g : net.gates) fn(g[0]), fn(g[1]);
  for (const auto& l : net.latches) fn(l.d), fn(l.clock), fn(l.reset), fn(l.set);
}

// The same, plus every output.
template <typename Fn>
void for_each_reference(const NandNetwork& net, Fn&& fn) {
  for_each_internal_reference(net, fn);
  for (const NandSig& s : net.outputs) fn(s);
}

// Longest path in NAND levels from an input or flip-flop to an output or flip-flop input.
std::size_t nand_depth(const NandNetwork& net);

}  // namespace nandflow

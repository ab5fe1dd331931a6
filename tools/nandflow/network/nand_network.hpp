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

  static NandSig const0() { return {Kind::Const0, 0}; }
  static NandSig const1() { return {Kind::Const1, 0}; }
  static NandSig input(std::size_t i) { return {Kind::Input, static_cast<std::uint32_t>(i)}; }
  static NandSig latch(std::size_t i) { return {Kind::Latch, static_cast<std::uint32_t>(i)}; }
  static NandSig gate(std::size_t i) { return {Kind::Gate, static_cast<std::uint32_t>(i)}; }
};

struct NandNetwork {
  std::size_t num_inputs = 0;  // primary input bits (the AIG's inputs, same order)
  std::vector<std::array<NandSig, 2>> gates;
  std::vector<NandSig> outputs;  // one per AIG output, same order
  struct LatchPins {
    NandSig d, clock, reset, set;  // reset/set are Const0 when the flip-flop has none
    bool operator==(const LatchPins&) const = default;
  };
  std::vector<LatchPins> latches;  // one per AIG latch, same order

  std::size_t num_gates() const { return gates.size(); }
  std::size_t num_latches() const { return latches.size(); }
  bool operator==(const NandNetwork&) const = default;

  // Every signal as one number, the form the optimisation passes work on: 0 and 1 the
  // constants, then the inputs, then the flip-flop outputs, then the gates in order.
  std::uint32_t first_gate_id() const { return static_cast<std::uint32_t>(2 + num_inputs + latches.size()); }
  std::uint32_t num_ids() const { return first_gate_id() + static_cast<std::uint32_t>(gates.size()); }
  std::uint32_t id_of(const NandSig& s) const {
    switch (s.kind) {
      case NandSig::Kind::Const0: return 0;
      case NandSig::Kind::Const1: return 1;
      case NandSig::Kind::Input: return 2 + s.index;
      case NandSig::Kind::Latch: return static_cast<std::uint32_t>(2 + num_inputs) + s.index;
      case NandSig::Kind::Gate: return first_gate_id() + s.index;
    }
    return 0;
  }
  NandSig sig_of(std::uint32_t id) const {
    if (id == 0) return NandSig::const0();
    if (id == 1) return NandSig::const1();
    if (id < 2 + num_inputs) return NandSig::input(id - 2);
    if (id < first_gate_id()) return NandSig::latch(id - 2 - num_inputs);
    return NandSig::gate(id - first_gate_id());
  }
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

// Calls fn(sig) for every root: outputs, then each flip-flop's D, clock, reset, set.
template <typename Fn>
void for_each_root(const NandNetwork& net, Fn&& fn) {
  for (const NandSig& s : net.outputs) fn(s);
  for (const auto& l : net.latches) fn(l.d), fn(l.clock), fn(l.reset), fn(l.set);
}

// The same network without gates no root reaches, identical gates merged and constant
// fanins folded (NandBuilder's rules), in the same topological order.
NandNetwork nand_cleanup(const NandNetwork& net);

// Longest path in NAND levels from an input or flip-flop to an output or flip-flop input.
std::size_t nand_depth(const NandNetwork& net);

}  // namespace nandflow

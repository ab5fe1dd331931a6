// Storage drawn with gates: loops among a netlist's gates that hold a value.
//
// The classic exercises (cross-coupled NAND or NOR SR latches, gated D latches,
// master-slave and 6-NAND edge-triggered flip-flops) are combinational loops in the
// netlist. Cut at a few of its signals (a minimal feedback set), a loop becomes
// acyclic logic plus, for each cut signal q, the value its gate computes: g(inputs, q,
// other cuts). With q's two values, g0 = g(q = 0) and g1 = g(q = 1):
//   g0 = 0, g1 = 1   both values of q are stable: the loop holds q;
//   g0 = g1          q is forced to that value;
//   g0 = 1, g1 = 0   no stable value: the loop oscillates.
// A cut signal that never oscillates and can hold is a latch: open while it is forced
// (enable = g0 | !g1), taking that value (data = g1). Everything else is refused: a loop
// that can oscillate, or one that never holds anything (a combinational loop).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "network/aig.hpp"

namespace nandflow {

struct GateLoop {
  std::vector<long> nets;  // every net of the loop (a strongly connected component), sorted
  std::vector<long> cuts;  // the cut signals, sorted: removing them leaves no loop
};

// The loops of a graph given as each gate-driven net's fanin nets. `before(a, b)`: a is
// the better cut signal when both would do (a readable name, say). Deterministic.
std::vector<GateLoop> find_gate_loops(const std::map<long, std::vector<long>>& fanins,
                                      const std::function<bool(long, long)>& before);

enum class LoopBehaviour { Latch, Oscillates, HoldsNothing, Undecided };

struct LoopLatch {
  LoopBehaviour behaviour = LoopBehaviour::Undecided;
  Lit enable = kLit0, data = kLit0;  // for a Latch: neither depends on q
};

// What cut signal q (its node `q`) does, where `g` is the value q's gate computes.
// SAT questions bounded by `conflict_limit` (Undecided past it).
LoopLatch classify_cut_signal(Aig& aig, Lit g, NodeId q, std::int64_t conflict_limit = 100000);

// `root` with node `var` replaced by `value` (a cofactor), built in `aig`.
Lit substitute(Aig& aig, Lit root, NodeId var, Lit value);

}  // namespace nandflow

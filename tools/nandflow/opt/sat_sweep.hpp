// SAT sweeping: gates that compute the same function are merged.
//
// Random simulation groups gates by signature; the SAT solver proves (within a
// conflict limit) that a gate equals an earlier one with the same signature, or its
// complement (a refutation's input pattern is simulated too, splitting the groups), and then every reader of the later gate reads the earlier one (or an
// inverter of it, when that saves gates), and the later gate's cone, if nothing
// else reads it, disappears. Flip-flop outputs are free variables, so the merges
// hold in every state.
#pragma once

#include <cstdint>

#include "network/nand_network.hpp"
#include "opt/nand_editor.hpp"
#include "util/stopwatch.hpp"

namespace nandflow {

struct sat_sweep_params {
  int simulation_words = 8;             // 64 random patterns each
  std::int64_t conflict_limit = 1000;   // per proof; an undecided pair stays apart
  int candidates_per_gate = 2;          // earlier gates with its signature to try
  std::uint64_t seed = 1;
  // In: patterns from earlier passes, simulated besides the random ones. Out: every
  // SAT counterexample is added (64 make a word), and the classes are split by them.
  SimulationPatterns* patterns = nullptr;
  Deadline deadline;                    // safety cap only
};

struct sat_sweep_stats {
  std::size_t gates_before = 0, gates_after = 0;
  std::size_t merged = 0, refuted = 0, undecided = 0;
  std::size_t pattern_words = 0;  // words of counterexamples simulated
  double seconds = 0;
  bool stopped_by_time_limit = false;
};

NandNetwork sat_sweep(const NandNetwork& net, const sat_sweep_params& ps = {}, sat_sweep_stats* st = nullptr);

}  // namespace nandflow

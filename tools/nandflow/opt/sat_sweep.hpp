// SAT sweeping: gates that compute the same function are merged.
//
// Random simulation groups gates by signature; CaDiCaL proves (within a conflict
// limit) that a gate equals an earlier one with the same signature, and then every
// reader of the later gate reads the earlier one, and the later gate's cone, if
// nothing else reads it, disappears. Flip-flop outputs are free variables, so the
// merges hold in every state.
#pragma once

#include <cstdint>

#include "network/nand_network.hpp"

namespace nandflow {

struct sat_sweep_params {
  int simulation_words = 8;             // 64 random patterns each
  std::int64_t conflict_limit = 1000;   // per proof; an undecided pair stays apart
  int candidates_per_gate = 2;          // earlier gates with its signature to try
  double time_limit_seconds = 60;
  std::uint64_t seed = 1;
};

struct sat_sweep_stats {
  std::size_t gates_before = 0, gates_after = 0;
  std::size_t merged = 0, refuted = 0, undecided = 0;
  double seconds = 0;
  bool time_limit_reached = false;
};

NandNetwork sat_sweep(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches,
                      const sat_sweep_params& ps = {}, sat_sweep_stats* st = nullptr);

}  // namespace nandflow

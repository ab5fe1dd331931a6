// Resubstitution with don't cares: a gate is rebuilt from signals the network
// already has, and the gates only it used disappear.
//
// For each gate g (its MFFC: m gates that die with it) the pass looks among
// nearby signals (its fanin cone and their other readers, all older than g) for
//   0-resub: a signal d equal to g          (saves m gates),
//   1-resub: two signals a, b with g = NAND(a, b), a = b allowed (saves m - 1).
// "Equal" only needs to hold where g matters: the don't cares are the input
// patterns under which flipping g changes none of the signals where a window of
// g's fanout (odc_levels deep) meets the rest of the network. Simulation finds the
// candidates; CaDiCaL proves each one on a miter of that window (the window with
// g replaced against the window as it is) before it is applied.
#pragma once

#include <cstdint>

#include "network/nand_network.hpp"

namespace nandflow {

struct nand_resubstitution_params {
  int simulation_words = 8;          // 64 random patterns each
  int odc_levels = 5;                // fanout window depth for don't cares; 0: none
  int max_window_gates = 64;
  int divisor_levels = 4;            // fanin-cone depth searched for divisors
  int max_divisors = 96;
  int proofs_per_gate = 6;
  std::int64_t conflict_limit = 1000;
  int max_passes = 4;                // repeated while a pass saves gates
  double time_limit_seconds = 60;
  std::uint64_t seed = 1;
};

struct nand_resubstitution_stats {
  std::size_t gates_before = 0, gates_after = 0;
  std::size_t resub0 = 0, resub1 = 0, using_dont_cares = 0, refuted = 0, undecided = 0;
  int passes = 0;
  double seconds = 0;
  bool time_limit_reached = false;
};

NandNetwork nand_resubstitution(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches,
                                const nand_resubstitution_params& ps = {},
                                nand_resubstitution_stats* st = nullptr);

}  // namespace nandflow

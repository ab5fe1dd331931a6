// Resubstitution with don't cares: a gate is rebuilt from signals the network
// already has, and the gates only it used disappear.
//
// For each gate g (its MFFC: m gates that die with it) the pass looks among
// nearby signals (its fanin cone and their other readers, all before g) for
//   0-resub: a signal d equal to g                (saves m gates),
//   1-resub: two signals a, b with g = NAND(a, b), a = b allowed (saves m - 1),
//   2-resub: three signals with g = NAND(a, NAND(b, c))          (saves m - 2).
// "Equal" only needs to hold where g matters: the don't cares are the input
// patterns under which flipping g changes none of the signals where a window of
// g's fanout (odc_levels deep) meets the rest of the network. Simulation finds the
// candidates; the SAT solver proves each one on a miter of that window (the window
// with g replaced against the window as it is, over the cone below it as far as
// max_cnf_gates reaches) before it is applied.
#pragma once

#include <cstdint>

#include "network/nand_network.hpp"
#include "opt/nand_editor.hpp"
#include "util/stopwatch.hpp"

namespace nandflow {

struct nand_resubstitution_params {
  int simulation_words = 8;          // 64 random patterns each
  int odc_levels = 5;                // fanout window depth for don't cares; 0: none
  int max_window_gates = 64;
  int divisor_levels = 4;            // fanin-cone depth searched for divisors
  int max_divisors = 96;
  int proofs_per_gate = 6;
  bool two_resub = true;             // also try g = NAND(a, NAND(b, c))
  std::int64_t conflict_limit = 1000;
  // Gates of the cone below the window encoded for its proofs (the rest are free
  // variables: a proof there holds everywhere, with fewer don't cares).
  int max_cnf_gates = 400;
  int max_passes = 4;                // repeated while a pass saves gates
  std::uint64_t seed = 1;
  // Patterns from earlier passes (SAT sweeping's counterexamples), simulated besides the
  // random ones: they tell apart signals that random patterns do not.
  const SimulationPatterns* patterns = nullptr;
  Deadline deadline;                 // safety cap only
};

struct nand_resubstitution_stats {
  std::size_t gates_before = 0, gates_after = 0;
  std::size_t resub0 = 0, resub1 = 0, resub2 = 0, using_dont_cares = 0, refuted = 0, undecided = 0;
  int passes = 0;
  double seconds = 0;
  bool stopped_by_time_limit = false;
};

NandNetwork nand_resubstitution(const NandNetwork& net, const nand_resubstitution_params& ps = {},
                                nand_resubstitution_stats* st = nullptr);

}  // namespace nandflow

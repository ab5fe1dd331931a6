// Combinational equivalence under flip-flop correspondence, decided with CaDiCaL.
//
// The source ("gold") and the netlist are put into one AIG (a miter) whose free
// variables are the primary inputs (paired by name) and the flip-flop states
// (paired by flip-flop name). Then every output, and every flip-flop's next
// state, clock and asynchronous controls, must be the same function in both.
// Random simulation finds most differences first; SAT proves the rest.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "network/design.hpp"

namespace nandflow {

struct verify_params {
  std::size_t simulation_words = 16;  // 64 random patterns per word
  std::uint64_t seed = 1;
  // Stop after random simulation: a counterexample if one is found, otherwise a result
  // that is neither proven nor refuted (refuted() false). A cheap screen, not a proof.
  bool simulation_only = false;
  // Conflicts per internal-equivalence proof before the final ones (0: no sweeping).
  int sweep_conflict_limit = 100;
};

struct Counterexample {
  std::string what;  // "output s", "next state of flip-flop count[2]", ...
  bool gold_value = false;
  bool netlist_value = false;
  std::vector<std::pair<std::string, bool>> inputs;  // primary inputs
  std::vector<std::pair<std::string, bool>> state;   // flip-flop values
};

struct verify_stats {
  std::size_t compared = 0;          // function pairs compared
  std::size_t structurally_equal = 0;
  std::size_t sat_calls = 0;
  std::size_t internal_equivalences = 0;  // proven netlist = source node pairs (cut points)
  double seconds = 0;
};

struct VerifyResult {
  bool proven = false;
  std::string mismatch;  // a structural reason (missing port, unpaired flip-flop, ...)
  std::vector<Counterexample> counterexamples;
  std::size_t initial_values_not_kept = 0;  // source initial values the netlist has none for
  std::size_t x_dont_cares = 0;             // source signals whose x was compared as 0
};

VerifyResult check_equivalence(const Design& gold, const Design& netlist, const verify_params& ps = {},
                               verify_stats* st = nullptr);

// True when a counterexample or a structural mismatch shows the two differ.
inline bool refuted(const VerifyResult& r) { return !r.mismatch.empty() || !r.counterexamples.empty(); }

// Human-readable report: "PROVEN ..." or the counterexample.
std::string format_verify_result(const VerifyResult& r);

}  // namespace nandflow

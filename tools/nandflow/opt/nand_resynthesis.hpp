// Window resynthesis of a NAND network with exact synthesis.
//
// For a set C of at most 4 signals (a cut, found by cut enumeration), the window
// W is every gate computed from C alone, and its outputs O are the gates of W
// used outside W. All of W can be replaced by the smallest NAND network that
// computes O from C, found by SAT (opt/exact_nand.hpp). Because O may hold
// several gates, the replacement shares gates between outputs, which is what
// turns a 12- or 14-NAND full adder into the 9-NAND one. Replacements that save
// gates are applied greedily, and passes repeat until nothing improves (at most
// max_passes). Exact synthesis answers come from opt/exact_library.hpp, which
// remembers them by function.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "network/nand_network.hpp"
#include "opt/exact_nand.hpp"
#include "util/stopwatch.hpp"

namespace nandflow {

struct nand_resynthesis_params {
  int max_cut_size = 4;
  int cuts_per_node = 12;
  int max_window_outputs = 3;
  int max_window_gates = 24;
  int max_passes = 8;
  Deadline deadline;                  // safety cap only
  bool verbose = false;
  class ExactLibrary* library = nullptr;  // default: ExactLibrary::shared()
  // Windows whose outputs compute more distinct functions than this (by cut size) are
  // left alone: multi-output answers are searched on first use, and 4-input ones cost most.
  int max_exact_outputs[5] = {0, 1, 3, 3, 1};
  // One function of 4 inputs that the library has no chain for takes the NPN database's
  // (opt/nand_database.hpp), an upper bound.
  const class NandDatabase* database = nullptr;
};

struct nand_resynthesis_stats {
  std::size_t gates_before = 0, gates_after = 0;
  std::size_t windows_tried = 0, windows_improved = 0, sat_syntheses = 0, cache_hits = 0, database_hits = 0;
  int passes = 0;
  double seconds = 0;
  bool stopped_by_time_limit = false;
};

NandNetwork nand_resynthesis(const NandNetwork& net, const nand_resynthesis_params& ps = {},
                             nand_resynthesis_stats* st = nullptr);

}  // namespace nandflow

// Window resynthesis of a NAND network with exact synthesis.
//
// For a set C of at most 4 signals (a cut, found by cut enumeration), the window
// W is every gate computed from C alone, and its outputs O are the gates of W
// used outside W. All of W can be replaced by the smallest NAND network that
// computes O from C, found by SAT (opt/exact_nand.hpp). Because O may hold
// several gates, the replacement shares gates between outputs, which is what
// turns a 12- or 14-NAND full adder into the 9-NAND one. Replacements that save
// gates are applied greedily, and passes repeat until nothing improves (or the
// time limit). Results of exact synthesis are cached by function.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "network/nand_network.hpp"
#include "opt/exact_nand.hpp"

namespace nandflow {

// Exact-synthesis results by window function (number of inputs, output truth
// tables): the smallest chain found, or the gate budget below which the search
// found none. Shared between runs so that repeated structures (every bit of an
// adder) cost one SAT search.
class ExactCache {
 public:
  struct Entry {
    std::optional<NandChain> chain;
    int failed_below = 0;  // no chain with fewer than this many gates was found
  };
  Entry& at(int num_inputs, const std::vector<TruthTable>& functions) { return map_[{num_inputs, functions}]; }
  std::size_t size() const { return map_.size(); }

 private:
  std::map<std::pair<int, std::vector<TruthTable>>, Entry> map_;
};

struct nand_resynthesis_params {
  int max_cut_size = 4;
  int cuts_per_node = 12;
  int max_window_outputs = 3;
  int max_window_gates = 24;
  // Per SAT call, by cut size (a 3-input full adder needs ~50k conflicts to find).
  std::int64_t conflict_limit[5] = {0, 0, 100000, 100000, 20000};
  int max_passes = 8;
  // The SAT search never looks for chains larger than this (per cut size 2, 3, 4):
  // bigger encodings are slow and such windows rarely shrink.
  int max_chain_gates[5] = {0, 0, 8, 11, 13};
  double time_limit_seconds = 60;     // whole pass sequence
  bool verbose = false;
  ExactCache* cache = nullptr;        // optional, shared between calls
  // 4-input windows with one output take their network from the NAND database
  // (opt/nand_database.hpp); SAT is used for them only with sat_for_4_inputs,
  // which also enables multi-output 4-input windows.
  const class NandDatabase* database = nullptr;
  bool sat_for_4_inputs = false;
};

struct nand_resynthesis_stats {
  std::size_t gates_before = 0, gates_after = 0;
  std::size_t windows_tried = 0, windows_improved = 0, sat_syntheses = 0, cache_hits = 0, database_hits = 0;
  int passes = 0;
  double seconds = 0;
  bool time_limit_reached = false;
};

NandNetwork nand_resynthesis(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches,
                             const nand_resynthesis_params& ps = {}, nand_resynthesis_stats* st = nullptr);

// Removes unreachable gates and merges identical gates (same two fanins).
NandNetwork nand_cleanup(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches);

}  // namespace nandflow

// The smallest NAND chains nandflow knows for small functions, found by SAT-based
// exact synthesis (opt/exact_nand.hpp) the first time a function is asked for and
// remembered: for the run, shared by its threads, and on disk in the user's cache
// folder for the next run ($NANDFLOW_CACHE_DIR, else $XDG_CACHE_HOME/nandflow, else
// ~/.cache/nandflow; NANDFLOW_CACHE_DIR=off keeps nothing on disk). The answers for every
// single function of 3 and 4 inputs and every pair of 3 inputs come precomputed
// (opt/exact_seed.txt, by nandflow-gen-exact): the same answers, only sooner.
//
// A question is a set of output functions of up to 4 inputs. Its answer is a
// deterministic function of the question alone: the same search with the same
// bounds (gates, SAT conflicts) whatever asked it first, so a cache, full or empty,
// changes how long a run takes and never what it produces. Questions are put in a
// canonical form first (inputs permuted, outputs sorted), so that the sixteen bits of
// an adder, wired to different leaf orders, are one question.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "opt/exact_nand.hpp"

namespace nandflow {

class ExactLibrary {
 public:
  // Bounds of every search, by number of inputs (part of the cache file's name: other
  // bounds give other answers, so they never share a file).
  static constexpr int kMaxGates[5] = {0, 1, 8, 11, 11};
  static constexpr std::int64_t kConflicts[5] = {0, 1000, 20000, 100000, 5000};

  // Names the search bounds: a cache or seed made under others is not read.
  static std::string version();

  // The library of the process, with the disk cache loaded (on first use).
  static ExactLibrary& shared();
  // A library with no disk cache (tests).
  ExactLibrary() = default;
  // A library whose new answers are appended to `cache_file`, read first when `load`.
  explicit ExactLibrary(std::string cache_file, bool load = true);

  // The smallest chain found computing `functions` (outputs in that order) of
  // `num_inputs` inputs, or nothing when none within kMaxGates was found.
  std::optional<NandChain> chain(int num_inputs, const std::vector<TruthTable>& functions);

  struct Stats {
    std::size_t lookups = 0, hits = 0, syntheses = 0;
  };
  Stats stats() const;

 private:
  struct Key {
    int num_inputs;
    std::vector<TruthTable> functions;  // canonical: distinct, sorted
    bool operator<(const Key& o) const {
      return num_inputs != o.num_inputs ? num_inputs < o.num_inputs : functions < o.functions;
    }
  };
  struct Entry {
    std::optional<NandChain> chain;  // outputs in the order of Key::functions
  };
  void load();
  void load_text(const std::string& text);
  void append(const Key& k, const Entry& e);
  static std::string format(const Key& k, const Entry& e);

  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::string cache_file_;
  Stats stats_;
};

// Truth table of f with its inputs permuted: g(x) = f(x[perm[0]], ..., x[perm[n-1]]).
TruthTable permute_inputs(TruthTable f, const std::vector<int>& perm, int num_inputs);

}  // namespace nandflow

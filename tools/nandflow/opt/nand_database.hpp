// The database of NAND2-optimal networks for small functions.
//
// One entry per NPN class of 4-input functions (222 classes; the two constant
// classes have no NAND network): the smallest NAND chain for the class
// representative, found by SAT-based exact synthesis (opt/exact_nand.hpp) by the
// generator tools/nandflow/gen/gen_nand_db.cpp, and committed as data
// (opt/nand_db.txt). Any 4-input function is one of its class representative's
// variants: inputs permuted (free), inputs and output inverted (one NAND each),
// so the database prices every function and builds a network for it without a
// SAT call. The price of a variant is an upper bound: the representative's chain
// plus its inversions (AND, in NOR's class, is priced 6, not 2), which is why
// windows of up to 3 inputs use exact synthesis instead.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "opt/exact_nand.hpp"

namespace nandflow {

// An input permutation and input/output inversions: g(y) = out_neg ^ f(x) with
// x_i = y_perm[i] ^ bit i of in_neg.
struct NpnTransform {
  std::array<std::uint8_t, 4> perm = {0, 1, 2, 3};
  std::uint8_t in_neg = 0;
  bool out_neg = false;
};

// g as above, for a 4-input truth table f.
TruthTable apply_npn(TruthTable f, const NpnTransform& t);

// The class representative: the smallest truth table among all 768 variants.
TruthTable npn_representative(TruthTable f);

// All class representatives of 4-input functions, in increasing order.
std::vector<TruthTable> npn_representatives();

struct NandDbEntry {
  TruthTable representative = 0;
  NandChain chain;       // 4 inputs, one output
  bool optimal = false;  // every smaller chain was proven impossible
};

// Text form: "<hex tt> <optimal 0/1> <gates> <j,k> ... out <node>".
std::string format_db_entry(const NandDbEntry& e);
std::optional<NandDbEntry> parse_db_entry(const std::string& line);

class NandDatabase {
 public:
  // Loads entries and expands every variant; empty when `text` has none.
  explicit NandDatabase(const std::string& text);
  // The built-in database (opt/nand_db.txt, compiled into the library).
  static const NandDatabase& builtin();

  std::size_t num_entries() const { return entries_.size(); }
  const std::vector<NandDbEntry>& entries() const { return entries_; }
  // NAND count of the cheapest known network for f (-1: none, e.g. constants).
  int cost(TruthTable f) const { return best_[f].cost; }
  // That network, as a 4-input chain computing f.
  std::optional<NandChain> chain_for(TruthTable f) const;

 private:
  struct Best {
    int cost = -1;
    std::uint16_t entry = 0;
    NpnTransform t;
  };
  std::vector<NandDbEntry> entries_;
  std::vector<Best> best_ = std::vector<Best>(65536);
};

}  // namespace nandflow

// A NAND network opened for editing in place, with what the optimisation passes
// need: fanouts and reference counts, bit-parallel simulation signatures, the gates a
// gate alone keeps alive (its MFFC), and a SAT solver to prove a change safe.
//
// Every signal is an id: 0 and 1 the constants, then the inputs, then the
// flip-flop outputs, then the gates of the network it was opened on, then gates
// created since. Ids are never reused. Topological order is kept by a position per
// id (`before(a, b)`): a new gate is placed between its fanins and the gate that
// will read it. Gates nothing reads any more are dead and left out when the
// network is written back.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "network/nand_network.hpp"
#include "sat/sat_solver.hpp"

namespace nandflow {

// Simulation patterns worth keeping between passes: input assignments a SAT solver
// found to tell two signals apart, 64 to a word. Word w holds one 64-bit value per
// leaf: the inputs, then the flip-flop outputs.
struct SimulationPatterns {
  std::vector<std::vector<std::uint64_t>> words;
  static constexpr std::size_t kMaxWords = 56;  // the oldest are dropped past this
  void add(std::vector<std::uint64_t> word) {
    words.push_back(std::move(word));
    if (words.size() > kMaxWords) words.erase(words.begin());
  }
};

class NandEditor {
 public:
  using Id = std::uint32_t;
  // Signatures of `sim_words` random words, then the words of `patterns`.
  explicit NandEditor(const NandNetwork& net, int sim_words = 8, std::uint64_t seed = 1,
                      const SimulationPatterns* patterns = nullptr);

  std::size_t size() const { return fanin_.size(); }
  Id first_gate() const { return first_gate_; }
  std::size_t num_inputs() const { return num_inputs_; }
  bool is_gate(Id id) const { return id >= first_gate_; }
  bool alive(Id id) const { return !is_gate(id) || refs_[id] > 0; }
  const std::array<Id, 2>& fanin(Id g) const { return fanin_[g]; }
  const std::vector<Id>& fanouts(Id id) const { return fanouts_[id]; }
  std::uint32_t num_refs(Id id) const { return refs_[id]; }
  bool is_root(Id id) const { return root_refs_[id] > 0; }
  // Topological order: a's value can be used to compute b.
  bool before(Id a, Id b) const { return pos_[a] < pos_[b]; }
  // The live gates in topological order (a snapshot: edits do not change it).
  std::vector<Id> gates_in_order() const;
  std::size_t num_live_gates() const;

  // Simulation: `words()` 64-bit words of patterns per signal.
  int words() const { return words_; }
  const std::uint64_t* sig(Id id) const { return &sig_[static_cast<std::size_t>(id) * stride_]; }
  // One more word of patterns (a value per leaf, as in SimulationPatterns), simulated
  // through every live gate; when the signatures are full it replaces the oldest word
  // added (the random ones stay).
  bool add_word(const std::vector<std::uint64_t>& leaf_values);
  std::size_t num_leaves() const { return first_gate_ - 2; }

  // The gates that die when g loses every reader (its MFFC), g first.
  std::vector<Id> mffc(Id g);

  // Every reader of g reads d instead (d before g); g and what only it used die.
  void replace(Id g, Id d);
  // g becomes NAND(a, b) (a, b before g); what only its old fanins used dies.
  void set_fanins(Id g, Id a, Id b);
  // A new gate NAND(a, b) placed after a and b and before `reader`. It is dead until
  // something reads it; discard() removes one that stays unused.
  Id create_gate(Id a, Id b, Id reader);
  void discard(Id g);
  // Recomputes the signatures of these gates (in topological order) after an edit.
  void resimulate(const std::vector<Id>& gates);

  // SAT on the current network. Variables are given lazily; an edit must call
  // forget() on every gate whose function it may have changed.
  SatSolver& sat() { return *sat_; }
  int var(Id id);
  void forget(Id id) { var_[id] = 0; }
  // A leaf's value in the solver's last model (false when the query did not involve it).
  bool model_value(Id leaf) const { return var_[leaf] != 0 && sat_->value(var_[leaf]); }

  // The edited network: live gates only, constants folded, identical gates merged.
  NandNetwork network() const;

 private:
  void add_reader(Id id, Id reader);     // one fanin slot of `reader` reads id
  void remove_reader(Id id, Id reader);  // that slot no longer does; a gate left unread dies
  void simulate_gate(Id g);
  void renumber_positions();
  Id new_id();

  std::size_t num_inputs_, num_latches_;
  Id first_gate_;
  std::vector<std::array<Id, 2>> fanin_;
  std::vector<std::vector<Id>> fanouts_;
  std::vector<std::uint32_t> refs_, root_refs_;
  std::vector<std::uint64_t> pos_;
  std::vector<Id> outputs_;
  std::vector<std::array<Id, 4>> latches_;
  int words_;
  std::size_t stride_;  // words_ can grow up to this
  std::size_t first_added_ = 0, next_overwrite_ = 0;
  std::vector<std::uint64_t> sig_;
  std::unique_ptr<SatSolver> sat_;
  std::vector<int> var_;
};

}  // namespace nandflow

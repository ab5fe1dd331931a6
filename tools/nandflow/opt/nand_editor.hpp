// A NAND network opened for editing in place, with what SAT sweeping
// (opt/sat_sweep.hpp) and resubstitution (opt/nand_resubstitution.hpp) need:
// fanouts and reference counts, bit-parallel simulation signatures, the gates a
// gate alone keeps alive (its MFFC), and CaDiCaL to prove a change safe.
//
// Every signal is an id: 0 and 1 the constants, then the inputs, then the
// flip-flop outputs, then the gates in network order. An edit keeps every gate's
// fanins below it, so id order stays a topological order; gates nothing reads
// any more are dead and left out when the network is written back.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "network/nand_network.hpp"

namespace CaDiCaL {
class Solver;
}

namespace nandflow {

class NandEditor {
 public:
  using Id = std::uint32_t;
  NandEditor(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches, int sim_words = 8,
             std::uint64_t seed = 1);
  ~NandEditor();

  std::size_t size() const { return fanin_.size(); }
  Id first_gate() const { return first_gate_; }
  bool is_gate(Id id) const { return id >= first_gate_; }
  bool alive(Id id) const { return !is_gate(id) || refs_[id] > 0; }
  const std::array<Id, 2>& fanin(Id g) const { return fanin_[g]; }
  const std::vector<Id>& fanouts(Id id) const { return fanouts_[id]; }
  bool is_root(Id id) const { return root_refs_[id] > 0; }

  // Simulation: `words()` 64-bit words of random patterns per signal.
  int words() const { return words_; }
  const std::uint64_t* sig(Id id) const { return &sig_[static_cast<std::size_t>(id) * words_]; }

  // The gates that die when g loses every reader (its MFFC), g first.
  std::vector<Id> mffc(Id g);

  // Every reader of g reads d instead (d < g); g and what only it used die.
  void replace(Id g, Id d);
  // g becomes NAND(a, b) (a, b < g); what only its old fanins used dies.
  void set_fanins(Id g, Id a, Id b);
  // Recomputes the signatures of these gates (in id order) after an edit.
  void resimulate(const std::vector<Id>& gates);

  // SAT on the current network. Variables are given lazily; an edit must call
  // forget() on every gate whose function it may have changed.
  int var(Id id);
  void forget(Id id) { var_[id] = 0; }
  int new_var() { return next_var_++; }
  void clause(std::initializer_list<int> lits);
  void clause(const std::vector<int>& lits);
  // Solves under `assumption` with a conflict limit: 10 satisfiable, 20 unsatisfiable, 0 undecided.
  int solve(int assumption, std::int64_t conflict_limit);
  std::size_t sat_calls() const { return sat_calls_; }

  // The edited network: live gates only, constants folded, identical gates merged.
  NandNetwork network() const;

 private:
  void add_reader(Id id, Id reader);     // one fanin slot of `reader` reads id
  void remove_reader(Id id, Id reader);  // that slot no longer does; a gate left unread dies
  void simulate_gate(Id g);

  std::size_t num_inputs_, num_latches_;
  Id first_gate_;
  std::vector<std::array<Id, 2>> fanin_;
  std::vector<std::vector<Id>> fanouts_;
  std::vector<std::uint32_t> refs_, root_refs_;
  std::vector<Id> outputs_;
  std::vector<std::array<Id, 4>> latches_;
  int words_;
  std::vector<std::uint64_t> sig_;
  std::unique_ptr<CaDiCaL::Solver> solver_;
  std::vector<int> var_;
  int next_var_ = 2;  // variable 1 is constant true
  std::size_t sat_calls_ = 0;
};

}  // namespace nandflow

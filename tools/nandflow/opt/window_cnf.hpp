// A small SAT instance for one local question about a NandEditor's network: the
// cone below some root signals, encoded as far as a gate budget allows (nearest
// gates first), with every signal below that a free variable.
//
// Free variables only add behaviours, so a property proven here (say, a miter that
// cannot be satisfied) holds in the real network; what is lost are the don't cares
// that come from logic further down. A fresh instance per question keeps every SAT
// call small, where one solver for a whole pass would grow with every question asked.
#pragma once

#include <vector>

#include "opt/nand_editor.hpp"
#include "sat/sat_solver.hpp"

namespace nandflow {

class WindowCnf {
 public:
  using Id = NandEditor::Id;
  // The cone below `roots`, breadth first, at most `max_gates` gates with clauses.
  WindowCnf(const NandEditor& ed, const std::vector<Id>& roots, std::size_t max_gates);

  SatSolver& sat() { return sat_; }
  // The variable of a signal: a gate of the cone with its clauses, anything else free.
  int var(Id id);

 private:
  const NandEditor& ed_;
  SatSolver sat_;
  std::vector<std::pair<Id, int>> vars_;  // sorted by id once built
  std::vector<Id> expanded_;              // sorted
  int lookup(Id id) const;
};

}  // namespace nandflow

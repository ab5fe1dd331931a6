// Tseitin encoding of an AIG's cones into a SatSolver: one SAT variable per node,
// given when first needed; node 0 (constant false) is the solver's false literal.
#pragma once

#include <vector>

#include "network/aig.hpp"
#include "sat/sat_solver.hpp"

namespace nandflow {

class AigCnf {
 public:
  AigCnf(const Aig& aig, SatSolver& solver) : aig_(aig), solver_(solver), var_(aig.num_nodes(), 0) {
    var_[0] = -SatSolver::true_lit();
  }
  // The SAT literal of an AIG literal (its node encoded or not).
  int var(Lit l) {
    if (lit_node(l) >= var_.size()) var_.resize(aig_.num_nodes(), 0);
    int& v = var_[lit_node(l)];
    if (v == 0) v = solver_.new_var();
    return lit_is_complemented(l) ? -v : v;
  }
  // Encodes the AND cones below `roots`; returns nothing, var() then gives their literals.
  void encode(const std::vector<Lit>& roots) {
    if (var_.size() < aig_.num_nodes()) var_.resize(aig_.num_nodes(), 0);
    for (NodeId n : topo_ands(aig_, roots)) {
      if (var_[n] != 0) continue;
      int a = var(aig_.fanin0(n)), b = var(aig_.fanin1(n));
      var_[n] = solver_.and_of(a, b);
    }
  }

 private:
  const Aig& aig_;
  SatSolver& solver_;
  std::vector<int> var_;
};

}  // namespace nandflow

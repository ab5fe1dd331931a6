#include "sat/sat_solver.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include <cadical.hpp>

namespace nandflow {

SatSolver::SatSolver() : solver_(std::make_unique<CaDiCaL::Solver>()) {
  solver_->set("quiet", 1);
  add_clause({true_lit()});
}
SatSolver::~SatSolver() = default;

void SatSolver::add_clause(std::initializer_list<int> lits) {
  for (int l : lits) solver_->add(l);
  solver_->add(0);
}

void SatSolver::add_clause(const std::vector<int>& lits) {
  for (int l : lits) solver_->add(l);
  solver_->add(0);
}

void SatSolver::add_nand(int y, int a, int b) {
  add_clause({y, a});
  add_clause({y, b});
  add_clause({-y, -a, -b});
}

int SatSolver::nand_of(int a, int b) {
  int y = new_var();
  add_nand(y, a, b);
  return y;
}

int SatSolver::differ(int a, int b) {
  int d = new_var();
  add_clause({-d, a, b});
  add_clause({-d, -a, -b});
  return d;
}

int SatSolver::any_of(const std::vector<int>& ds) {
  int d = new_var();
  std::vector<int> c{-d};
  c.insert(c.end(), ds.begin(), ds.end());
  add_clause(c);
  return d;
}

SatResult SatSolver::solve(const std::vector<int>& assumptions, std::int64_t conflict_limit) {
  ++calls_;
  for (int a : assumptions) solver_->assume(a);
  if (conflict_limit > 0)
    solver_->limit("conflicts", static_cast<int>(std::min<std::int64_t>(conflict_limit, std::numeric_limits<int>::max())));
  int r = solver_->solve();
  return r == 10 ? SatResult::Sat : r == 20 ? SatResult::Unsat : SatResult::Undecided;
}

bool SatSolver::value(int lit) const {
  // A variable no clause mentions has no value: any is a model; false is chosen.
  if (std::abs(lit) > solver_->vars()) return lit < 0;
  return solver_->val(lit) > 0;
}

}  // namespace nandflow

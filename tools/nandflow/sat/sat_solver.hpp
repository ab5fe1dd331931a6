// The one SAT interface of nandflow: CaDiCaL behind a small API, with the Tseitin
// encodings of the gates nandflow's networks are made of and the miter's "these two
// differ" variable. Every SAT call is bounded by a conflict count, never by time, so
// that the same question gets the same answer on any machine.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <vector>

namespace CaDiCaL {
class Solver;
}

namespace nandflow {

enum class SatResult { Sat, Unsat, Undecided };

// Variables are positive ints; a literal is +v or -v. Variable 1 is constant true,
// so `true_lit()` and `-true_lit()` are the constants.
class SatSolver {
 public:
  SatSolver();
  ~SatSolver();
  SatSolver(const SatSolver&) = delete;
  SatSolver& operator=(const SatSolver&) = delete;

  int new_var() { return next_var_++; }
  int num_vars() const { return next_var_ - 1; }
  static constexpr int true_lit() { return 1; }

  void add_clause(std::initializer_list<int> lits);
  void add_clause(const std::vector<int>& lits);

  // y = NAND(a, b) and y = AND(a, b), as three clauses.
  void add_nand(int y, int a, int b);
  void add_and(int y, int a, int b) { add_nand(-y, a, b); }
  // A fresh y with y = NAND(a, b) (or AND).
  int nand_of(int a, int b);
  int and_of(int a, int b) { return -nand_of(a, b); }
  // A fresh d that implies a != b: assume d to ask whether a and b can differ.
  int differ(int a, int b);
  // A fresh d that implies one of `ds` is true (the miter's OR of differences).
  int any_of(const std::vector<int>& ds);

  // Solves under the assumptions; conflict_limit 0 means none.
  SatResult solve(const std::vector<int>& assumptions = {}, std::int64_t conflict_limit = 0);
  // Value of a variable or literal in the last satisfying assignment.
  bool value(int lit) const;
  // Makes an assumption variable's clauses permanently satisfied (retires a query).
  void retire(int d) { add_clause({-d}); }

  std::size_t calls() const { return calls_; }

 private:
  std::unique_ptr<CaDiCaL::Solver> solver_;
  int next_var_ = 2;
  std::size_t calls_ = 0;
};

}  // namespace nandflow

#include "opt/exact_nand.hpp"

#include "sat/sat_solver.hpp"

namespace nandflow {

TruthTable truth_table_mask(int num_inputs) {
  return num_inputs >= 4 ? 0xFFFF : static_cast<TruthTable>((1u << (1u << num_inputs)) - 1);
}

TruthTable input_truth_table(int j, int num_inputs) {
  static const TruthTable kVars[4] = {0xAAAA, 0xCCCC, 0xF0F0, 0xFF00};
  return kVars[j] & truth_table_mask(num_inputs);
}

std::vector<TruthTable> simulate_chain(const NandChain& chain) {
  std::vector<TruthTable> tt;
  for (int j = 0; j < chain.num_inputs; ++j) tt.push_back(input_truth_table(j, chain.num_inputs));
  TruthTable mask = truth_table_mask(chain.num_inputs);
  for (const auto& g : chain.gates) tt.push_back(static_cast<TruthTable>(~(tt[g[0]] & tt[g[1]]) & mask));
  return tt;
}

namespace {

// One SAT instance: can the outputs be computed with exactly `r` gates?
class ChainEncoding {
 public:
  // With `all_used`, every gate must feed a later gate or an output (exactly r
  // useful gates); without it, at most r (dead gates are pruned after decoding),
  // which makes the answers monotone in r.
  ChainEncoding(int n, int r, const std::vector<TruthTable>& outputs, bool all_used)
      : n_(n), r_(r), rows_(1 << n), all_used_(all_used), outs_(outputs) {
    // Selection variables: for gate i, every pair (j, k), j <= k < n + i.
    for (int i = 0; i < r_; ++i) {
      std::vector<Sel> sels;
      for (int k = 0; k < n_ + i; ++k)
        for (int j = 0; j <= k; ++j) sels.push_back({j, k, fresh()});
      sel_.push_back(std::move(sels));
    }
    for (int i = 0; i < r_; ++i) {
      std::vector<int> vals;
      for (int t = 0; t < rows_; ++t) vals.push_back(fresh());
      val_.push_back(std::move(vals));
    }
    for (std::size_t o = 0; o < outs_.size(); ++o) {
      std::vector<int> picks;
      for (int i = 0; i < r_; ++i) picks.push_back(fresh());
      out_.push_back(std::move(picks));
    }
    encode();
  }

  SatResult solve(std::int64_t conflict_limit) { return solver_.solve({}, conflict_limit); }

  NandChain decode() {
    NandChain c;
    c.num_inputs = n_;
    for (int i = 0; i < r_; ++i)
      for (const Sel& s : sel_[i])
        if (solver_.value(s.var)) {
          c.gates.push_back({s.j, s.k});
          break;
        }
    for (std::size_t o = 0; o < outs_.size(); ++o)
      for (int i = 0; i < r_; ++i)
        if (solver_.value(out_[o][i])) {
          c.outputs.push_back(n_ + i);
          break;
        }
    return c;
  }

 private:
  struct Sel {
    int j, k, var;
  };
  int fresh() { return solver_.new_var(); }
  void clause(std::initializer_list<int> lits) { solver_.add_clause(lits); }
  void clause(const std::vector<int>& lits) { solver_.add_clause(lits); }
  void exactly_one(const std::vector<int>& vars) {
    clause(vars);
    for (std::size_t a = 0; a < vars.size(); ++a)
      for (std::size_t b = a + 1; b < vars.size(); ++b) clause({-vars[a], -vars[b]});
  }
  // Value of node `node` at row t as a literal; 0 when it is a constant, with `*constant` set.
  int node_value(int node, int t, bool* constant) {
    if (node < n_) {
      *constant = ((t >> node) & 1) != 0;
      return 0;
    }
    return val_[node - n_][t];
  }

  void encode() {
    for (int i = 0; i < r_; ++i) {
      std::vector<int> vars;
      for (const Sel& s : sel_[i]) vars.push_back(s.var);
      exactly_one(vars);
      for (const Sel& s : sel_[i]) {
        for (int t = 0; t < rows_; ++t) {
          int x = val_[i][t];
          bool cj = false, ck = false;
          int vj = node_value(s.j, t, &cj), vk = node_value(s.k, t, &ck);
          // x = !(vj & vk):  (!vj -> x), (!vk -> x), (vj & vk -> !x)
          auto implies_x_if_false = [&](int v, bool c) {
            if (v == 0) {
              if (!c) clause({-s.var, x});
            } else {
              clause({-s.var, v, x});
            }
          };
          implies_x_if_false(vj, cj);
          implies_x_if_false(vk, ck);
          std::vector<int> last = {-s.var, -x};
          bool satisfied = false;
          for (auto [v, c] : {std::pair{vj, cj}, std::pair{vk, ck}}) {
            if (v == 0) {
              if (!c) satisfied = true;  // a constant-0 fanin: the NAND is 1, clause holds
            } else {
              last.push_back(-v);
            }
          }
          if (!satisfied) clause(last);
        }
      }
    }
    // Symmetry breaking, none of which excludes a smallest chain:
    // - two gates never compute NAND of the same pair;
    // - an inverter never inverts an inverter;
    // - a gate that does not use its predecessor comes after it in colexicographic
    //   order of fanin pairs (gate i's pairs are a prefix of gate i+1's, in that order).
    for (int i = 0; i < r_; ++i)
      for (int later = i + 1; later < r_; ++later)
        for (std::size_t p = 0; p < sel_[i].size(); ++p) clause({-sel_[i][p].var, -sel_[later][p].var});
    for (int i = 0; i < r_; ++i)
      for (const Sel& s : sel_[i]) {
        if (s.j != s.k || s.j < n_) continue;
        int g = s.j - n_;
        for (const Sel& t : sel_[g])
          if (t.j == t.k) clause({-s.var, -t.var});
      }
    for (int i = 0; i + 1 < r_; ++i)
      for (std::size_t p = 0; p < sel_[i].size(); ++p)
        for (std::size_t q = p + 1; q < sel_[i].size(); ++q) clause({-sel_[i][q].var, -sel_[i + 1][p].var});

    for (std::size_t o = 0; o < outs_.size(); ++o) {
      exactly_one(out_[o]);
      for (int i = 0; i < r_; ++i)
        for (int t = 0; t < rows_; ++t) {
          bool bit = ((outs_[o] >> t) & 1) != 0;
          clause({-out_[o][i], bit ? val_[i][t] : -val_[i][t]});
        }
    }
    // Every gate feeds a later gate or an output: no dead gates.
    for (int i = 0; all_used_ && i < r_; ++i) {
      std::vector<int> users;
      for (int later = i + 1; later < r_; ++later)
        for (const Sel& s : sel_[later])
          if (s.j == n_ + i || s.k == n_ + i) users.push_back(s.var);
      for (std::size_t o = 0; o < outs_.size(); ++o) users.push_back(out_[o][i]);
      clause(users);
    }
  }

  int n_, r_, rows_;
  bool all_used_;
  std::vector<TruthTable> outs_;
  std::vector<std::vector<Sel>> sel_;
  std::vector<std::vector<int>> val_;
  std::vector<std::vector<int>> out_;
  SatSolver solver_;
};

// Drops gates that feed nothing, renumbering the rest.
NandChain prune_dead_gates(const NandChain& c) {
  std::size_t total = static_cast<std::size_t>(c.num_inputs) + c.gates.size();
  std::vector<bool> live(total, false);
  for (int o : c.outputs) live[static_cast<std::size_t>(o)] = true;
  for (std::size_t i = c.gates.size(); i-- > 0;)
    if (live[static_cast<std::size_t>(c.num_inputs) + i])
      for (int f : c.gates[i]) live[static_cast<std::size_t>(f)] = true;
  std::vector<int> remap(total, -1);
  NandChain out;
  out.num_inputs = c.num_inputs;
  for (int j = 0; j < c.num_inputs; ++j) remap[static_cast<std::size_t>(j)] = j;
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    std::size_t node = static_cast<std::size_t>(c.num_inputs) + i;
    if (!live[node]) continue;
    remap[node] = c.num_inputs + static_cast<int>(out.gates.size());
    out.gates.push_back({remap[static_cast<std::size_t>(c.gates[i][0])], remap[static_cast<std::size_t>(c.gates[i][1])]});
  }
  for (int o : c.outputs) out.outputs.push_back(remap[static_cast<std::size_t>(o)]);
  return out;
}

}  // namespace

std::optional<NandChain> exact_nand_synthesis(int num_inputs, const std::vector<TruthTable>& outputs,
                                              const exact_nand_params& ps, exact_nand_stats* st) {
  exact_nand_stats stats;
  TruthTable mask = truth_table_mask(num_inputs);
  // Outputs equal to an input need no gate; the rest go to the SAT search, once each.
  std::vector<int> direct(outputs.size(), -1);
  std::vector<TruthTable> to_synthesise;
  std::vector<int> slot(outputs.size(), -1);
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    TruthTable f = outputs[o] & mask;
    for (int j = 0; j < num_inputs; ++j)
      if (f == input_truth_table(j, num_inputs)) direct[o] = j;
    if (direct[o] >= 0) continue;
    for (std::size_t k = 0; k < to_synthesise.size(); ++k)
      if (to_synthesise[k] == f) slot[o] = static_cast<int>(k);
    if (slot[o] < 0) {
      slot[o] = static_cast<int>(to_synthesise.size());
      to_synthesise.push_back(f);
    }
  }
  auto finish = [&](NandChain c) {
    NandChain full;
    full.num_inputs = num_inputs;
    full.gates = c.gates;
    for (std::size_t o = 0; o < outputs.size(); ++o)
      full.outputs.push_back(direct[o] >= 0 ? direct[o] : c.outputs[static_cast<std::size_t>(slot[o])]);
    return full;
  };
  if (to_synthesise.empty()) {
    stats.optimal = true;
    if (st) *st = stats;
    return finish(NandChain{num_inputs, {}, {}});
  }
  // Constant outputs cannot be made without constants: not handled here.
  for (TruthTable f : to_synthesise)
    if (f == 0 || f == mask) {
      if (st) *st = stats;
      return std::nullopt;
    }
  const int min_r = static_cast<int>(to_synthesise.size());
  if (ps.downward) {
    // One call with "at most max_gates" answers whether anything that small exists; then
    // each smaller network found is asked to shrink by one more gate, until the solver
    // proves it cannot (optimal) or gives up at the conflict limit. Satisfiable
    // questions are the cheap ones, so this spends little on windows already optimal.
    ChainEncoding any(num_inputs, ps.max_gates, to_synthesise, /*all_used=*/false);
    ++stats.sat_calls;
    if (any.solve(ps.conflict_limit) != SatResult::Sat) {
      if (st) *st = stats;
      return std::nullopt;
    }
    NandChain best = prune_dead_gates(any.decode());
    while (static_cast<int>(best.gates.size()) > min_r) {
      ChainEncoding smaller(num_inputs, static_cast<int>(best.gates.size()) - 1, to_synthesise, /*all_used=*/false);
      ++stats.sat_calls;
      SatResult res = smaller.solve(ps.conflict_limit);
      if (res != SatResult::Sat) {
        stats.optimal = res == SatResult::Unsat;
        break;
      }
      best = prune_dead_gates(smaller.decode());
    }
    if (static_cast<int>(best.gates.size()) == min_r) stats.optimal = true;
    if (st) *st = stats;
    return finish(best);
  }
  bool all_unsat_below = true;
  for (int r = min_r; r <= ps.max_gates; ++r) {
    ChainEncoding enc(num_inputs, r, to_synthesise, /*all_used=*/true);
    ++stats.sat_calls;
    SatResult res = enc.solve(ps.conflict_limit);
    if (res == SatResult::Sat) {
      stats.optimal = all_unsat_below;
      if (st) *st = stats;
      return finish(enc.decode());
    }
    if (res != SatResult::Unsat) all_unsat_below = false;
  }
  if (st) *st = stats;
  return std::nullopt;
}

}  // namespace nandflow

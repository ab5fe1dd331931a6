#include "opt/nand_resubstitution.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include "opt/nand_editor.hpp"
#include "opt/window_cnf.hpp"

namespace nandflow {
namespace {

using Id = NandEditor::Id;
using Words = std::vector<std::uint64_t>;

// A candidate new form of g over existing signals: one of
//   0: g = a        1: g = NAND(a, b)        2: g = NAND(a, NAND(b, c))
struct Candidate {
  int kind = 0;
  Id a = 0, b = 0, c = 0;
};

class Resubstituter {
 public:
  Resubstituter(NandEditor& ed, const nand_resubstitution_params& ps, nand_resubstitution_stats& st)
      : ed_(ed), ps_(ps), st_(st) {}

  void try_gate(Id g) {
    if (index_.size() < ed_.size()) index_.resize(ed_.size(), -1), mark_.resize(ed_.size(), 0);
    std::vector<Id> cone = ed_.mffc(g);
    const std::size_t m = cone.size();
    fanout_window(g);
    care_ = care_set(g);
    std::vector<Id> divs = divisors(g, cone);
    divs_ = divs;
    cnf_.reset();
    const int W = ed_.words();
    const std::uint64_t* sg = ed_.sig(g);
    proofs_ = 0;
    // 0-resub: g = d where g matters.
    for (Id d : divs) {
      if (proofs_ >= ps_.proofs_per_gate) break;
      const std::uint64_t* sd = ed_.sig(d);
      if (!all_words(W, [&](int w) { return ((sd[w] ^ sg[w]) & care_[w]) == 0; })) continue;
      if (attempt(g, {0, d, d, d})) return clear();
    }
    if (m < 2) return clear();
    // 1-resub: g = NAND(a, b). Where g is 0, both must be 1; where g is 1, not both.
    std::vector<Id> ones;
    for (Id d : divs) {
      const std::uint64_t* sd = ed_.sig(d);
      if (all_words(W, [&](int w) { return (~sg[w] & care_[w] & ~sd[w]) == 0; })) ones.push_back(d);
    }
    for (std::size_t i = 0; i < ones.size() && proofs_ < ps_.proofs_per_gate; ++i)
      for (std::size_t j = i; j < ones.size() && proofs_ < ps_.proofs_per_gate; ++j) {
        const std::uint64_t *sa = ed_.sig(ones[i]), *sb = ed_.sig(ones[j]);
        if (!all_words(W, [&](int w) { return (sg[w] & care_[w] & sa[w] & sb[w]) == 0; })) continue;
        if (attempt(g, {1, ones[i], ones[j], 0})) return clear();
      }
    if (m < 3 || !ps_.two_resub) return clear();
    // 2-resub: g = NAND(a, x), x = NAND(b, c). a must be 1 where g is 0 (a in `ones`);
    // where g is 1 and a is 1, x must be 0: b and c both 1 there; where g is 0, x must be
    // 1: b and c not both 1.
    Words need(static_cast<std::size_t>(W));
    std::vector<Id> bcs;
    for (std::size_t i = 0; i < ones.size() && proofs_ < ps_.proofs_per_gate; ++i) {
      const std::uint64_t* sa = ed_.sig(ones[i]);
      for (int w = 0; w < W; ++w) need[w] = sg[w] & care_[w] & sa[w];
      bcs.clear();
      for (Id d : divs) {
        if (d == ones[i]) continue;
        const std::uint64_t* sd = ed_.sig(d);
        if (all_words(W, [&](int w) { return (need[w] & ~sd[w]) == 0; })) bcs.push_back(d);
      }
      for (std::size_t j = 0; j < bcs.size() && proofs_ < ps_.proofs_per_gate; ++j)
        for (std::size_t k = j + 1; k < bcs.size() && proofs_ < ps_.proofs_per_gate; ++k) {
          const std::uint64_t *sb = ed_.sig(bcs[j]), *sc = ed_.sig(bcs[k]);
          if (!all_words(W, [&](int w) { return (~sg[w] & care_[w] & sb[w] & sc[w]) == 0; })) continue;
          if (attempt(g, {2, ones[i], bcs[j], bcs[k]})) return clear();
        }
    }
    clear();
  }

 private:
  template <typename Pred>
  static bool all_words(int W, Pred&& pred) {
    for (int w = 0; w < W; ++w)
      if (!pred(w)) return false;
    return true;
  }

  // The fanout window of g, in topological order, and its boundary: g and window
  // gates read from outside the window (or by a root).
  void fanout_window(Id g) {
    window_.clear();
    boundary_.clear();
    std::vector<Id> level{g};
    for (int depth = 0; depth < ps_.odc_levels && !level.empty(); ++depth) {
      std::vector<Id> next;
      for (Id x : level)
        for (Id r : ed_.fanouts(x))
          if (index_[r] < 0 && static_cast<int>(window_.size()) < ps_.max_window_gates) {
            index_[r] = 0;
            window_.push_back(r);
            next.push_back(r);
          }
      level = std::move(next);
    }
    std::sort(window_.begin(), window_.end(), [&](Id a, Id b) { return ed_.before(a, b); });
    for (std::size_t k = 0; k < window_.size(); ++k) index_[window_[k]] = static_cast<int>(k);
    auto on_boundary = [&](Id x) {
      if (ed_.is_root(x)) return true;
      for (Id r : ed_.fanouts(x))
        if (index_[r] < 0) return true;
      return false;
    };
    if (on_boundary(g)) boundary_.push_back(g);
    for (Id w : window_)
      if (on_boundary(w)) boundary_.push_back(w);
  }

  // Patterns under which flipping g changes a boundary signal.
  Words care_set(Id g) {
    const int W = ed_.words();
    if (!boundary_.empty() && boundary_[0] == g) return Words(static_cast<std::size_t>(W), ~0ULL);
    Words care(static_cast<std::size_t>(W), 0);
    flipped_.assign((window_.size() + 1) * static_cast<std::size_t>(W), 0);
    for (int w = 0; w < W; ++w) flipped_[static_cast<std::size_t>(w)] = ~ed_.sig(g)[w];
    auto value = [&](Id x) -> const std::uint64_t* {
      if (x == g) return &flipped_[0];
      if (index_[x] >= 0) return &flipped_[static_cast<std::size_t>(index_[x] + 1) * W];
      return ed_.sig(x);
    };
    for (std::size_t k = 0; k < window_.size(); ++k) {
      const auto& f = ed_.fanin(window_[k]);
      const std::uint64_t *a = value(f[0]), *b = value(f[1]);
      std::uint64_t* out = &flipped_[(k + 1) * static_cast<std::size_t>(W)];
      for (int w = 0; w < W; ++w) out[w] = ~(a[w] & b[w]);
    }
    for (Id o : boundary_) {
      const std::uint64_t *now = ed_.sig(o), *then = value(o);
      for (int w = 0; w < W; ++w) care[static_cast<std::size_t>(w)] |= now[w] ^ then[w];
    }
    return care;
  }

  // Signals before g outside its MFFC: its fanin cone a few levels down, and
  // other readers of those.
  std::vector<Id> divisors(Id g, const std::vector<Id>& cone) {
    for (Id c : cone) mark_[c] = 1;
    std::vector<Id> divs;
    std::vector<std::pair<Id, int>> queue{{g, 0}};
    auto take = [&](Id x) {
      if (mark_[x] || static_cast<int>(divs.size()) >= ps_.max_divisors) return false;
      mark_[x] = 2;
      touched_.push_back(x);
      if (x >= 2) divs.push_back(x);
      return true;
    };
    for (std::size_t i = 0; i < queue.size(); ++i) {
      auto [x, depth] = queue[i];
      if (!ed_.is_gate(x) || depth >= ps_.divisor_levels) continue;
      for (Id f : ed_.fanin(x)) {
        if (mark_[f] == 1) {
          if (f != g) queue.push_back({f, depth + 1});  // inside the MFFC: look through it
          mark_[f] = 3;
          touched_.push_back(f);
        } else if (take(f)) {
          queue.push_back({f, depth + 1});
        }
      }
    }
    for (std::size_t i = 0, n = divs.size(); i < n; ++i)
      for (Id r : ed_.fanouts(divs[i]))
        if (ed_.before(r, g)) take(r);
    for (Id c : cone) mark_[c] = 0;
    return divs;
  }

  // Proves that g may take the candidate's form without changing any boundary signal,
  // and if so makes the change.
  bool attempt(Id g, const Candidate& c) {
    ++proofs_;
    const bool dc = uses_dont_cares(g, c);
    if (!cnf_) {
      std::vector<Id> roots = boundary_;
      roots.push_back(g);
      roots.insert(roots.end(), divs_.begin(), divs_.end());
      cnf_ = std::make_unique<WindowCnf>(ed_, roots, static_cast<std::size_t>(ps_.max_cnf_gates));
    }
    SatSolver& sat = cnf_->sat();
    int x = cnf_->var(c.a);
    if (c.kind == 1) x = sat.nand_of(x, cnf_->var(c.b));
    if (c.kind == 2) x = sat.nand_of(x, sat.nand_of(cnf_->var(c.b), cnf_->var(c.c)));
    std::vector<int> copy(window_.size());
    auto copied = [&](Id y) {
      if (y == g) return x;
      if (index_[y] >= 0) return copy[static_cast<std::size_t>(index_[y])];
      return cnf_->var(y);
    };
    for (std::size_t k = 0; k < window_.size(); ++k) {
      const auto& f = ed_.fanin(window_[k]);
      copy[k] = sat.nand_of(copied(f[0]), copied(f[1]));
    }
    std::vector<int> differs;
    for (Id o : boundary_) differs.push_back(sat.differ(cnf_->var(o), copied(o)));
    int any = sat.any_of(differs);
    SatResult r = sat.solve({any}, ps_.conflict_limit);
    sat.retire(any);
    if (r != SatResult::Unsat) {
      ++(r == SatResult::Sat ? st_.refuted : st_.undecided);
      return false;
    }
    switch (c.kind) {
      case 0: ed_.replace(g, c.a); ++st_.resub0; break;
      case 1: ed_.set_fanins(g, c.a, c.b); ++st_.resub1; break;
      default: ed_.set_fanins(g, c.a, ed_.create_gate(c.b, c.c, g)); ++st_.resub2; break;
    }
    st_.using_dont_cares += dc;
    // The window's functions may have changed where g did not matter: new signatures.
    for (Id w : window_)
      if (ed_.alive(w)) ed_.resimulate({w});
    return true;
  }

  // Whether the new function differs from g's on a simulated pattern (where g does not matter).
  bool uses_dont_cares(Id g, const Candidate& c) const {
    const std::uint64_t *sg = ed_.sig(g), *sa = ed_.sig(c.a), *sb = ed_.sig(c.b), *sc = ed_.sig(c.c);
    for (int w = 0; w < ed_.words(); ++w) {
      std::uint64_t now = c.kind == 0 ? sa[w] : c.kind == 1 ? ~(sa[w] & sb[w]) : ~(sa[w] & ~(sb[w] & sc[w]));
      if ((now ^ sg[w]) & ~care_[static_cast<std::size_t>(w)]) return true;
    }
    return false;
  }

  void clear() {
    for (Id w : window_) index_[w] = -1;
    for (Id t : touched_) mark_[t] = 0;
    touched_.clear();
  }

  NandEditor& ed_;
  const nand_resubstitution_params& ps_;
  nand_resubstitution_stats& st_;
  std::vector<Id> window_, boundary_, touched_;
  std::vector<int> index_;  // position in window_, -1 outside it
  std::vector<std::uint8_t> mark_;
  Words flipped_, care_;
  int proofs_ = 0;
  std::vector<Id> divs_;
  std::unique_ptr<WindowCnf> cnf_;  // this gate's SAT instance, made at its first proof
};

}  // namespace

NandNetwork nand_resubstitution(const NandNetwork& net, const nand_resubstitution_params& ps,
                                nand_resubstitution_stats* st) {
  Stopwatch clock;
  nand_resubstitution_stats stats;
  stats.gates_before = net.gates.size();
  NandNetwork current = nand_cleanup(net);
  for (int pass = 0; pass < ps.max_passes && !stats.stopped_by_time_limit; ++pass) {
    ++stats.passes;
    NandEditor ed(current, ps.simulation_words, ps.seed + static_cast<std::uint64_t>(pass), ps.patterns);
    Resubstituter resub(ed, ps, stats);
    std::size_t visited = 0;
    for (Id g : ed.gates_in_order()) {
      if ((++visited & 63) == 0 && ps.deadline.expired()) {
        stats.stopped_by_time_limit = true;
        break;
      }
      if (ed.alive(g)) resub.try_gate(g);
    }
    NandNetwork next = ed.network();
    // Another pass only while passes pay (at least a thousandth of the network).
    bool better = (next.gates.size() + current.gates.size() / 1000) < current.gates.size() ||
                  (current.gates.size() < 1000 && next.gates.size() < current.gates.size());
    if (next.gates.size() <= current.gates.size()) current = std::move(next);
    if (!better) break;
  }
  stats.gates_after = current.gates.size();
  stats.seconds = clock.seconds();
  if (st) *st = stats;
  return current;
}

}  // namespace nandflow

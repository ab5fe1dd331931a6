#include "opt/nand_resubstitution.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "opt/nand_editor.hpp"
#include "opt/nand_resynthesis.hpp"

namespace nandflow {
namespace {

using Id = NandEditor::Id;
using Words = std::vector<std::uint64_t>;

class Resubstituter {
 public:
  Resubstituter(NandEditor& ed, const nand_resubstitution_params& ps, nand_resubstitution_stats& st)
      : ed_(ed), ps_(ps), st_(st), in_window_(ed.size(), 0), mark_(ed.size(), 0) {}

  void try_gate(Id g) {
    std::vector<Id> cone = ed_.mffc(g);
    const std::size_t m = cone.size();
    fanout_window(g);
    Words care = care_set(g);
    std::vector<Id> divs = divisors(g, cone);
    const int W = ed_.words();
    const std::uint64_t* sg = ed_.sig(g);
    auto covers = [&](auto&& pred) {
      for (int w = 0; w < W; ++w)
        if (pred(w)) return false;
      return true;
    };
    int proofs = 0;
    // 0-resub: g = d where g matters.
    for (Id d : divs) {
      if (proofs >= ps_.proofs_per_gate) break;
      const std::uint64_t* sd = ed_.sig(d);
      if (!covers([&](int w) { return ((sd[w] ^ sg[w]) & care[w]) != 0; })) continue;
      ++proofs;
      bool dc = uses_dont_cares(g, d, d, true, care);
      if (apply_if_proven(g, d, d, true)) {
        ++st_.resub0;
        st_.using_dont_cares += dc;
        return clear();
      }
    }
    if (m < 2) return clear();
    // 1-resub: g = NAND(a, b). Where g is 0, both must be 1; where g is 1, not both.
    std::vector<Id> ones;
    for (Id d : divs) {
      const std::uint64_t* sd = ed_.sig(d);
      if (covers([&](int w) { return (~sg[w] & care[w] & ~sd[w]) != 0; })) ones.push_back(d);
    }
    for (std::size_t i = 0; i < ones.size() && proofs < ps_.proofs_per_gate; ++i)
      for (std::size_t j = i; j < ones.size() && proofs < ps_.proofs_per_gate; ++j) {
        const std::uint64_t *sa = ed_.sig(ones[i]), *sb = ed_.sig(ones[j]);
        if (!covers([&](int w) { return (sg[w] & care[w] & sa[w] & sb[w]) != 0; })) continue;
        ++proofs;
        bool dc = uses_dont_cares(g, ones[i], ones[j], false, care);
        if (apply_if_proven(g, ones[i], ones[j], false)) {
          ++st_.resub1;
          st_.using_dont_cares += dc;
          return clear();
        }
      }
    clear();
  }

 private:
  // The fanout window of g, in id order, and its boundary: g and window gates
  // read from outside the window (or by a root).
  void fanout_window(Id g) {
    window_.clear();
    boundary_.clear();
    std::vector<Id> level{g};
    for (int depth = 0; depth < ps_.odc_levels && !level.empty(); ++depth) {
      std::vector<Id> next;
      for (Id x : level)
        for (Id r : ed_.fanouts(x))
          if (!in_window_[r] && static_cast<int>(window_.size()) < ps_.max_window_gates) {
            in_window_[r] = 1;
            window_.push_back(r);
            next.push_back(r);
          }
      level = std::move(next);
    }
    std::sort(window_.begin(), window_.end());
    auto on_boundary = [&](Id x) {
      if (ed_.is_root(x)) return true;
      for (Id r : ed_.fanouts(x))
        if (!in_window_[r]) return true;
      return false;
    };
    if (on_boundary(g)) boundary_.push_back(g);
    for (Id w : window_)
      if (on_boundary(w)) boundary_.push_back(w);
  }

  // Patterns under which flipping g changes a boundary signal.
  Words care_set(Id g) {
    const int W = ed_.words();
    Words care(static_cast<std::size_t>(W), 0);
    if (!boundary_.empty() && boundary_[0] == g) return Words(static_cast<std::size_t>(W), ~0ULL);
    flipped_.assign((window_.size() + 1) * static_cast<std::size_t>(W), 0);
    for (int w = 0; w < W; ++w) flipped_[static_cast<std::size_t>(w)] = ~ed_.sig(g)[w];
    auto value = [&](Id x) -> const std::uint64_t* {
      if (x == g) return &flipped_[0];
      if (in_window_[x]) {
        std::size_t k = static_cast<std::size_t>(std::lower_bound(window_.begin(), window_.end(), x) - window_.begin());
        return &flipped_[(k + 1) * static_cast<std::size_t>(W)];
      }
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

  // Signals older than g outside its MFFC: its fanin cone a few levels down, and
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
        if (r < g) take(r);
    for (Id c : cone) mark_[c] = 0;
    return divs;
  }

  // Proves that g may become d (single) or NAND(a, b) without changing any boundary
  // signal, and if so makes the change.
  bool apply_if_proven(Id g, Id a, Id b, bool single) {
    int x;
    if (single) {
      x = ed_.var(a);
    } else {
      int va = ed_.var(a), vb = ed_.var(b);
      x = ed_.new_var();
      ed_.clause({x, va});
      ed_.clause({x, vb});
      ed_.clause({-x, -va, -vb});
    }
    std::vector<int> copy(window_.size());
    auto copied = [&](Id y) {
      if (y == g) return x;
      if (in_window_[y])
        return copy[static_cast<std::size_t>(std::lower_bound(window_.begin(), window_.end(), y) - window_.begin())];
      return ed_.var(y);
    };
    for (std::size_t k = 0; k < window_.size(); ++k) {
      const auto& f = ed_.fanin(window_[k]);
      int p = copied(f[0]), q = copied(f[1]), y = ed_.new_var();
      ed_.clause({y, p});
      ed_.clause({y, q});
      ed_.clause({-y, -p, -q});
      copy[k] = y;
    }
    int act = ed_.new_var();
    std::vector<int> any_differs{-act};
    for (Id o : boundary_) {
      int now = ed_.var(o), then = copied(o), t = ed_.new_var();
      ed_.clause({-t, now, then});
      ed_.clause({-t, -now, -then});
      any_differs.push_back(t);
    }
    ed_.clause(any_differs);
    int r = ed_.solve(act, ps_.conflict_limit);
    ed_.clause({-act});
    if (r != 20) {
      ++(r == 10 ? st_.refuted : st_.undecided);
      return false;
    }
    if (single) ed_.replace(g, a);
    else ed_.set_fanins(g, a, b);
    // The window's functions may have changed where g did not matter: new signatures,
    // and new SAT variables when next asked.
    ed_.forget(g);
    for (Id w : window_)
      if (ed_.alive(w)) ed_.forget(w), ed_.resimulate({w});
    return true;
  }

  // Whether the new function differs from g's on a simulated pattern (where g does not matter).
  bool uses_dont_cares(Id g, Id a, Id b, bool single, const Words& care) const {
    const std::uint64_t *sg = ed_.sig(g), *sa = ed_.sig(a), *sb = ed_.sig(b);
    for (int w = 0; w < ed_.words(); ++w) {
      std::uint64_t now = single ? sa[w] : ~(sa[w] & sb[w]);
      if ((now ^ sg[w]) & ~care[static_cast<std::size_t>(w)]) return true;
    }
    return false;
  }

  void clear() {
    for (Id w : window_) in_window_[w] = 0;
    for (Id t : touched_) mark_[t] = 0;
    touched_.clear();
  }

  NandEditor& ed_;
  const nand_resubstitution_params& ps_;
  nand_resubstitution_stats& st_;
  std::vector<Id> window_, boundary_, touched_;
  std::vector<std::uint8_t> in_window_, mark_;
  Words flipped_;
};

}  // namespace

NandNetwork nand_resubstitution(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches,
                                const nand_resubstitution_params& ps, nand_resubstitution_stats* st) {
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  nand_resubstitution_stats stats;
  stats.gates_before = net.gates.size();
  NandNetwork current = nand_cleanup(net, num_inputs, num_latches);
  for (int pass = 0; pass < ps.max_passes && !stats.time_limit_reached; ++pass) {
    ++stats.passes;
    NandEditor ed(current, num_inputs, num_latches, ps.simulation_words, ps.seed + static_cast<std::uint64_t>(pass));
    Resubstituter resub(ed, ps, stats);
    for (Id g = ed.first_gate(); g < ed.size(); ++g) {
      if ((g & 63) == 0 && elapsed() > ps.time_limit_seconds) {
        stats.time_limit_reached = true;
        break;
      }
      if (ed.alive(g)) resub.try_gate(g);
    }
    NandNetwork next = ed.network();
    bool better = next.gates.size() < current.gates.size();
    if (next.gates.size() <= current.gates.size()) current = std::move(next);
    if (!better) break;
  }
  stats.gates_after = current.gates.size();
  stats.seconds = elapsed();
  if (st) *st = stats;
  return current;
}

}  // namespace nandflow

#include "opt/sat_sweep.hpp"

#include <random>
#include <unordered_map>
#include <vector>

#include "opt/nand_editor.hpp"

namespace nandflow {

NandNetwork sat_sweep(const NandNetwork& net, const sat_sweep_params& ps, sat_sweep_stats* st) {
  Stopwatch clock;
  sat_sweep_stats stats;
  stats.gates_before = net.gates.size();
  NandEditor ed(net, ps.simulation_words, ps.seed, ps.patterns);
  using Id = NandEditor::Id;
  // Signatures are normalised so that a signal and its complement share one: the first
  // pattern's bit is 0 in the key.
  auto flipped = [&](Id id) { return (ed.sig(id)[0] & 1) != 0; };
  auto hash_of = [&](Id id) {
    std::uint64_t h = 1469598103934665603ULL, m = flipped(id) ? ~0ULL : 0;
    for (int w = 0; w < ed.words(); ++w) h = (h ^ (ed.sig(id)[w] ^ m)) * 1099511628211ULL;
    return h;
  };
  auto same_or_complement = [&](Id a, Id b) {
    std::uint64_t m = flipped(a) != flipped(b) ? ~0ULL : 0;
    for (int w = 0; w < ed.words(); ++w)
      if ((ed.sig(a)[w] ^ m) != ed.sig(b)[w]) return false;
    return true;
  };
  // A live inverter of d placed before g, if there is one.
  auto inverter_of = [&](Id d, Id g) -> Id {
    for (Id r : ed.fanouts(d))
      if (ed.fanin(r)[0] == d && ed.fanin(r)[1] == d && ed.before(r, g)) return r;
    return 0;
  };
  // Signature -> the signals seen with it, earliest first (constants and leaves included,
  // so a gate that is constant or equal to an input merges into it).
  std::unordered_map<std::uint64_t, std::vector<Id>> seen;
  std::vector<Id> members;  // everything in `seen`, in order
  auto enter = [&](Id id) {
    seen[hash_of(id)].push_back(id);
    members.push_back(id);
  };
  for (Id id = 0; id < ed.first_gate(); ++id) enter(id);
  // Counterexamples waiting to become a word of patterns: bit k of pending[leaf].
  std::vector<std::uint64_t> pending(ed.num_leaves(), 0);
  int num_pending = 0;
  std::mt19937_64 rng(ps.seed ^ 0x9E3779B97F4A7C15ULL);
  auto record_counterexample = [&] {
    if (num_pending == 64) return;  // full until the next gate flushes it
    for (std::size_t l = 0; l < pending.size(); ++l) {
      // Leaves the query did not involve read 0: they cannot matter to it.
      if (ed.model_value(static_cast<Id>(l + 2))) pending[l] |= 1ULL << num_pending;
    }
    ++num_pending;
  };
  auto flush_patterns = [&] {
    if (num_pending == 0) return;
    for (std::size_t l = 0; l < pending.size(); ++l)
      pending[l] = (pending[l] & (num_pending == 64 ? ~0ULL : ((1ULL << num_pending) - 1))) |
                   (num_pending == 64 ? 0 : rng() << num_pending);
    if (!ed.add_word(pending)) return;
    if (ps.patterns) ps.patterns->add(pending);
    ++stats.pattern_words;
    std::fill(pending.begin(), pending.end(), 0);
    num_pending = 0;
    // The new word splits classes: sort everything seen so far again.
    seen.clear();
    std::vector<Id> old = std::move(members);
    members.clear();
    for (Id id : old)
      if (ed.alive(id)) enter(id);
  };
  std::size_t visited = 0;
  for (Id g : ed.gates_in_order()) {
    if (!ed.alive(g)) continue;
    if ((++visited & 255) == 0 && ps.deadline.expired()) {
      stats.stopped_by_time_limit = true;
      break;
    }
    if (num_pending >= 16) flush_patterns();
    auto& same = seen[hash_of(g)];
    bool merged = false;
    int tries = 0;
    for (Id d : same) {
      if (tries >= ps.candidates_per_gate) break;
      if (!ed.alive(d) || !same_or_complement(d, g)) continue;
      bool complement = flipped(d) != flipped(g);
      // g = !d pays only when an inverter of d exists or g's cone is larger than one.
      Id inv = complement ? inverter_of(d, g) : 0;
      if (complement && inv == 0 && ed.mffc(g).size() < 2) continue;
      if (complement && ed.fanin(g)[0] == d && ed.fanin(g)[1] == d) continue;  // g is that inverter
      ++tries;
      int differ = ed.sat().differ(ed.var(d), complement ? -ed.var(g) : ed.var(g));
      SatResult r = ed.sat().solve({differ}, ps.conflict_limit);
      if (r == SatResult::Sat) record_counterexample();
      ed.sat().retire(differ);
      if (r == SatResult::Unsat) {
        if (complement && inv == 0) inv = ed.create_gate(d, d, g);
        ed.replace(g, complement ? inv : d);
        ++stats.merged;
        merged = true;
        break;
      }
      ++(r == SatResult::Sat ? stats.refuted : stats.undecided);
    }
    if (!merged) enter(g);
  }
  flush_patterns();
  NandNetwork out = ed.network();
  stats.gates_after = out.gates.size();
  stats.seconds = clock.seconds();
  if (st) *st = stats;
  return out;
}

}  // namespace nandflow

#include "opt/sat_sweep.hpp"

#include <chrono>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "opt/nand_editor.hpp"

namespace nandflow {

NandNetwork sat_sweep(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches,
                      const sat_sweep_params& ps, sat_sweep_stats* st) {
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  sat_sweep_stats stats;
  stats.gates_before = net.gates.size();
  NandEditor ed(net, num_inputs, num_latches, ps.simulation_words, ps.seed);
  using Id = NandEditor::Id;
  const std::size_t bytes = static_cast<std::size_t>(ed.words()) * sizeof(std::uint64_t);
  auto hash_of = [&](Id id) {
    std::uint64_t h = 1469598103934665603ULL;
    for (int w = 0; w < ed.words(); ++w) h = (h ^ ed.sig(id)[w]) * 1099511628211ULL;
    return h;
  };
  // Signature -> the signals seen with it, earliest first (constants and leaves included,
  // so a gate that is constant or equal to an input merges into it).
  std::unordered_map<std::uint64_t, std::vector<Id>> seen;
  for (Id id = 0; id < ed.first_gate(); ++id) seen[hash_of(id)].push_back(id);
  for (Id g = ed.first_gate(); g < ed.size(); ++g) {
    if (!ed.alive(g)) continue;
    if ((g & 255) == 0 && elapsed() > ps.time_limit_seconds) {
      stats.time_limit_reached = true;
      break;
    }
    auto& same = seen[hash_of(g)];
    bool merged = false;
    int tries = 0;
    for (Id d : same) {
      if (tries >= ps.candidates_per_gate) break;
      if (!ed.alive(d) || std::memcmp(ed.sig(d), ed.sig(g), bytes) != 0) continue;
      ++tries;
      int a = ed.var(d), b = ed.var(g), differ = ed.new_var();
      ed.clause({-differ, a, b});
      ed.clause({-differ, -a, -b});
      int r = ed.solve(differ, ps.conflict_limit);
      ed.clause({-differ});
      if (r == 20) {
        ed.replace(g, d);
        ++stats.merged;
        merged = true;
        break;
      }
      ++(r == 10 ? stats.refuted : stats.undecided);
    }
    if (!merged) same.push_back(g);
  }
  NandNetwork out = ed.network();
  stats.gates_after = out.gates.size();
  stats.seconds = elapsed();
  if (st) *st = stats;
  return out;
}

}  // namespace nandflow

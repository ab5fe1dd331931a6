#include "flow/synth_flow.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "io/write_verilog.hpp"
#include "map/nand_map.hpp"
#include "opt/nand_database.hpp"
#include "opt/nand_resubstitution.hpp"
#include "opt/nand_resynthesis.hpp"
#include "opt/sat_sweep.hpp"
#include "verify/equivalence.hpp"

namespace nandflow {

static std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::size_t nand_equivalent(const Design& d, const NandNetwork& net) {
  std::size_t total = net.num_gates();
  for (const Latch& l : d.aig.latches()) total += static_cast<std::size_t>(flop_nand_price(l));
  return total;
}

namespace {

// SAT sweeping, then resubstitution with don't cares: cheap, so every candidate gets them
// at -O2 and up, each pass with at most `seconds`. Appends one --stats line per pass.
NandNetwork sweep_and_resubstitute(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches,
                                   int effort, double seconds, const std::string& prefix,
                                   std::vector<std::string>* stats_lines) {
  sat_sweep_params sp;
  sp.time_limit_seconds = seconds;
  sat_sweep_stats ss;
  NandNetwork swept = sat_sweep(net, num_inputs, num_latches, sp, &ss);
  stats_lines->push_back(prefix + "SAT sweeping: " + std::to_string(ss.gates_before) + " -> " +
                         std::to_string(ss.gates_after) + " NAND2, " + std::to_string(ss.merged) + " merged, " +
                         std::to_string(ss.refuted + ss.undecided) + " pairs apart, " + format_seconds(ss.seconds) +
                         (ss.time_limit_reached ? " (time limit)" : ""));
  nand_resubstitution_params bp;
  bp.time_limit_seconds = seconds;
  if (effort >= 3) bp.odc_levels = 8, bp.max_window_gates = 128, bp.max_divisors = 160;
  nand_resubstitution_stats bs;
  NandNetwork out = nand_resubstitution(swept, num_inputs, num_latches, bp, &bs);
  stats_lines->push_back(prefix + "resubstitution: " + std::to_string(bs.gates_before) + " -> " +
                         std::to_string(bs.gates_after) + " NAND2, " + std::to_string(bs.resub0) + " 0-resub, " +
                         std::to_string(bs.resub1) + " 1-resub (" + std::to_string(bs.using_dont_cares) +
                         " with don't cares), " + format_seconds(bs.seconds) +
                         (bs.time_limit_reached ? " (time limit)" : ""));
  return out;
}

// Window resynthesis settings for an effort level: -O3 also uses SAT on 4-input windows
// and lets its searches run longer.
nand_resynthesis_params resynthesis_params(int effort, int cut, ExactCache* cache, bool verbose) {
  nand_resynthesis_params rp;
  rp.verbose = verbose;
  rp.cache = cache;
  rp.max_cut_size = cut;
  rp.database = &NandDatabase::builtin();
  if (effort >= 3) {
    rp.sat_for_4_inputs = true;
    rp.conflict_limit[4] = 200000;
    rp.max_chain_gates[4] = 15;
  }
  return rp;
}

}  // namespace

SynthResult synthesize(const synth_params& ps) {
  auto t0 = std::chrono::steady_clock::now();
  FrontendStats fstats;
  Elaboration e = elaborate_for_synthesis(ps.frontend, &fstats);

  // Map every candidate, then resynthesise the two smallest (the rest rarely win
  // and would only cost time). The exact-synthesis cache is shared.
  struct Mapped {
    std::string name;
    Design design;
    NandNetwork net;
  };
  std::vector<Mapped> mapped;
  std::vector<std::string> r_stats_lines;
  for (auto& [name, candidate] : e.candidates) {
    // The other Yosys flows are only starting points: one that a random simulation tells
    // apart from the source is dropped (Yosys 0.23 has such bugs; nandflow-random-design
    // seed 3 shows one in `synth` without -noabc). The final --verify proves the result.
    if (name != e.candidates.front().first) {
      verify_params vp;
      vp.simulation_only = true;
      vp.simulation_words = 64;
      if (refuted(check_equivalence(e.gold, candidate, vp))) {
        r_stats_lines.push_back(name + ": differs from the source in simulation: dropped");
        continue;
      }
    }
    Design d = with_aig(candidate, cleanup(candidate.aig));
    NandNetwork net = nand_map(d.aig);
    r_stats_lines.push_back(name + ": " + std::to_string(d.aig.num_ands()) + " AND nodes, mapped to " +
                            std::to_string(net.num_gates()) + " NAND2");
    mapped.push_back({name, std::move(d), std::move(net)});
  }
  auto deadline_left = [&] {
    return ps.time_limit_seconds - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  if (ps.effort >= 2) {
    // Every start is also swept and resubstituted (a tenth of the time left each: these
    // passes rarely need it). A large network only continues from that version: window
    // resynthesis meets the time limit long before its fixpoint there. A small one keeps
    // both versions as starts, because resynthesis sometimes does better from Yosys's
    // structure (the 16-bit adder: 139 NAND2 from it, 141 from the resubstituted one).
    std::size_t starts = mapped.size();
    for (std::size_t i = 0; i < starts; ++i) {
      const Mapped& m = mapped[i];
      double share = std::max(0.0, deadline_left()) / 10.0;
      NandNetwork net = sweep_and_resubstitute(m.net, m.design.aig.num_inputs(), m.design.aig.num_latches(), ps.effort,
                                               share, m.name + ", ", &r_stats_lines);
      if (m.net.num_gates() >= 5000) mapped[i].net = std::move(net);
      else if (net.num_gates() < m.net.num_gates()) mapped.push_back({m.name + "+resub", m.design, std::move(net)});
    }
  }
  std::stable_sort(mapped.begin(), mapped.end(),
                   [](const Mapped& a, const Mapped& b) { return a.net.num_gates() < b.net.num_gates(); });
  if (ps.effort >= 1) {
    // -O1: windows of up to 3 inputs to a fixpoint; -O2 adds 4-input windows;
    // -O3 gives the SAT searches more conflicts. All within the time limit.
    ExactCache cache;
    // A large design gets all the time on its best start, where it pays most.
    std::size_t gates = mapped[0].net.num_gates();
    std::size_t tries = std::min<std::size_t>(gates > 20000 ? 1 : gates > 300 ? 2 : 8, mapped.size());
    std::vector<int> cut_sizes = {3};
    if (ps.effort >= 2) cut_sizes.push_back(4);
    std::size_t runs_left = cut_sizes.size() * tries;
    for (int cut : cut_sizes)
      for (std::size_t i = 0; i < tries; ++i, --runs_left) {
        nand_resynthesis_params rp = resynthesis_params(ps.effort, cut, &cache, ps.frontend.verbose);
        // An equal share of what is left; a run that reaches its fixpoint early leaves its rest to the next.
        rp.time_limit_seconds = std::max(0.0, deadline_left()) / static_cast<double>(runs_left);
        Mapped& m = mapped[i];
        nand_resynthesis_stats rs;
        m.net = nand_resynthesis(m.net, m.design.aig.num_inputs(), m.design.aig.num_latches(), rp, &rs);
        r_stats_lines.push_back(m.name + ", " + std::to_string(cut) + "-input windows: " +
                                std::to_string(rs.gates_before) + " -> " + std::to_string(rs.gates_after) +
                                " NAND2, " + std::to_string(rs.passes) + " passes, " +
                                std::to_string(rs.sat_syntheses) + " SAT syntheses, " +
                                std::to_string(rs.database_hits) + " database hits, " + format_seconds(rs.seconds) +
                                (rs.time_limit_reached ? " (time limit)" : ""));
      }
    std::stable_sort(mapped.begin(), mapped.end(),
                     [](const Mapped& a, const Mapped& b) { return a.net.num_gates() < b.net.num_gates(); });
    // -O2 and up: on the best network, SAT sweeping, resubstitution with don't cares and
    // 4-input window resynthesis again, in turn, until a round saves nothing.
    Mapped& best = mapped[0];
    const std::size_t ni = best.design.aig.num_inputs(), nl = best.design.aig.num_latches();
    for (int round = 1; ps.effort >= 2 && deadline_left() > 0; ++round) {
      std::size_t round_start = best.net.num_gates();
      std::string prefix = best.name + ", round " + std::to_string(round) + ", ";
      best.net = sweep_and_resubstitute(best.net, ni, nl, ps.effort, std::max(0.0, deadline_left()), prefix,
                                        &r_stats_lines);
      nand_resynthesis_params rp = resynthesis_params(ps.effort, 4, &cache, ps.frontend.verbose);
      rp.time_limit_seconds = std::max(0.0, deadline_left());
      nand_resynthesis_stats rs;
      best.net = nand_resynthesis(best.net, ni, nl, rp, &rs);
      r_stats_lines.push_back(prefix + "4-input windows: " + std::to_string(rs.gates_before) + " -> " +
                              std::to_string(rs.gates_after) + " NAND2, " + format_seconds(rs.seconds) +
                              (rs.time_limit_reached ? " (time limit)" : ""));
      if (best.net.num_gates() >= round_start) break;
    }
  }
  SynthResult r;
  r.pass_stats = std::move(r_stats_lines);
  r.design = std::move(mapped[0].design);
  r.net = std::move(mapped[0].net);
  r.start_point = mapped[0].name;
  r.yosys_same_flops = e.abc_nand_cells;
  r.gold = std::move(e.gold);
  r.design.warnings = r.gold.warnings;
  r.nands = r.net.num_gates();
  r.flops = r.design.aig.num_latches();
  r.nand_equivalent = nand_equivalent(r.design, r.net);
  r.depth = nand_depth(r.net);
  r.input_bits = r.design.aig.num_inputs();
  r.output_bits = r.design.aig.outputs().size();
  r.yosys_seconds = fstats.seconds;
  r.yosys_version = fstats.yosys_version;
  if (ps.compare_yosys) r.yosys_baseline = yosys_nand_baseline(ps.frontend);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace nandflow

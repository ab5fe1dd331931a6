#include "flow/synth_flow.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "io/write_verilog.hpp"
#include "map/abc_map.hpp"
#include "map/nand_map.hpp"
#include "map/storage_nand.hpp"
#include "opt/nand_database.hpp"
#include "opt/nand_resubstitution.hpp"
#include "opt/nand_resynthesis.hpp"
#include "opt/sat_sweep.hpp"
#include "util/stopwatch.hpp"
#include "verify/equivalence.hpp"

namespace nandflow {

std::size_t nand_equivalent(const Design& d, const NandNetwork& net) {
  std::size_t total = net.num_gates();
  for (const Latch& l : d.aig.latches()) total += static_cast<std::size_t>(storage_nand_price(l));
  return total;
}

namespace {

// Above this many AND nodes a design is large: its gold model is not optimised as a
// start of its own when ABC's are there.
constexpr std::size_t kLargeDesignAnds = 5000;
// Below this many NAND2 gates every start gets window resynthesis: which one ends
// smallest is hard to tell before (the Hack CPU: 820 NAND2 from a start of 892, while
// the 842 of the smallest start do not shrink).
constexpr std::size_t kSmallNetworkGates = 2000;
// Above this many NAND2 gates a network is large: cheaper SAT sweeping, and window
// resynthesis for two starts only (one per core).
constexpr std::size_t kLargeNetworkGates = 20000;
// Above this many AND nodes a design is huge (hyp: 214,335): ABC's strong scripts would
// take many minutes, so it gets ABC's light script only, and one start is resynthesised.
constexpr std::size_t kHugeDesignAnds = 100000;

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::string capped(bool hit) { return hit ? " (stopped by the time limit)" : ""; }

// One starting point and what happened to it. Each is optimised by one thread at a time,
// and what threads share (the exact-synthesis library) answers every question the same
// way whoever asks first, so a start's result never depends on the others.
struct Start {
  std::string name;
  const Design* design = nullptr;  // the AIG it came from (ports, flip-flops)
  NandNetwork net;
  std::vector<std::string> log;
  std::map<std::string, double> seconds;  // per stage
  bool capped = false;
  bool ok = true;  // false: could not be made (ABC missing or failing)
  SimulationPatterns patterns;  // SAT counterexamples found on this start so far
  // Per pass, the network it last left unchanged: run on that network again, it would
  // find nothing again, so it is skipped (resubstitution in a round after windows that
  // changed nothing: 4 s of an arbiter's 23).
  std::map<std::string, NandNetwork> fixpoint;
  std::size_t saved_in_all = 0;  // gates every pass on it so far saved together
  std::map<std::string, std::size_t> saved;  // per pass, the gates its latest run saved
};

// Runs fn(i) for i in [0, n) on up to `threads` threads. Which thread runs which i
// does not matter: every task writes only its own slot.
template <typename Fn>
void parallel_for(std::size_t n, int threads, Fn&& fn) {
  std::size_t workers = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(1, threads)));
  if (workers <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  // The calling thread works too; helpers that cannot be started (no memory left under
  // --max-memory, say) leave their share to it.
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) {
    try {
      pool.emplace_back(work);
    } catch (...) {
      break;
    }
  }
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

// The passes, each appending one line to the start's log.
class Passes {
 public:
  Passes(const EffortLevel& level, const Deadline& deadline, bool verbose)
      : level_(level), deadline_(deadline), verbose_(verbose) {}

  void sweep(Start& s, const std::string& prefix) const {
    sat_sweep_params sp;
    sp.simulation_words = level_.simulation_words;
    // A large network gets a tenth of the conflicts per proof: its hard pairs (a
    // logarithm's) are rarely equal, and each would cost a second.
    if (s.net.num_gates() > kLargeNetworkGates) sp.conflict_limit /= 10;
    sp.conflict_limit *= level_.conflict_scale;
    sp.deadline = deadline_;
    sp.patterns = &s.patterns;
    sat_sweep_stats st;
    s.net = sat_sweep(s.net, sp, &st);
    record(s, "sweep", st, prefix + "SAT sweeping",
           std::to_string(st.merged) + " merged, " + std::to_string(st.refuted + st.undecided) + " pairs apart (" +
               std::to_string(st.pattern_words) + " words of counterexamples)");
  }

  void resub(Start& s, const std::string& prefix) const {
    nand_resubstitution_params bp;
    bp.odc_levels = level_.odc_levels;
    bp.max_divisors = level_.max_divisors;
    bp.max_window_gates = level_.odc_levels > 5 ? 128 : 64;
    bp.two_resub = level_.two_resub;
    bp.conflict_limit *= level_.conflict_scale;
    bp.deadline = deadline_;
    bp.patterns = &s.patterns;
    bp.simulation_words = level_.simulation_words;
    if (at_fixpoint(s, "resubstitution")) return skipped(s, prefix + "resubstitution");
    nand_resubstitution_stats st;
    NandNetwork before = s.net;
    s.net = nand_resubstitution(s.net, bp, &st);
    remember(s, "resubstitution", before);
    record(s, "resubstitution", st, prefix + "resubstitution",
           std::to_string(st.resub0) + " 0-resub, " + std::to_string(st.resub1) +
               " 1-resub, " + std::to_string(st.resub2) + " 2-resub (" + std::to_string(st.using_dont_cares) +
               " with don't cares), " + std::to_string(st.refuted + st.undecided) + " refused");
  }

  void resynthesise(Start& s, int cut, const std::string& prefix) const {
    nand_resynthesis_params rp;
    rp.verbose = verbose_;
    rp.max_cut_size = cut;
    rp.database = &NandDatabase::builtin();
    rp.deadline = deadline_;
    rp.max_exact_outputs[4] = level_.max_exact_outputs_4;
    const std::string pass = std::to_string(cut) + "-input windows";
    if (at_fixpoint(s, pass)) return skipped(s, prefix + pass);
    nand_resynthesis_stats st;
    NandNetwork before = s.net;
    s.net = nand_resynthesis(s.net, rp, &st);
    remember(s, pass, before);
    record(s, "windows", st, prefix + std::to_string(cut) + "-input windows",
           std::to_string(st.passes) + " passes, " +
               std::to_string(st.sat_syntheses) + " exact syntheses asked, " + std::to_string(st.database_hits) +
               " database hits");
  }

 private:
  // Whether `pass` left this very network unchanged before (then it is not run again).
  static bool at_fixpoint(const Start& s, const std::string& pass) {
    auto it = s.fixpoint.find(pass);
    return it != s.fixpoint.end() && it->second == s.net;
  }
  static void skipped(Start& s, const std::string& what) {
    s.log.push_back(what + ": skipped (it left this same network unchanged before)");
  }
  static void remember(Start& s, const std::string& pass, const NandNetwork& before) {
    if (before == s.net) s.fixpoint[pass] = before;
    s.saved[pass] = before.num_gates() - std::min(before.num_gates(), s.net.num_gates());
  }

  // What every pass reports: its stage time, whether the safety cap stopped it, and a
  // line "<what>: <before> -> <after> NAND2, <its own figures>, <seconds>".
  template <typename Stats>
  static void record(Start& s, const char* stage, const Stats& st, const std::string& what, const std::string& figures) {
    s.seconds[stage] += st.seconds;
    s.saved_in_all += st.gates_before - std::min(st.gates_before, st.gates_after);
    s.capped |= st.stopped_by_time_limit;
    s.log.push_back(what + ": " + std::to_string(st.gates_before) + " -> " + std::to_string(st.gates_after) +
                    " NAND2, " + figures + ", " + format_seconds(st.seconds) + capped(st.stopped_by_time_limit));
  }

 public:
  const EffortLevel& level_;
  Deadline deadline_;
  bool verbose_;
};

}  // namespace

SynthResult synthesize(const synth_params& ps) {
  Stopwatch clock;
  Deadline deadline(ps.time_limit_seconds);
  const EffortLevel& level = effort_level(ps.effort);
  const int threads = ps.threads > 0 ? ps.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  FrontendStats fstats;
  Elaboration e = elaborate_for_synthesis(ps.frontend, &fstats);
  const Design gold = with_aig(e.gold, cleanup(e.gold.aig));
  Passes passes(level, deadline, ps.frontend.verbose);

  // Phase 1, in parallel tasks, each making its own starting points: ABC's two scripts
  // on the gold model, the gold model mapped as it is, and for designs small enough
  // Yosys's own flows. Every start is swept and resubstituted at -O2 and up; a small
  // network keeps its unresubstituted version as a further start, because resynthesis
  // sometimes does better from Yosys's structure (the 16-bit adder: 139 NAND2 from it,
  // 141 from the resubstituted one). The longest tasks come first.
  // A start far larger than the gold model mapped as it is will not win (ABC's BDD script
  // on an adder: ten times the gates): it is kept as it came, without passes.
  const std::size_t gold_mapped = nand_map(gold.aig).num_gates();
  auto hopeless = [&](const Start& s) { return s.net.num_gates() > gold_mapped + gold_mapped / 2; };
  auto finish_start = [&](std::unique_ptr<Start> s, std::vector<std::unique_ptr<Start>>& out) {
    if (hopeless(*s)) s->log.push_back(s->name + ": far larger than the source mapped as it is: left as it is");
    if (level.sweep_and_resub && !hopeless(*s)) {
      NandNetwork before = s->net;
      // Also where ABC's &fraig has swept: the counterexamples it finds are the patterns
      // that make resubstitution's candidates worth proving.
      passes.sweep(*s, s->name + ", ");
      passes.resub(*s, s->name + ", ");
      if (before.num_gates() < kSmallNetworkGates / 2 && s->net.num_gates() < before.num_gates()) {
        auto x = std::make_unique<Start>();
        x->name = s->name + "+unswept";
        x->design = s->design;
        x->net = std::move(before);
        x->patterns = s->patterns;
        out.push_back(std::move(s));
        out.push_back(std::move(x));
        return;
      }
    }
    out.push_back(std::move(s));
  };
  auto mapped_start = [&](const std::string& name, const Design* d) {
    auto s = std::make_unique<Start>();
    s->name = name;
    s->design = d;
    Stopwatch t;
    s->net = nand_map(d->aig);
    s->log.push_back(name + ": " + std::to_string(d->aig.num_ands()) + " AND nodes, mapped to " +
                     std::to_string(s->net.num_gates()) + " NAND2");
    s->seconds["map"] += t.seconds();
    return s;
  };
  std::vector<std::function<void(std::vector<std::unique_ptr<Start>>&)>> tasks;
  std::optional<std::size_t> yosys_abc_nand_cells;
  double yosys_seconds = fstats.seconds;
  std::vector<Design> yosys_designs;
  // Yosys's flows start from the source again, where ABC would meet the loops of storage
  // drawn with gates (and cut them its own way): such a design starts from the gold model.
  if (level.yosys_synth_starts && gold.aig.num_ands() <= kFullSynthCandidateLimit && gold.latches_from_loops == 0)
    tasks.push_back([&](std::vector<std::unique_ptr<Start>>& out) {
      FrontendStats ys;
      YosysStarts y = yosys_synth_starts(ps.frontend, e.lowered, &ys);
      yosys_seconds += ys.seconds;
      yosys_abc_nand_cells = y.abc_nand_cells;
      // Only starting points: one that a random simulation tells apart from the source is
      // dropped (Yosys 0.23 has such bugs; nandflow-random-design seed 3 shows one in
      // `synth` without -noabc). The final --verify proves the result.
      yosys_designs.reserve(y.candidates.size());
      for (auto& [name, candidate] : y.candidates) {
        verify_params vp;
        vp.simulation_only = true;
        vp.simulation_words = 64;
        if (refuted(check_equivalence(e.gold, candidate, vp))) {
          auto s = std::make_unique<Start>();
          s->name = name;
          s->ok = false;
          s->log.push_back(name + ": differs from the source in simulation: dropped");
          out.push_back(std::move(s));
          continue;
        }
        yosys_designs.push_back(with_aig(candidate, cleanup(candidate.aig)));
        finish_start(mapped_start(name, &yosys_designs.back()), out);
      }
    });
  const bool huge = gold.aig.num_ands() > kHugeDesignAnds;
  std::vector<const AbcScript*> scripts = {&kAbcStrongArea, &kAbcSweptArea, &kAbcBddMuxes};
  if (huge) scripts = {&kAbcLightArea};
  if (level.abc_starts)
    for (const AbcScript* script : scripts)
      tasks.push_back([&, script](std::vector<std::unique_ptr<Start>>& out) {
        auto s = std::make_unique<Start>();
        s->name = script->name;
        s->design = &gold;
        abc_map_stats as;
        abc_map_params ap;
        ap.script = *script;
        std::optional<NandNetwork> net = abc_map(gold.aig, ap, &as);
        s->seconds["ABC"] += as.seconds;
        if (!net) {
          s->log.push_back(s->name + ": not run: " + as.message);
          s->ok = false;
          out.push_back(std::move(s));
          return;
        }
        s->net = std::move(*net);
        s->log.push_back(s->name + ": Berkeley ABC, mapped to " + std::to_string(s->net.num_gates()) + " NAND2, " +
                         format_seconds(as.seconds));
        finish_start(std::move(s), out);
      });
  // The gold model as it is: with ABC's starts beside it, a large one is only mapped (its
  // structure is rarely the better start there, and sweeping it costs most).
  tasks.push_back([&](std::vector<std::unique_ptr<Start>>& out) {
    auto s = mapped_start(e.gold_name, &gold);
    if (level.abc_starts && gold.aig.num_ands() > kLargeDesignAnds) out.push_back(std::move(s));
    else finish_start(std::move(s), out);
  });
  std::vector<std::vector<std::unique_ptr<Start>>> made(tasks.size());
  parallel_for(tasks.size(), threads, [&](std::size_t i) { tasks[i](made[i]); });
  std::vector<std::unique_ptr<Start>> starts;
  for (auto& m : made)
    for (auto& s : m) starts.push_back(std::move(s));

  // Starts that did not run (ABC missing) leave, and so do copies of another (two ABC
  // scripts often agree); the rest are ordered by size, ties by name.
  std::vector<Start*> order;
  for (auto& s : starts) {
    if (!s->ok) continue;
    bool copy = false;
    for (const Start* o : order) copy = copy || o->net == s->net;
    if (copy) s->log.push_back(s->name + ": the same network as another start: not resynthesised");
    else order.push_back(s.get());
  }
  auto by_size = [](const Start* a, const Start* b) {
    if (a->net.num_gates() != b->net.num_gates()) return a->net.num_gates() < b->net.num_gates();
    return a->name < b->name;
  };
  std::stable_sort(order.begin(), order.end(), by_size);

  // Phase 2, in parallel: window resynthesis of the best starts, 3- then 4-input windows.
  if (level.max_window_inputs >= 3) {
    std::size_t tries = order.front()->net.num_gates() < kSmallNetworkGates
                            ? order.size()
                            : std::min<std::size_t>(static_cast<std::size_t>(level.resynthesised_starts), order.size());
    if (order.front()->net.num_gates() > kLargeNetworkGates) tries = std::min<std::size_t>(tries, huge ? 1 : 2);
    // When only some starts are resynthesised, the second is the best of another origin
    // than the first (ABC's scripts often end alike; a Yosys start reaches what they do
    // not: a 64-bit multiplier, 32,204 from the source's own gates against 32,782), if
    // it is within a quarter of the best (a divider's source gates, 2.75 times ABC's
    // after sweeping, cost 38 s of windows and never come close).
    if (tries < order.size() && tries >= 2) {
      auto family = [](const Start* s) { return s->name.substr(0, s->name.find('-')); };
      const std::size_t best_gates = order.front()->net.num_gates();
      auto other = std::find_if(order.begin() + 1, order.end(), [&](const Start* s) {
        return family(s) != family(order.front()) && !hopeless(*s) && s->net.num_gates() <= best_gates + best_gates / 4;
      });
      if (other != order.end() && other - order.begin() >= static_cast<std::ptrdiff_t>(tries))
        std::rotate(order.begin() + static_cast<std::ptrdiff_t>(tries) - 1, other, other + 1);
    }
    while (tries > 1 && hopeless(*order[tries - 1])) --tries;
    parallel_for(tries, threads, [&](std::size_t i) {
      Start& s = *order[i];
      for (int cut = 3; cut <= level.max_window_inputs; ++cut) passes.resynthesise(s, cut, s.name + ", ");
    });
    std::stable_sort(order.begin(), order.end(), by_size);
  }

  // Phase 2b, for a small network: the best so far handed back to ABC's area script, which
  // restructures it its way, and resynthesised again: two engines in turn find what
  // neither finds alone (a control block: 125 NAND2, then 122).
  if (level.abc_starts && level.max_window_inputs >= 3 && order.front()->net.num_gates() < kSmallNetworkGates) {
    const Start& best = *order.front();
    auto again = std::make_unique<Start>();
    again->name = best.name + "+abc";
    again->design = best.design;
    again->patterns = best.patterns;
    abc_map_stats as;
    std::optional<NandNetwork> net = abc_map(aig_of_nand(best.net), {}, &as);
    again->seconds["ABC"] += as.seconds;
    if (net) {
      again->net = std::move(*net);
      again->log.push_back(again->name + ": Berkeley ABC on the best network, mapped to " +
                           std::to_string(again->net.num_gates()) + " NAND2, " + format_seconds(as.seconds));
      if (level.sweep_and_resub) passes.resub(*again, again->name + ", ");
      for (int cut = 3; cut <= level.max_window_inputs; ++cut) passes.resynthesise(*again, cut, again->name + ", ");
      order.push_back(again.get());
      starts.push_back(std::move(again));
      std::stable_sort(order.begin(), order.end(), by_size);
    }
  }

  // Phase 3: on the best network, resubstitution and window resynthesis again, in turn,
  // until a round saves nothing (at most max_rounds). (SAT sweeping again finds next to
  // nothing there: every start was swept, and the passes since merge what they build.)
  // Rounds only where the passes so far paid: a start they shrank by under a thousandth
  // (ABC's arbiter: one gate of 11,258) would spend the rounds on the same refusals, and
  // so would one whose latest resubstitution and widest windows each saved under a
  // thousandth (a logarithm: 42 and 4 gates of 42,000; a round saved 11 in 3.5 s).
  Start& best = *order.front();
  auto paid = [&](std::size_t gain) { return gain * 1000 >= best.net.num_gates(); };
  auto latest = [&](const std::string& pass) {
    auto it = best.saved.find(pass);
    return it == best.saved.end() ? best.net.num_gates() : it->second;
  };
  const bool passes_paid =
      paid(best.saved_in_all) &&
      (paid(latest("resubstitution")) || paid(latest(std::to_string(level.max_window_inputs) + "-input windows")));
  if (!passes_paid && level.max_rounds > 0)
    best.log.push_back(best.name + ": no rounds (the passes so far saved under a thousandth)");
  for (int round = 1; passes_paid && round <= level.max_rounds && !deadline.expired(); ++round) {
    std::size_t round_start = best.net.num_gates();
    std::string prefix = best.name + ", round " + std::to_string(round) + ", ";
    passes.resub(best, prefix);
    passes.resynthesise(best, level.max_window_inputs, prefix);
    // Another round only while rounds pay (at least a thousandth of the network).
    if ((round_start - std::min(round_start, best.net.num_gates())) * 1000 < round_start) break;
  }

  SynthResult r;
  std::vector<std::string> log;
  for (const auto& s : starts) {
    log.insert(log.end(), s->log.begin(), s->log.end());
    for (const auto& [stage, secs] : s->seconds) {
      auto it = std::find_if(r.stage_seconds.begin(), r.stage_seconds.end(), [&](auto& p) { return p.first == stage; });
      if (it == r.stage_seconds.end()) r.stage_seconds.push_back({stage, secs});
      else it->second += secs;
    }
    r.stopped_by_time_limit |= s->capped;
  }
  r.stage_seconds.insert(r.stage_seconds.begin(), {"yosys", yosys_seconds});
  r.pass_stats = std::move(log);
  r.design = *best.design;
  r.net = std::move(best.net);
  r.start_point = best.name;
  r.yosys_same_flops = yosys_abc_nand_cells;
  r.gold = std::move(e.gold);
  r.design.warnings = r.gold.warnings;
  r.nands = r.net.num_gates();
  for (const Latch& l : r.design.aig.latches()) ++(l.level_sensitive ? r.latches : r.flops);
  r.nand_equivalent = nand_equivalent(r.design, r.net);
  r.depth = nand_depth(r.net);
  r.input_bits = r.design.aig.num_inputs();
  r.output_bits = r.design.aig.outputs().size();
  r.yosys_seconds = yosys_seconds;
  r.yosys_version = fstats.yosys_version;
  r.effort = ps.effort;
  r.stopped_by_time_limit |= deadline.hit();
  if (ps.compare_yosys) r.yosys_baseline = yosys_nand_baseline(ps.frontend);
  r.seconds = clock.seconds();
  return r;
}

}  // namespace nandflow

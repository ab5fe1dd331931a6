#include "verify/equivalence.hpp"

#include <chrono>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include "sat/aig_cnf.hpp"
#include "sat/sat_solver.hpp"

#include "sim/bit_sim.hpp"

namespace nandflow {
namespace {

// Copies `src` into `dst`, with its leaves already mapped in `map` (per src node).
void copy_logic(const Aig& src, Aig& dst, std::vector<Lit>& map) {
  for (NodeId n : topo_ands(src, all_roots(src))) {
    auto tr = [&](Lit l) { return lit_not_if(map[lit_node(l)], lit_is_complemented(l)); };
    map[n] = dst.create_and(tr(src.fanin0(n)), tr(src.fanin1(n)));
  }
}

Lit translate(const std::vector<Lit>& map, Lit l) { return lit_not_if(map[lit_node(l)], lit_is_complemented(l)); }

// The value a latch settles to: R ? 0 : S ? 1 : enabled ? D : Q.
Lit settled_value(Aig& miter, Lit enabled, Lit d, Lit q, Lit reset, Lit set) {
  Lit v = miter.create_or(set, miter.create_mux(enabled, d, q));
  return miter.create_and(lit_not(reset), v);
}

// The same for latch `l`, from its pins translated by `map`.
Lit latch_equation(Aig& miter, const Latch& l, const std::vector<Lit>& map) {
  return settled_value(miter, lit_not_if(translate(map, l.clock), l.negedge), translate(map, l.next),
                       translate(map, make_lit(l.out)), translate(map, l.async_reset), translate(map, l.async_set));
}

// A pure-NAND netlist (synth --pure-nand) draws flip-flop N as two latches: the master,
// named "N$master", open while the clock is at its idle level, and the slave N.
const std::string kMasterSuffix = "$master";
bool is_master_name(const std::string& n) { return n.size() > kMasterSuffix.size() && n.ends_with(kMasterSuffix); }

struct Pair {
  std::string what;
  Lit gold, netlist;
  bool any_state = false;  // compared in every state (a latch's equation), not only settled ones
};

// Word w of literal l's simulation signature (W words per node).
std::uint64_t lit_value_at(const std::vector<std::uint64_t>& sig, std::size_t W, Lit l, std::size_t w) {
  std::uint64_t v = sig[lit_node(l) * W + w];
  return lit_is_complemented(l) ? ~v : v;
}

}  // namespace

VerifyResult check_equivalence(const Design& gold, const Design& netlist, const verify_params& ps, verify_stats* st) {
  auto t0 = std::chrono::steady_clock::now();
  VerifyResult result;
  result.x_dont_cares = gold.x_dont_cares;
  verify_stats stats;
  const Aig& ga = gold.aig;
  const Aig& na = netlist.aig;

  // The miter's free variables: inputs by name, then gold flip-flop states.
  Aig miter;
  std::map<std::string, Lit> input_by_name;
  std::vector<Lit> gmap(ga.num_nodes(), kLit0), nmap(na.num_nodes(), kLit0);
  std::vector<std::string> leaf_names;  // per miter input
  for (std::size_t i = 0; i < ga.num_inputs(); ++i) {
    Lit l = make_lit(miter.create_input(ga.input_name(i)));
    input_by_name[ga.input_name(i)] = l;
    gmap[ga.inputs()[i]] = l;
  }
  std::size_t num_primary = miter.num_inputs();
  std::map<std::string, std::size_t> gold_latch_by_name;
  for (std::size_t i = 0; i < ga.num_latches(); ++i) {
    gmap[ga.latch(i).out] = make_lit(miter.create_input(ga.latch(i).name));
    gold_latch_by_name[ga.latch(i).name] = i;
  }
  for (std::size_t i = 0; i < na.num_inputs(); ++i) {
    auto it = input_by_name.find(na.input_name(i));
    if (it == input_by_name.end()) {
      result.mismatch = "the netlist has input '" + na.input_name(i) + "', which the source does not";
      return result;
    }
    nmap[na.inputs()[i]] = it->second;
  }
  if (na.num_inputs() != ga.num_inputs()) {
    result.mismatch = "the source has " + std::to_string(ga.num_inputs()) + " input bits, the netlist " +
                      std::to_string(na.num_inputs());
    return result;
  }
  std::vector<std::size_t> gold_of_netlist_latch(na.num_latches());
  std::map<std::string, Lit> master_state;  // a source flip-flop's name -> its master latch's state
  for (std::size_t i = 0; i < na.num_latches(); ++i) {
    const std::string& name = na.latch(i).name;
    if (na.latch(i).level_sensitive && is_master_name(name)) {
      auto flop = gold_latch_by_name.find(name.substr(0, name.size() - kMasterSuffix.size()));
      if (flop != gold_latch_by_name.end() && !ga.latch(flop->second).level_sensitive) {
        Lit m = make_lit(miter.create_input(name));
        master_state[ga.latch(flop->second).name] = m;
        nmap[na.latch(i).out] = m;
        gold_of_netlist_latch[i] = flop->second;
        continue;
      }
    }
    auto it = gold_latch_by_name.find(na.latch(i).name);
    if (it == gold_latch_by_name.end()) {
      result.mismatch = "flip-flop '" + na.latch(i).name + "' of the netlist has no counterpart in the source";
      return result;
    }
    gold_of_netlist_latch[i] = it->second;
    nmap[na.latch(i).out] = gmap[ga.latch(it->second).out];
  }
  copy_logic(ga, miter, gmap);
  const std::size_t first_netlist_node = miter.num_nodes();
  copy_logic(na, miter, nmap);

  // What must agree.
  std::vector<Pair> pairs;
  std::map<std::string, Lit> gold_outputs;
  for (std::size_t i = 0; i < ga.outputs().size(); ++i) gold_outputs[ga.output_name(i)] = translate(gmap, ga.outputs()[i]);
  if (na.outputs().size() != ga.outputs().size()) {
    result.mismatch = "the source has " + std::to_string(ga.outputs().size()) + " output bits, the netlist " +
                      std::to_string(na.outputs().size());
    return result;
  }
  for (std::size_t i = 0; i < na.outputs().size(); ++i) {
    auto it = gold_outputs.find(na.output_name(i));
    if (it == gold_outputs.end()) {
      result.mismatch = "the netlist has output '" + na.output_name(i) + "', which the source does not";
      return result;
    }
    pairs.push_back({"output " + na.output_name(i), it->second, translate(nmap, na.outputs()[i])});
  }
  for (std::size_t i = 0; i < na.num_latches(); ++i) {
    const Latch& nl = na.latch(i);
    const Latch& gl = ga.latch(gold_of_netlist_latch[i]);
    auto master = master_state.find(gl.name);
    if (nl.level_sensitive && !gl.level_sensitive && master != master_state.end()) {
      // One latch of a flip-flop drawn as master and slave: its settled value must be
      // the one the source flip-flop's master or slave latch would have.
      bool is_master = is_master_name(nl.name);
      Lit active = lit_not_if(translate(gmap, gl.clock), gl.negedge);
      Lit want = settled_value(miter, is_master ? lit_not(active) : active,
                               is_master ? translate(gmap, gl.next) : master->second,
                               is_master ? master->second : translate(gmap, make_lit(gl.out)),
                               translate(gmap, gl.async_reset), translate(gmap, gl.async_set));
      pairs.push_back({std::string("next state of the ") + (is_master ? "master" : "slave") + " latch of flip-flop " +
                           gl.name, want, latch_equation(miter, nl, nmap), true});
      if (gl.init != InitValue::Unknown && !is_master) ++result.initial_values_not_kept;
      continue;
    }
    if (nl.level_sensitive != gl.level_sensitive) {
      auto kind = [](const Latch& l) { return l.level_sensitive ? "a latch" : "a flip-flop"; };
      result.mismatch = "'" + nl.name + "' is " + kind(nl) + " in the netlist but " + kind(gl) + " in the source";
      return result;
    }
    const char* what = gl.level_sensitive ? "latch" : "flip-flop";
    if (gl.init != InitValue::Unknown && nl.init == InitValue::Unknown) {
      ++result.initial_values_not_kept;  // storage drawn with NAND gates has no power-up value
    } else if (gl.init != InitValue::Unknown && nl.init != gl.init) {
      result.mismatch = std::string(what) + " '" + nl.name + "' has a different initial value in the netlist";
      return result;
    }
    if (gl.level_sensitive) {
      // A latch is the equation Q = R ? 0 : S ? 1 : enabled ? D : Q; equal equations
      // (with Q free) mean equal behaviour, however the enable, data and controls are
      // split: Yosys folds a latch's reset into its enable and data.
      pairs.push_back({"next state of latch " + nl.name, latch_equation(miter, gl, gmap),
                       latch_equation(miter, nl, nmap), true});
      continue;
    }
    if (nl.negedge != gl.negedge) {
      result.mismatch = "flip-flop '" + nl.name + "' is triggered on the " + (nl.negedge ? "falling" : "rising") +
                        " edge in the netlist but on the " + (gl.negedge ? "falling" : "rising") + " edge in the source";
      return result;
    }
    pairs.push_back({"next state of flip-flop " + nl.name, translate(gmap, gl.next), translate(nmap, nl.next)});
    pairs.push_back({"clock of flip-flop " + nl.name, translate(gmap, gl.clock), translate(nmap, nl.clock)});
    pairs.push_back({"asynchronous reset of flip-flop " + nl.name, translate(gmap, gl.async_reset),
                     translate(nmap, nl.async_reset)});
    pairs.push_back({"asynchronous set of flip-flop " + nl.name, translate(gmap, gl.async_set),
                     translate(nmap, nl.async_set)});
  }
  // A source flip-flop the netlist dropped is fine only if nothing observable
  // depends on it: its state stays a free variable of the miter, so the
  // comparisons above decide.

  // Outputs and flip-flop inputs are compared where every latch has settled (Q equals
  // the value its equation gives): inside a loop of gates, the nets around a cut latch
  // follow its Q only then, and a design is observed only then. The latch equations
  // themselves are compared in every state, so both have the same settled states.
  Lit settled = kLit1;
  auto require_settled = [&](const Aig& a, const std::vector<Lit>& map) {
    for (const Latch& l : a.latches())
      if (l.level_sensitive)
        settled = miter.create_and(settled, lit_not(miter.create_xor(translate(map, make_lit(l.out)),
                                                                    latch_equation(miter, l, map))));
  };
  require_settled(ga, gmap);
  require_settled(na, nmap);

  auto make_cex = [&](const Pair& p, const std::vector<bool>& leaf_value) {
    Counterexample c;
    c.what = p.what;
    std::vector<std::uint64_t> words(miter.num_nodes(), 0);
    for (std::size_t i = 0; i < miter.num_inputs(); ++i) words[miter.inputs()[i]] = leaf_value[i] ? ~0ull : 0;
    words = simulate_words(miter, std::move(words));
    c.gold_value = lit_value(words, p.gold) & 1;
    c.netlist_value = lit_value(words, p.netlist) & 1;
    for (std::size_t i = 0; i < miter.num_inputs(); ++i)
      (i < num_primary ? c.inputs : c.state).push_back({miter.input_name(i), leaf_value[i]});
    return c;
  };

  // 1. Random simulation.
  std::mt19937_64 rng(ps.seed);
  std::vector<bool> sim_equal(pairs.size(), true);
  for (std::size_t w = 0; w < ps.simulation_words; ++w) {
    std::vector<std::uint64_t> words(miter.num_nodes(), 0);
    for (NodeId n : miter.inputs()) words[n] = rng();
    words = simulate_words(miter, std::move(words));
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      std::uint64_t diff = lit_value(words, pairs[i].gold) ^ lit_value(words, pairs[i].netlist);
      if (!pairs[i].any_state) diff &= lit_value(words, settled);
      if (!diff || !sim_equal[i]) continue;
      sim_equal[i] = false;
      int bit = __builtin_ctzll(diff);
      std::vector<bool> leaf(miter.num_inputs());
      for (std::size_t k = 0; k < miter.num_inputs(); ++k) leaf[k] = (words[miter.inputs()[k]] >> bit) & 1;
      if (result.counterexamples.empty()) result.counterexamples.push_back(make_cex(pairs[i], leaf));
    }
  }
  stats.compared = pairs.size();
  if (!result.counterexamples.empty() || ps.simulation_only) {
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (st) *st = stats;
    return result;
  }

  // 2. SAT on what simulation could not tell apart.
  SatSolver solver;
  AigCnf cnf(miter, solver);
  // 2a. Internal equivalences first (SAT sweeping of the miter): a netlist node that
  // simulation cannot tell from a source node, up to complement, is proven equal to it
  // with a small conflict limit, and the equality is added as clauses. The final proofs
  // then meet cut points instead of two unrelated structures (a multiplier against its
  // optimised self is hopeless for SAT without them). Proven equalities are implied by
  // the miter, so adding them keeps every answer.
  if (ps.sweep_conflict_limit > 0) {
    const std::size_t W = 8;
    std::vector<std::uint64_t> sig(miter.num_nodes() * W);
    for (std::size_t w = 0; w < W; ++w) {
      std::vector<std::uint64_t> words(miter.num_nodes(), 0);
      for (NodeId n : miter.inputs()) words[n] = rng();
      words = simulate_words(miter, std::move(words));
      for (std::size_t n = 0; n < miter.num_nodes(); ++n) sig[n * W + w] = words[n];
    }
    // Signatures normalised so that bit 0 is 0: a node and its complement share one.
    auto key = [&](std::size_t n, bool* flip) {
      *flip = sig[n * W] & 1;
      std::uint64_t h = 1469598103934665603ULL;
      for (std::size_t w = 0; w < W; ++w) h = (h ^ (*flip ? ~sig[n * W + w] : sig[n * W + w])) * 1099511628211ULL;
      return h;
    };
    std::unordered_map<std::uint64_t, Lit> source_node;
    for (std::size_t n = 0; n < first_netlist_node; ++n) {
      if (!miter.is_and(static_cast<NodeId>(n))) continue;
      bool flip;
      source_node.emplace(key(n, &flip), make_lit(static_cast<NodeId>(n), flip));
    }
    for (std::size_t n = first_netlist_node; n < miter.num_nodes(); ++n) {
      if (!miter.is_and(static_cast<NodeId>(n))) continue;
      bool flip;
      auto it = source_node.find(key(n, &flip));
      if (it == source_node.end()) continue;
      Lit mine = make_lit(static_cast<NodeId>(n), flip), theirs = it->second;
      bool same = true;
      for (std::size_t w = 0; w < W && same; ++w) same = lit_value_at(sig, W, mine, w) == lit_value_at(sig, W, theirs, w);
      if (!same) continue;
      cnf.encode({mine, theirs});
      int a = cnf.var(mine), b = cnf.var(theirs), d = solver.differ(a, b);
      SatResult r = solver.solve({d}, ps.sweep_conflict_limit);
      solver.retire(d);
      if (r != SatResult::Unsat) continue;
      solver.add_clause({-a, b});
      solver.add_clause({a, -b});
      ++stats.internal_equivalences;
    }
  }
  for (const Pair& p : pairs) {
    if (p.gold == p.netlist) {
      ++stats.structurally_equal;
      continue;
    }
    cnf.encode({p.gold, p.netlist, settled});
    int d = solver.differ(cnf.var(p.gold), cnf.var(p.netlist));
    std::vector<int> assume = {d};
    if (!p.any_state && settled != kLit1) assume.push_back(cnf.var(settled));
    if (solver.solve(assume) == SatResult::Sat) {
      std::vector<bool> leaf(miter.num_inputs());
      for (std::size_t k = 0; k < miter.num_inputs(); ++k) leaf[k] = solver.value(cnf.var(make_lit(miter.inputs()[k])));
      result.counterexamples.push_back(make_cex(p, leaf));
      break;
    }
    solver.retire(d);  // proven equal: this pair's difference variable is dead
  }
  stats.sat_calls = solver.calls();
  result.proven = result.counterexamples.empty();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (st) *st = stats;
  return result;
}

std::string format_verify_result(const VerifyResult& r) {
  std::ostringstream out;
  if (r.proven) {
    out << "PROVEN: the netlist is equivalent to the source";
    if (r.x_dont_cares)
      out << "; x treated as don't care on " << r.x_dont_cares << " signal" << (r.x_dont_cares > 1 ? "s" : "")
          << " (the netlist gives 0 where the source gives x)";
    out << "\n";
    if (r.initial_values_not_kept)
      out << "note: " << r.initial_values_not_kept << " flip-flop(s) or latch(es) start from an initial value in the "
          << "source that the netlist's NAND-drawn storage does not keep (it powers up unknown)\n";
    return out.str();
  }
  if (!r.mismatch.empty()) {
    out << "NOT EQUIVALENT: " << r.mismatch << "\n";
    return out.str();
  }
  for (const Counterexample& c : r.counterexamples) {
    out << "NOT EQUIVALENT: " << c.what << " differs: source " << c.gold_value << ", netlist " << c.netlist_value
        << "\n";
    out << "  counterexample inputs:";
    for (const auto& [name, v] : c.inputs) out << " " << name << "=" << v;
    out << "\n";
    if (!c.state.empty()) {
      out << "  flip-flop values:";
      for (const auto& [name, v] : c.state) out << " " << name << "=" << v;
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace nandflow

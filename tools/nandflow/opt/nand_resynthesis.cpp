#include "opt/nand_resynthesis.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

#include "network/nand_builder.hpp"
#include "opt/exact_library.hpp"
#include "opt/exact_nand.hpp"
#include "opt/nand_database.hpp"

namespace nandflow {
namespace {

using Cut = std::vector<std::uint32_t>;  // sorted leaf ids

// A cut of at most four leaves, without allocation.
struct SmallCut {
  std::uint8_t size = 0;
  std::array<std::uint32_t, 4> leaf{};
  static SmallCut single(std::uint32_t id) {
    SmallCut c;
    c.size = 1;
    c.leaf[0] = id;
    return c;
  }
  // The union of two sorted cuts, if it has at most `limit` leaves.
  static bool merge(const SmallCut& a, const SmallCut& b, int limit, SmallCut* out) {
    int i = 0, j = 0, k = 0;
    while (i < a.size || j < b.size) {
      std::uint32_t x;
      if (j == b.size || (i < a.size && a.leaf[static_cast<std::size_t>(i)] < b.leaf[static_cast<std::size_t>(j)]))
        x = a.leaf[static_cast<std::size_t>(i++)];
      else if (i == a.size || b.leaf[static_cast<std::size_t>(j)] < a.leaf[static_cast<std::size_t>(i)])
        x = b.leaf[static_cast<std::size_t>(j++)];
      else
        x = a.leaf[static_cast<std::size_t>(i++)], ++j;
      if (k == limit || k == 4) return false;
      out->leaf[static_cast<std::size_t>(k++)] = x;
    }
    out->size = static_cast<std::uint8_t>(k);
    for (std::size_t r = static_cast<std::size_t>(k); r < 4; ++r) out->leaf[r] = 0;
    return true;
  }
  bool operator==(const SmallCut& o) const { return size == o.size && leaf == o.leaf; }
  bool operator<(const SmallCut& o) const {
    // The order std::set<std::vector> gave: lexicographic on the leaves, shorter first on ties.
    for (std::size_t r = 0; r < std::min(size, o.size); ++r)
      if (leaf[r] != o.leaf[r]) return leaf[r] < o.leaf[r];
    return size < o.size;
  }
};

// A window to replace: gates W computed from leaves C; outputs O; the new chain.
struct Replacement {
  Cut leaves;
  std::vector<std::uint32_t> window;   // ids of W
  std::vector<std::uint32_t> outputs;  // ids of O, in chain output order
  NandChain chain;
  int gain = 0;
};

// Rebuilds the network, replacing each window by its chain, dropping dead and
// duplicate gates. Iterative depth-first construction from the roots.
// Two windows can depend on each other through leaves their original gates did
// not use; `cycle_rep` then names a replacement to drop (and nothing is returned).
std::optional<NandNetwork> rebuild(const NandNetwork& net, const std::vector<Replacement>& reps,
                                   int* cycle_rep = nullptr) {
  std::size_t total = net.num_ids();
  std::vector<int> rep_of_output(total, -1);  // id -> replacement whose output it is
  std::vector<int> output_slot(total, -1);
  for (std::size_t r = 0; r < reps.size(); ++r)
    for (std::size_t o = 0; o < reps[r].outputs.size(); ++o) {
      rep_of_output[reps[r].outputs[o]] = static_cast<int>(r);
      output_slot[reps[r].outputs[o]] = static_cast<int>(o);
    }
  NandBuilder b(net.num_inputs);
  std::vector<NandSig> mapped(total);
  std::vector<bool> done(total, false);
  std::vector<bool> expanded(total, false);
  bool cycle = false;
  for (std::uint32_t id = 0; id < net.first_gate_id(); ++id) mapped[id] = net.sig_of(id), done[id] = true;
  std::vector<std::vector<NandSig>> chain_nodes(reps.size());

  auto deps = [&](std::size_t id) -> std::vector<std::uint32_t> {
    if (rep_of_output[id] >= 0) return reps[static_cast<std::size_t>(rep_of_output[id])].leaves;
    const auto& g = net.gates[id - net.first_gate_id()];
    return {static_cast<std::uint32_t>(net.id_of(g[0])), static_cast<std::uint32_t>(net.id_of(g[1]))};
  };
  auto build = [&](std::size_t root) {
    std::vector<std::size_t> stack{root};
    while (!stack.empty()) {
      std::size_t id = stack.back();
      if (done[id]) {
        stack.pop_back();
        continue;
      }
      bool ready = true;
      for (std::uint32_t d : deps(id))
        if (!done[d]) {
          if (expanded[d] && !done[d]) {
            // d is waiting on its own dependencies further down the stack: a cycle.
            for (auto it = stack.rbegin(); it != stack.rend(); ++it)
              if (rep_of_output[*it] >= 0) {
                if (cycle_rep) *cycle_rep = rep_of_output[*it];
                break;
              }
            cycle = true;
            return NandSig{};
          }
          ready = false, stack.push_back(d);
        }
      if (!ready) {
        expanded[id] = true;
        continue;
      }
      stack.pop_back();
      int r = rep_of_output[id];
      if (r >= 0) {
        const Replacement& rep = reps[static_cast<std::size_t>(r)];
        auto& nodes = chain_nodes[static_cast<std::size_t>(r)];
        if (nodes.empty()) {
          for (std::uint32_t leaf : rep.leaves) nodes.push_back(mapped[leaf]);
          for (const auto& g : rep.chain.gates) nodes.push_back(b.nand(nodes[static_cast<std::size_t>(g[0])], nodes[static_cast<std::size_t>(g[1])]));
        }
        mapped[id] = nodes[static_cast<std::size_t>(rep.chain.outputs[static_cast<std::size_t>(output_slot[id])])];
      } else {
        const auto& g = net.gates[id - net.first_gate_id()];
        mapped[id] = b.nand(mapped[net.id_of(g[0])], mapped[net.id_of(g[1])]);
      }
      done[id] = true;
    }
    return mapped[root];
  };
  for (const NandSig& s : net.outputs) {
    b.net.outputs.push_back(build(net.id_of(s)));
    if (cycle) return std::nullopt;
  }
  for (const auto& l : net.latches) {
    NandNetwork::LatchPins pins;
    pins.d = build(net.id_of(l.d));
    pins.clock = build(net.id_of(l.clock));
    pins.reset = build(net.id_of(l.reset));
    pins.set = build(net.id_of(l.set));
    if (cycle) return std::nullopt;
    b.net.latches.push_back(pins);
  }
  return std::move(b.net);
}

}  // namespace

NandNetwork nand_resynthesis(const NandNetwork& input, const nand_resynthesis_params& ps, nand_resynthesis_stats* st) {
  Stopwatch clock;
  nand_resynthesis_stats stats;
  NandNetwork net = nand_cleanup(input);
  stats.gates_before = input.gates.size();

  ExactLibrary& library = ps.library ? *ps.library : ExactLibrary::shared();

  for (int pass = 0; pass < ps.max_passes; ++pass) {
    if (ps.deadline.expired()) {
      stats.stopped_by_time_limit = true;
      break;
    }
    ++stats.passes;
    const std::size_t first = net.first_gate_id();
    const std::size_t total = first + net.gates.size();
    std::vector<std::array<std::uint32_t, 2>> fanin(total, {0, 0});
    std::vector<std::vector<std::uint32_t>> fanouts(total);
    std::vector<bool> is_root(total, false);
    for (std::size_t g = 0; g < net.gates.size(); ++g) {
      std::uint32_t id = static_cast<std::uint32_t>(first + g);
      fanin[id] = {static_cast<std::uint32_t>(net.id_of(net.gates[g][0])), static_cast<std::uint32_t>(net.id_of(net.gates[g][1]))};
      fanouts[fanin[id][0]].push_back(id);
      if (fanin[id][1] != fanin[id][0]) fanouts[fanin[id][1]].push_back(id);
    }
    for (const NandSig& s : net.outputs) is_root[net.id_of(s)] = true;
    for (const auto& l : net.latches)
      for (const NandSig& s : {l.d, l.clock, l.reset, l.set}) is_root[net.id_of(s)] = true;

    // Cut enumeration: each gate's cuts merge its fanins' cuts. A cut is at most four
    // sorted leaf ids, kept in fixed arrays (this pass looks at hundreds of thousands).
    std::vector<std::vector<SmallCut>> cuts(total);
    for (std::size_t id = 0; id < first; ++id) cuts[id] = {SmallCut::single(static_cast<std::uint32_t>(id))};
    std::vector<SmallCut> distinct;
    std::vector<SmallCut> mine;
    for (std::size_t id = first; id < total; ++id) {
      mine.clear();
      const auto& ca = cuts[fanin[id][0]];
      const auto& cb = cuts[fanin[id][1]];
      for (const SmallCut& x : ca)
        for (const SmallCut& y : cb) {
          SmallCut u;
          if (!SmallCut::merge(x, y, ps.max_cut_size, &u)) continue;
          if (u.size == 1 && u.leaf[0] < 2) continue;  // constants alone are not windows
          if (std::find(mine.begin(), mine.end(), u) == mine.end()) mine.push_back(u);
        }
      std::stable_sort(mine.begin(), mine.end(), [](const SmallCut& p, const SmallCut& q) { return p.size < q.size; });
      if (static_cast<int>(mine.size()) > ps.cuts_per_node) mine.resize(static_cast<std::size_t>(ps.cuts_per_node));
      for (const SmallCut& c : mine)
        if (c.size >= 2) distinct.push_back(c);
      mine.push_back(SmallCut::single(static_cast<std::uint32_t>(id)));
      cuts[id] = mine;
    }
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    cuts.clear();
    cuts.shrink_to_fit();

    // Evaluate every distinct cut as a window.
    std::vector<Replacement> candidates;
    std::vector<std::uint8_t> in_window(total, 0);
    std::vector<TruthTable> tt(total, 0);
    std::vector<std::uint32_t> window, touched, outputs, stack, seen, heap;
    auto push = [&](std::uint32_t g) {
      heap.push_back(g);
      std::push_heap(heap.begin(), heap.end(), std::greater<>());
    };
    for (const SmallCut& cut : distinct) {
      if ((stats.windows_tried & 63) == 0 && ps.deadline.expired()) {
        stats.stopped_by_time_limit = true;
        break;
      }
      const Cut leaves(cut.leaf.begin(), cut.leaf.begin() + cut.size);
      // W: gates whose fanins are all leaves or in W, found forward from the leaves.
      window.clear();
      touched.clear();
      heap.clear();
      for (std::uint32_t l : leaves) in_window[l] = 2, touched.push_back(l);
      for (std::uint32_t l : leaves)
        for (std::uint32_t f : fanouts[l]) push(f);
      bool too_big = false;
      while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), std::greater<>());
        std::uint32_t g = heap.back();
        heap.pop_back();
        if (in_window[g]) continue;
        if (!in_window[fanin[g][0]] || !in_window[fanin[g][1]]) continue;
        in_window[g] = 1;
        touched.push_back(g);
        window.push_back(g);
        if (static_cast<int>(window.size()) > ps.max_window_gates) {
          too_big = true;
          break;
        }
        for (std::uint32_t f : fanouts[g]) push(f);
      }
      // A leaf computed from the window (a cut whose leaves depend on each other)
      // would make the replacement feed itself: such windows are skipped.
      if (!too_big && !window.empty()) {
        std::uint32_t lowest = *std::min_element(window.begin(), window.end());
        stack.clear();
        seen.clear();
        for (std::uint32_t l : leaves)
          if (l >= lowest) stack.push_back(l);
        while (!stack.empty() && !too_big) {
          std::uint32_t x = stack.back();
          stack.pop_back();
          if (x < first || in_window[x] == 3) continue;
          for (std::uint32_t f : fanin[x]) {
            if (in_window[f] == 1) too_big = true;
            else if (f >= lowest && in_window[f] != 3) stack.push_back(f);
          }
          if (in_window[x] == 0) in_window[x] = 3, seen.push_back(x);
        }
        for (std::uint32_t x : seen) in_window[x] = 0;
      }
      outputs.clear();
      if (!too_big) {
        for (std::uint32_t g : window) {
          bool external = is_root[g];
          for (std::uint32_t f : fanouts[g]) external = external || in_window[f] != 1;
          if (external) outputs.push_back(g);
        }
      }
      for (std::uint32_t t : touched) in_window[t] = 0;
      if (too_big || window.size() < 2 || outputs.empty() || static_cast<int>(outputs.size()) > ps.max_window_outputs)
        continue;
      if (window.size() <= outputs.size()) continue;  // cannot shrink
      ++stats.windows_tried;

      // Truth tables over the leaves.
      int n = static_cast<int>(leaves.size());
      TruthTable mask = truth_table_mask(n);
      for (int j = 0; j < n; ++j) tt[leaves[static_cast<std::size_t>(j)]] = input_truth_table(j, n);
      if (leaves[0] == 0) tt[0] = 0;
      if (leaves[0] == 1 || (leaves.size() > 1 && leaves[1] == 1)) tt[1] = mask;
      for (std::uint32_t g : window) tt[g] = static_cast<TruthTable>(~(tt[fanin[g][0]] & tt[fanin[g][1]]) & mask);
      std::vector<TruthTable> funcs;
      for (std::uint32_t o : outputs) funcs.push_back(tt[o]);
      bool has_constant_leaf = leaves[0] < 2;
      if (has_constant_leaf) continue;  // constant leaves only arise from unswept logic

      int budget = static_cast<int>(window.size()) - 1;
      std::vector<TruthTable> distinct_funcs = funcs;
      std::sort(distinct_funcs.begin(), distinct_funcs.end());
      distinct_funcs.erase(std::unique(distinct_funcs.begin(), distinct_funcs.end()), distinct_funcs.end());
      if (static_cast<int>(distinct_funcs.size()) > ps.max_exact_outputs[n]) continue;
      // The exact-synthesis library; for one function of 4 inputs without an answer
      // there, the NPN database's network (an upper bound).
      ++stats.sat_syntheses;
      std::optional<NandChain> chain = library.chain(n, funcs);
      if (!chain && n == 4 && ps.database && distinct_funcs.size() == 1 && ps.database->cost(funcs[0]) >= 0) {
        chain = ps.database->chain_for(funcs[0]);
        chain->outputs.assign(outputs.size(), chain->outputs[0]);
        ++stats.database_hits;
      }
      if (!chain || static_cast<int>(chain->gates.size()) > budget) continue;
      Replacement rep;
      rep.leaves = leaves;
      rep.window = window;
      rep.outputs = outputs;
      rep.gain = static_cast<int>(window.size()) - static_cast<int>(chain->gates.size());
      rep.chain = std::move(*chain);
      candidates.push_back(std::move(rep));
    }

    // Greedy: largest gains first, windows may not overlap.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Replacement& a, const Replacement& b) { return a.gain > b.gain; });
    std::vector<std::uint8_t> used(total, 0);  // 1: inside an applied window, 2: a leaf of one
    std::vector<Replacement> applied;
    for (Replacement& r : candidates) {
      bool clash = false;
      for (std::uint32_t g : r.window) clash = clash || used[g] != 0;
      for (std::uint32_t l : r.leaves) clash = clash || used[l] == 1;
      if (clash) continue;
      for (std::uint32_t g : r.window) used[g] = 1;
      for (std::uint32_t l : r.leaves)
        if (!used[l]) used[l] = 2;
      applied.push_back(std::move(r));
    }
    if (applied.empty()) break;
    std::size_t before = net.gates.size();
    std::optional<NandNetwork> rebuilt;
    while (!applied.empty()) {
      int bad = -1;
      rebuilt = rebuild(net, applied, &bad);
      if (rebuilt) break;
      applied.erase(applied.begin() + (bad >= 0 ? bad : static_cast<int>(applied.size()) - 1));
    }
    if (!rebuilt) break;
    NandNetwork next = std::move(*rebuilt);
    if (ps.verbose)
      std::cerr << "nandflow: resynthesis pass " << pass + 1 << ": " << applied.size() << " windows, " << before
                << " -> " << next.gates.size() << " NAND2 (" << clock.seconds() << " s)\n";
    if (next.gates.size() >= before) break;
    stats.windows_improved += applied.size();
    net = std::move(next);
    // Another pass only while passes pay: a pass that saved less than a thousandth of
    // the network is the last (the tail of a large design's passes saves a few gates each).
    if ((before - net.gates.size()) * 1000 < before) break;
  }
  stats.gates_after = net.gates.size();
  stats.seconds = clock.seconds();
  if (ps.verbose)
    std::cerr << "nandflow: resynthesis: " << stats.gates_before << " -> " << stats.gates_after << " NAND2, "
              << stats.windows_tried << " windows, " << stats.sat_syntheses << " SAT syntheses, "
              << stats.database_hits << " database hits, " << stats.cache_hits
              << " cache hits, " << stats.seconds << " s\n";
  if (st) *st = stats;
  return net;
}

}  // namespace nandflow

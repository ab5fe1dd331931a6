#include "io/gate_loops.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "sat/aig_cnf.hpp"
#include "sat/sat_solver.hpp"

namespace nandflow {
namespace {

using Graph = std::map<long, std::vector<long>>;  // net -> fanin nets (within the graph)

// Strongly connected components with a cycle (more than one net, or a net reading
// itself), by Tarjan's algorithm without recursion; `alive` restricts the graph.
std::vector<std::vector<long>> cyclic_components(const Graph& g, const std::set<long>& alive) {
  std::unordered_map<long, int> index, low;
  std::unordered_map<long, bool> on_stack;
  std::vector<long> stack;
  std::vector<std::vector<long>> out;
  int counter = 0;
  for (long root : alive) {
    if (index.count(root)) continue;
    // Frames: (net, position in its fanin list).
    std::vector<std::pair<long, std::size_t>> frames{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root), on_stack[root] = true;
    while (!frames.empty()) {
      auto& [v, pos] = frames.back();
      const std::vector<long>& ins = g.at(v);
      if (pos < ins.size()) {
        long w = ins[pos++];
        if (!alive.count(w)) continue;
        if (!index.count(w)) {
          index[w] = low[w] = counter++;
          stack.push_back(w), on_stack[w] = true;
          frames.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      long done = v;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] != index[done]) continue;
      std::vector<long> comp;
      long w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        comp.push_back(w);
      } while (w != done);
      const std::vector<long>& self = g.at(done);
      if (comp.size() > 1 || std::find(self.begin(), self.end(), done) != self.end()) {
        std::sort(comp.begin(), comp.end());
        out.push_back(std::move(comp));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The length of the shortest cycle through `n` (back along fanins), or limit + 1 when it
// is longer than `limit`.
std::size_t shortest_cycle(const Graph& g, const std::set<long>& alive, long n, std::size_t limit) {
  std::vector<long> frontier{n};
  std::set<long> seen{n};
  for (std::size_t len = 1; len <= limit && !frontier.empty(); ++len) {
    std::vector<long> next;
    for (long v : frontier)
      for (long w : g.at(v)) {
        if (w == n) return len;
        if (alive.count(w) && seen.insert(w).second) next.push_back(w);
      }
    frontier = std::move(next);
  }
  return limit + 1;
}

}  // namespace

std::vector<GateLoop> find_gate_loops(const std::map<long, std::vector<long>>& fanins,
                                      const std::function<bool(long, long)>& before) {
  std::set<long> all;
  for (const auto& [net, ins] : fanins) all.insert(net);
  std::vector<GateLoop> loops;
  for (std::vector<long>& comp : cyclic_components(fanins, all)) {
    GateLoop loop;
    loop.nets = comp;
    std::set<long> rest(comp.begin(), comp.end());
    // Storage sits on short cycles: a cross-coupled pair of gates is a cycle of four nets
    // (two ANDs, two NOTs). A long cycle through logic and several latches (a state
    // machine's register through its next-state logic) is cut by those latches' cuts.
    std::map<long, std::size_t> cycle_length;
    for (long n : comp) cycle_length[n] = shortest_cycle(fanins, rest, n, 6);
    // Greedy: cut the best signal of a remaining loop: on a short cycle, then the readable
    // one, then the one on most of its edges; until nothing loops.
    for (auto sub = cyclic_components(fanins, rest); !sub.empty(); sub = cyclic_components(fanins, rest)) {
      const std::vector<long>& c = sub.front();
      std::set<long> in_c(c.begin(), c.end());
      auto degree = [&](long n) {
        std::size_t d = 0;
        for (long i : fanins.at(n)) d += in_c.count(i);
        for (long m : c)
          for (long i : fanins.at(m)) d += i == n;
        return d;
      };
      auto better = [&](long a, long b) {
        bool short_a = cycle_length[a] <= 4, short_b = cycle_length[b] <= 4;
        if (short_a != short_b) return short_a;
        if (before(a, b) || before(b, a)) return before(a, b);
        return degree(a) > degree(b);
      };
      long best = c.front();
      for (long n : c)
        if (better(n, best)) best = n;
      loop.cuts.push_back(best);
      rest.erase(best);
    }
    // Minimal: a cut whose signal, put back, lies on no cycle is not needed (the rest is
    // acyclic, so only a cycle through it could appear).
    for (std::size_t i = loop.cuts.size(); i-- > 0;) {
      rest.insert(loop.cuts[i]);
      if (shortest_cycle(fanins, rest, loop.cuts[i], rest.size()) > rest.size()) {
        loop.cuts.erase(loop.cuts.begin() + static_cast<long>(i));
      } else {
        rest.erase(loop.cuts[i]);
      }
    }
    std::sort(loop.cuts.begin(), loop.cuts.end());
    loops.push_back(std::move(loop));
  }
  return loops;
}

Lit substitute(Aig& aig, Lit root, NodeId var, Lit value) {
  std::unordered_map<NodeId, Lit> map{{var, value}};
  auto tr = [&](Lit l) {
    auto it = map.find(lit_node(l));
    return it == map.end() ? l : lit_not_if(it->second, lit_is_complemented(l));
  };
  for (NodeId n : topo_ands(aig, {root})) {
    Lit a = tr(aig.fanin0(n)), b = tr(aig.fanin1(n));
    if (a != aig.fanin0(n) || b != aig.fanin1(n)) map[n] = aig.create_and(a, b);
  }
  return tr(root);
}

LoopLatch classify_cut_signal(Aig& aig, Lit g, NodeId q, std::int64_t conflict_limit) {
  Lit g0 = substitute(aig, g, q, kLit0), g1 = substitute(aig, g, q, kLit1);
  LoopLatch out;
  SatSolver solver;
  AigCnf cnf(aig, solver);
  cnf.encode({g0, g1});
  auto possible = [&](Lit a, Lit b) { return solver.solve({cnf.var(a), cnf.var(b)}, conflict_limit); };
  SatResult oscillates = possible(g0, lit_not(g1));
  if (oscillates == SatResult::Sat) return out.behaviour = LoopBehaviour::Oscillates, out;
  SatResult holds = possible(lit_not(g0), g1);
  if (holds == SatResult::Unsat && oscillates == SatResult::Unsat) return out.behaviour = LoopBehaviour::HoldsNothing, out;
  if (oscillates != SatResult::Unsat || holds != SatResult::Sat) return out;
  out.behaviour = LoopBehaviour::Latch;
  out.enable = aig.create_or(g0, lit_not(g1));
  out.data = g1;
  return out;
}

}  // namespace nandflow

#include "network/aig.hpp"

#include <algorithm>
#include <utility>

namespace nandflow {

Aig::Aig() {
  kind_.push_back(NodeKind::Const0);
  fanin_.push_back({kLit0, kLit0});
  source_index_.push_back(0);
}

NodeId Aig::create_input(std::string name) {
  NodeId n = static_cast<NodeId>(kind_.size());
  kind_.push_back(NodeKind::Input);
  fanin_.push_back({kLit0, kLit0});
  source_index_.push_back(inputs_.size());
  inputs_.push_back(n);
  input_names_.push_back(std::move(name));
  return n;
}

std::size_t Aig::create_latch(std::string name) {
  NodeId n = static_cast<NodeId>(kind_.size());
  kind_.push_back(NodeKind::LatchOut);
  fanin_.push_back({kLit0, kLit0});
  source_index_.push_back(latches_.size());
  Latch l;
  l.name = std::move(name);
  l.out = n;
  latches_.push_back(std::move(l));
  return latches_.size() - 1;
}

Lit Aig::create_and(Lit a, Lit b) {
  if (a > b) std::swap(a, b);
  if (a == kLit0) return kLit0;
  if (a == kLit1) return b;
  if (a == b) return a;
  if (a == lit_not(b)) return kLit0;
  const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
  auto it = strash_.find(key);
  if (it != strash_.end()) return make_lit(it->second);
  NodeId n = static_cast<NodeId>(kind_.size());
  kind_.push_back(NodeKind::And);
  fanin_.push_back({a, b});
  source_index_.push_back(0);
  strash_.emplace(key, n);
  ++num_ands_;
  return make_lit(n);
}

Lit Aig::create_xor(Lit a, Lit b) {
  // a^b = !( !(a&!b) & !(!a&b) )
  return create_or(create_and(a, lit_not(b)), create_and(lit_not(a), b));
}

Lit Aig::create_mux(Lit sel, Lit then_lit, Lit else_lit) {
  return create_or(create_and(sel, then_lit), create_and(lit_not(sel), else_lit));
}

std::vector<Lit> all_roots(const Aig& aig) {
  std::vector<Lit> roots = aig.outputs();
  for (const Latch& l : aig.latches()) {
    roots.push_back(l.next);
    roots.push_back(l.clock);
    roots.push_back(l.async_reset);
    roots.push_back(l.async_set);
  }
  return roots;
}

std::vector<NodeId> topo_ands(const Aig& aig, const std::vector<Lit>& roots) {
  // Iterative DFS: deep netlists (a 256-bit ripple adder) would overflow recursion.
  std::vector<std::uint8_t> mark(aig.num_nodes(), 0);  // 0 new, 1 on stack, 2 done
  std::vector<NodeId> order;
  std::vector<NodeId> stack;
  for (Lit r : roots) {
    NodeId root = lit_node(r);
    if (!aig.is_and(root) || mark[root] == 2) continue;
    stack.push_back(root);
    while (!stack.empty()) {
      NodeId n = stack.back();
      if (mark[n] == 2) {
        stack.pop_back();
        continue;
      }
      if (mark[n] == 0) {
        mark[n] = 1;
        for (Lit f : {aig.fanin0(n), aig.fanin1(n)}) {
          NodeId c = lit_node(f);
          if (aig.is_and(c) && mark[c] == 0) stack.push_back(c);
        }
      } else {
        mark[n] = 2;
        order.push_back(n);
        stack.pop_back();
      }
    }
  }
  return order;
}

std::size_t and_depth(const Aig& aig, const std::vector<Lit>& roots) {
  std::vector<std::uint32_t> level(aig.num_nodes(), 0);
  for (NodeId n : topo_ands(aig, roots))
    level[n] = 1 + std::max(level[lit_node(aig.fanin0(n))], level[lit_node(aig.fanin1(n))]);
  std::size_t depth = 0;
  for (Lit r : roots) depth = std::max<std::size_t>(depth, level[lit_node(r)]);
  return depth;
}

Aig cleanup(const Aig& aig) {
  Aig out;
  std::vector<Lit> map(aig.num_nodes(), kLit0);
  for (std::size_t i = 0; i < aig.num_inputs(); ++i)
    map[aig.inputs()[i]] = make_lit(out.create_input(aig.input_name(i)));
  for (const Latch& l : aig.latches()) {
    std::size_t idx = out.create_latch(l.name);
    map[l.out] = make_lit(out.latch(idx).out);
  }
  auto translate = [&](Lit l) { return lit_not_if(map[lit_node(l)], lit_is_complemented(l)); };
  for (NodeId n : topo_ands(aig, all_roots(aig)))
    map[n] = out.create_and(translate(aig.fanin0(n)), translate(aig.fanin1(n)));
  for (std::size_t i = 0; i < aig.outputs().size(); ++i) out.add_output(aig.output_name(i), translate(aig.outputs()[i]));
  for (std::size_t i = 0; i < aig.num_latches(); ++i) {
    const Latch& src = aig.latch(i);
    Latch& dst = out.latch(i);
    dst.next = translate(src.next);
    dst.clock = translate(src.clock);
    dst.negedge = src.negedge;
    dst.level_sensitive = src.level_sensitive;
    dst.async_reset = translate(src.async_reset);
    dst.async_set = translate(src.async_set);
    dst.init = src.init;
    dst.src = src.src;
  }
  return out;
}

}  // namespace nandflow

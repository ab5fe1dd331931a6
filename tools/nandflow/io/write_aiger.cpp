#include "io/write_aiger.hpp"

#include <vector>

namespace nandflow {

namespace {

void put_varint(std::string& out, unsigned long x) {
  while (x & ~0x7Ful) {
    out.push_back(static_cast<char>((x & 0x7F) | 0x80));
    x >>= 7;
  }
  out.push_back(static_cast<char>(x));
}

}  // namespace

std::string write_aiger_combinational(const Aig& aig) {
  std::vector<Lit> roots = aig.outputs();
  for (const Latch& l : aig.latches())
    for (Lit x : {l.next, l.clock, l.async_reset, l.async_set}) roots.push_back(x);
  std::vector<NodeId> ands = topo_ands(aig, roots);
  // AIGER variables: 1..I the inputs (AIG inputs, then flip-flop outputs), then the ANDs.
  std::vector<unsigned long> var(aig.num_nodes(), 0);
  unsigned long next = 1;
  for (NodeId n : aig.inputs()) var[n] = next++;
  for (const Latch& l : aig.latches()) var[l.out] = next++;
  const unsigned long num_in = next - 1;
  for (NodeId n : ands) var[n] = next++;
  auto lit = [&](Lit l) { return 2 * var[lit_node(l)] + (lit_is_complemented(l) ? 1 : 0); };

  std::string out = "aig " + std::to_string(next - 1) + " " + std::to_string(num_in) + " 0 " +
                    std::to_string(roots.size()) + " " + std::to_string(ands.size()) + "\n";
  for (Lit r : roots) out += std::to_string(lit(r)) + "\n";
  for (NodeId n : ands) {
    unsigned long lhs = 2 * var[n], a = lit(aig.fanin0(n)), b = lit(aig.fanin1(n));
    if (a < b) std::swap(a, b);
    put_varint(out, lhs - a);
    put_varint(out, a - b);
  }
  for (unsigned long i = 0; i < num_in; ++i) out += "i" + std::to_string(i) + " i" + std::to_string(i) + "\n";
  for (std::size_t o = 0; o < roots.size(); ++o) out += "o" + std::to_string(o) + " o" + std::to_string(o) + "\n";
  out += "c\nwritten by nandflow\n";
  return out;
}

}  // namespace nandflow

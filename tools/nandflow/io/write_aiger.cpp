#include "io/write_aiger.hpp"

#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"

#include <optional>
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

// AIGER of a NAND netlist (io/netlist_formats.hpp): each NAND gate is an AND node read
// through its negated literal, so the file's AND count is the NAND count. Flip-flops are
// AIGER latches (one implicit clock; check_storage_fits checks).
std::string write_aiger(const Design& design, const NandNetwork& net, bool binary, const std::string& header) {
  // The clock is implicit in AIGER: an input that only clocks the flip-flops is left out
  // (readers such as Yosys's read_aiger -clk_name put it back).
  // Every latch has this one clock (check_storage_fits refuses more than one).
  std::optional<std::uint32_t> clock_input;
  if (!net.latches.empty() && net.latches[0].clock.kind == NandSig::Kind::Input) {
    clock_input = net.latches[0].clock.index;
    auto other_use = [&](const NandSig& s) {
      if (clock_input && s == NandSig::input(*clock_input)) clock_input.reset();
    };
    for (const auto& g : net.gates) other_use(g[0]), other_use(g[1]);
    for (const NandSig& o : net.outputs) other_use(o);
    for (const auto& l : net.latches) other_use(l.d);
  }
  std::vector<unsigned long> input_var(net.num_inputs, 0);
  unsigned long I = 0;
  for (std::uint32_t i = 0; i < net.num_inputs; ++i)
    if (i != clock_input) input_var[i] = ++I;
  const unsigned long L = net.latches.size(), A = net.gates.size();
  // Variables: 1..I the inputs, then the latches, then one AND per gate.
  auto lit = [&](const NandSig& s) -> unsigned long {
    switch (s.kind) {
      case NandSig::Kind::Const0: return 0;
      case NandSig::Kind::Const1: return 1;
      case NandSig::Kind::Input: return 2 * input_var[s.index];
      case NandSig::Kind::Latch: return 2 * (1 + I + s.index);
      case NandSig::Kind::Gate: return 2 * (1 + I + L + s.index) + 1;  // NAND = negated AND
    }
    return 0;
  };
  std::string out = std::string(binary ? "aig " : "aag ") + std::to_string(I + L + A) + " " + std::to_string(I) + " " +
                    std::to_string(L) + " " + std::to_string(net.outputs.size()) + " " + std::to_string(A) + "\n";
  if (!binary)
    for (unsigned long i = 0; i < I; ++i) out += std::to_string(2 * (1 + i)) + "\n";
  for (std::size_t i = 0; i < L; ++i) {
    unsigned long self = 2 * (1 + I + i);
    InitValue init = design.aig.latch(i).init;
    if (!binary) out += std::to_string(self) + " ";
    out += std::to_string(lit(net.latches[i].d));
    // AIGER 1.9 initial values: 0, 1, or the latch itself for "uninitialised".
    out += init == InitValue::Zero ? "" : " " + std::to_string(init == InitValue::One ? 1 : self);
    out += "\n";
  }
  for (const NandSig& s : net.outputs) out += std::to_string(lit(s)) + "\n";
  for (std::size_t g = 0; g < A; ++g) {
    unsigned long lhs = 2 * (1 + I + L + g), a = lit(net.gates[g][0]), b = lit(net.gates[g][1]);
    if (a < b) std::swap(a, b);
    if (binary) {
      put_varint(out, lhs - a);
      put_varint(out, a - b);
    } else {
      out += std::to_string(lhs) + " " + std::to_string(a) + " " + std::to_string(b) + "\n";
    }
  }
  NetlistNames names = netlist_names(design, net);
  for (std::size_t i = 0; i < net.num_inputs; ++i)
    if (input_var[i]) out += "i" + std::to_string(input_var[i] - 1) + " " + names.input[i] + "\n";
  // A flip-flop that drives an output bit shares its name; the output keeps it (readers
  // such as Yosys's read_aiger take a symbol for a wire name and refuse two alike).
  std::vector<bool> drives_output(L, false);
  for (std::size_t o = 0; o < net.outputs.size(); ++o)
    if (net.outputs[o].kind == NandSig::Kind::Latch && !names.output_is_buffer[o]) drives_output[net.outputs[o].index] = true;
  for (std::size_t i = 0; i < L; ++i)
    if (!drives_output[i]) out += "l" + std::to_string(i) + " " + names.latch[i] + "\n";
  for (std::size_t o = 0; o < net.outputs.size(); ++o) out += "o" + std::to_string(o) + " " + names.output[o] + "\n";
  if (!header.empty()) out += "c\n" + header + (header.back() == '\n' ? "" : "\n");
  return out;
}

}  // namespace nandflow

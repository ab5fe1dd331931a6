#include "io/write_verilog.hpp"

#include <cctype>
#include <set>
#include <sstream>
#include <unordered_set>

#include "nf_cells_text.hpp"

namespace nandflow {
namespace {

bool is_plain_identifier(const std::string& s) {
  static const std::unordered_set<std::string> kKeywords = {
      "always", "and", "assign", "begin", "buf", "case", "default", "else", "end", "endcase", "endmodule",
      "for", "function", "if", "initial", "inout", "input", "integer", "module", "nand", "nor", "not", "or",
      "output", "parameter", "reg", "signed", "wire", "xnor", "xor", "logic", "bit", "byte", "int"};
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$')) return false;
  return !kKeywords.count(s);
}

// "count[3]" -> "count_3"; anything else that is not identifier-safe becomes '_'.
std::string sanitize(const std::string& s) {
  std::string out;
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "s_" + out;
  return out;
}

// Names already taken in the module scope (ports, wires, instances).
class Scope {
 public:
  bool taken(const std::string& n) const { return used_.count(n) > 0; }
  void take(const std::string& n) { used_.insert(n); }
  std::string fresh(const std::string& base) {
    std::string n = base;
    for (int i = 1; taken(n); ++i) n = base + "_" + std::to_string(i);
    take(n);
    return n;
  }

 private:
  std::unordered_set<std::string> used_;
};

}  // namespace

std::string verilog_identifier(const std::string& name) {
  return is_plain_identifier(name) ? name : "\\" + name + " ";
}

// How bit i of a port is written: "a" or "a[3]".
static std::string port_bit_ref(const Port& p, std::size_t i) {
  std::string bit = p.bit_name(i);
  return verilog_identifier(p.name) + (p.range().empty() ? "" : bit.substr(bit.rfind('[')));
}

static bool has_unused_input(const NandNetwork& net, std::size_t num_inputs) {
  std::vector<bool> used(num_inputs, false);
  auto mark = [&](const NandSig& s) {
    if (s.kind == NandSig::Kind::Input) used[s.index] = true;
  };
  for (const auto& g : net.gates) mark(g[0]), mark(g[1]);
  for (const NandSig& s : net.outputs) mark(s);
  for (const auto& l : net.latches) mark(l.d), mark(l.clock), mark(l.reset), mark(l.set);
  for (bool u : used)
    if (!u) return true;
  return false;
}

const std::string& nf_cells_verilog() {
  static const std::string text = kNfCellsText;
  return text;
}

const char* flop_cell_name(const Latch& l) {
  bool r = l.async_reset != kLit0, s = l.async_set != kLit0;
  if (r && s) return l.negedge ? "nf_dffnrs" : "nf_dffrs";
  if (r) return l.negedge ? "nf_dffnr" : "nf_dffr";
  if (s) return l.negedge ? "nf_dffns" : "nf_dffs";
  return l.negedge ? "nf_dffn" : "nf_dff";
}

int flop_nand_price(const Latch& l) {
  bool r = l.async_reset != kLit0, s = l.async_set != kLit0;
  if (r && s) return 19;
  if (r || s) return 14;
  return 9;
}

std::string write_verilog(const Design& design, const NandNetwork& net, const write_verilog_params& ps) {
  const Aig& aig = design.aig;
  Scope scope;
  for (const Port& p : design.ports) scope.take(p.name);

  // How each network signal is spelled in the netlist.
  std::vector<std::string> input_ref(aig.num_inputs());
  for (const Port& p : design.ports)
    if (p.dir == PortDir::Input)
      for (std::size_t i = 0; i < p.bits.size(); ++i)
        input_ref[p.bits[i]] = port_bit_ref(p, i);

  std::vector<std::string> latch_ref(aig.num_latches());
  for (std::size_t i = 0; i < aig.num_latches(); ++i) latch_ref[i] = scope.fresh(sanitize(aig.latch(i).name));

  // A gate that drives an output port bit writes straight onto that bit.
  std::vector<std::string> output_ref(aig.outputs().size());
  for (const Port& p : design.ports)
    if (p.dir == PortDir::Output)
      for (std::size_t i = 0; i < p.bits.size(); ++i) output_ref[p.bits[i]] = port_bit_ref(p, i);
  std::vector<std::string> gate_ref(net.gates.size());
  std::vector<bool> gate_on_port(net.gates.size(), false);
  for (std::size_t o = 0; o < net.outputs.size(); ++o) {
    const NandSig& s = net.outputs[o];
    if (s.kind == NandSig::Kind::Gate && gate_ref[s.index].empty()) {
      gate_ref[s.index] = output_ref[o];
      gate_on_port[s.index] = true;
    }
  }
  bool plain_n = true;  // "n<k>" names are free unless a port or flip-flop uses one
  for (std::size_t g = 0; g < net.gates.size() && plain_n; ++g) plain_n = !scope.taken("n" + std::to_string(g + 1));
  std::string gate_prefix = plain_n ? "n" : scope.fresh("nf_n") + "_";
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    if (gate_ref[g].empty()) gate_ref[g] = gate_prefix + std::to_string(g + 1);

  auto ref = [&](const NandSig& s) -> std::string {
    switch (s.kind) {
      case NandSig::Kind::Const0: return "1'b0";
      case NandSig::Kind::Const1: return "1'b1";
      case NandSig::Kind::Input: return input_ref[s.index];
      case NandSig::Kind::Latch: return latch_ref[s.index];
      case NandSig::Kind::Gate: return gate_ref[s.index];
    }
    return "1'b0";
  };

  std::ostringstream v;
  if (!ps.header.empty()) {
    std::istringstream h(ps.header);
    std::string line;
    while (std::getline(h, line)) v << "// " << line << "\n";
  }
  v << "// Every combinational gate is a 2-input NAND; flip-flops are nf_* cells (nf_cells.v).\n";
  // The file is named after the design, not the module; unused inputs stay as ports
  // so that testbenches still connect.
  v << "/* verilator lint_off DECLFILENAME */\n";
  if (has_unused_input(net, aig.num_inputs())) v << "/* verilator lint_off UNUSEDSIGNAL */\n";
  v << "module " << verilog_identifier(ps.module_name.empty() ? design.top : ps.module_name) << " (";
  for (std::size_t i = 0; i < design.ports.size(); ++i)
    v << (i ? ", " : "") << verilog_identifier(design.ports[i].name);
  v << ");\n";
  for (const Port& p : design.ports) {
    v << "  " << (p.dir == PortDir::Input ? "input" : "output") << " wire " << (p.is_signed ? "signed " : "");
    v << (p.range().empty() ? "" : p.range() + " ") << verilog_identifier(p.name) << ";\n";
  }

  // Wires: gate outputs not on ports, then flip-flop outputs (named after the source signal).
  const std::size_t per_line = 16;
  std::size_t on_line = 0;
  for (std::size_t g = 0; g < net.gates.size(); ++g) {
    if (gate_on_port[g]) continue;
    v << (on_line == 0 ? "  wire " : ", ") << gate_ref[g];
    if (++on_line == per_line) v << ";\n", on_line = 0;
  }
  if (on_line) v << ";\n";
  for (std::size_t i = 0; i < aig.num_latches(); ++i) {
    std::string state = aig.latch(i).name;
    std::string escaped;
    for (char c : state) escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    v << "  (* nf_state = \"" << escaped << "\" *) wire " << latch_ref[i] << ";\n";
  }
  v << "\n";

  for (std::size_t g = 0; g < net.gates.size(); ++g)
    v << "  nand g" << (g + 1) << " (" << gate_ref[g] << ", " << ref(net.gates[g][0]) << ", " << ref(net.gates[g][1])
      << ");\n";
  if (!net.gates.empty()) v << "\n";

  for (std::size_t i = 0; i < aig.num_latches(); ++i) {
    const Latch& l = aig.latch(i);
    const auto& pins = net.latches[i];
    std::string inst = scope.fresh("ff_" + latch_ref[i]);
    v << "  " << flop_cell_name(l) << " #(.INIT(1'b" << (l.init == InitValue::One ? '1' : '0') << ")) " << inst
      << " (.C(" << ref(pins.clock) << ")";
    if (l.async_reset != kLit0) v << ", .R(" << ref(pins.reset) << ")";
    if (l.async_set != kLit0) v << ", .S(" << ref(pins.set) << ")";
    v << ", .D(" << ref(pins.d) << "), .Q(" << latch_ref[i] << "));\n";
  }
  if (aig.num_latches()) v << "\n";

  // Outputs not written by a gate directly: constants, inputs, flip-flops, or a
  // gate already driving another output bit.
  for (std::size_t o = 0; o < net.outputs.size(); ++o) {
    const NandSig& s = net.outputs[o];
    if (s.kind == NandSig::Kind::Gate && gate_ref[s.index] == output_ref[o]) continue;
    v << "  assign " << output_ref[o] << " = " << ref(s) << ";\n";
  }
  v << "endmodule\n";
  return v.str();
}

}  // namespace nandflow

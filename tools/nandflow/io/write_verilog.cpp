#include "io/write_verilog.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_set>

#include "nf_cells_text.hpp"

#include "map/storage_nand.hpp"

namespace nandflow {
namespace {

bool is_plain_identifier(const std::string& s) {
  // IEEE 1364-2005's keywords, and SystemVerilog's that Verilog-2005 allows as names (Verilator
  // and Yosys -sv read a netlist as SystemVerilog): such a name is written escaped.
  static const std::unordered_set<std::string> kKeywords = {
      "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
      "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
      "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
      "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
      "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
      "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
      "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
      "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
      "pulsestyle_ondetect", "pulsestyle_onevent", "rcmos", "real", "realtime", "reg", "release", "repeat",
      "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
      "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
      "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire",
      "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
      // SystemVerilog (IEEE 1800-2017), the ones a Verilog-2005 design may well use as names
      "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "bind", "bit", "break",
      "byte", "chandle", "class", "const", "constraint", "context", "continue", "cover", "covergroup",
      "do", "enum", "export", "extends", "final", "foreach", "import", "inside", "int", "interface",
      "let", "local", "logic", "longint", "modport", "new", "null", "package", "packed", "priority",
      "program", "property", "protected", "rand", "randc", "ref", "restrict", "return", "sequence",
      "shortint", "shortreal", "solve", "static", "string", "struct", "super", "this", "type", "typedef",
      "union", "unique", "var", "virtual", "void", "wildcard", "with"};
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$')) return false;
  return !kKeywords.count(s);
}

// A wire carrying storage `state`, named by the nf_state attribute that `verify` and the
// reader pair storage by: (* nf_state = "count[3]" *) wire count_3;
std::string state_wire_decl(const std::string& state, const std::string& wire) {
  std::string escaped;
  for (char c : state) escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return "(* nf_state = \"" + escaped + "\" *) wire " + wire + ";";
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
  for_each_reference(net, mark);
  for (bool u : used)
    if (!u) return true;
  return false;
}

// Flip-flop outputs carry their source names, so that the netlist reads like the
// source and any equivalence checker (ours pairs flip-flops by name; Yosys's
// equiv_make pairs wires by name) finds its counterparts. "count[3]" becomes bit
// 3 of a wire `count` declared with the source's range, or, when count is an
// output port, the flip-flop drives the port bit itself. Names that cannot be
// rebuilt that way (gaps in a vector, clashes) become plain wires with an
// nf_state attribute holding the source name.
static std::vector<std::string> name_latch_outputs(const Design& design, const NandNetwork& net,
                                                   const std::vector<std::string>& output_ref, Scope& scope,
                                                   std::vector<std::string>& latch_ref) {
  const Aig& aig = design.aig;
  std::vector<std::string> decls;
  struct Entry {
    bool indexed;
    long index;
    std::size_t latch;
  };
  std::map<std::string, std::vector<Entry>> groups;
  for (std::size_t i = 0; i < aig.num_latches(); ++i) {
    const std::string& name = aig.latch(i).name;
    std::smatch m;
    static const std::regex kIndexed(R"((.+)\[(-?[0-9]+)\])");
    if (std::regex_match(name, m, kIndexed))
      groups[m[1]].push_back({true, std::stol(m[2]), i});
    else
      groups[name].push_back({false, 0, i});
  }
  // Flip-flops read inside the module must not sit on an output port bit:
  // reading a port back makes Verilator see a loop through the whole vector.
  std::vector<bool> latch_read(aig.num_latches(), false);
  auto mark = [&](const NandSig& s) {
    if (s.kind == NandSig::Kind::Latch) latch_read[s.index] = true;
  };
  for_each_internal_reference(net, mark);
  // A flip-flop that also drives an output port bit of another name is read back under
  // whichever name the reader ranks first (a public name before a flattened one, then the
  // shorter: "out1[1]" before "state[1]"). When the port's name would win, the flip-flop
  // loses its pairing with the source (found by nandflow-random-design --small seed 1089),
  // so it is named by attribute, which ranks above every wire name.
  auto read_back_rank = [](const std::string& name) {
    int rank = (!name.empty() && name[0] == '$') ? 3 : name.find('.') != std::string::npos ? 2 : 1;
    return std::make_tuple(rank, name.size(), name);
  };
  std::vector<bool> renamed_by_port(aig.num_latches(), false);
  for (const Port& p : design.ports) {
    if (p.dir != PortDir::Output) continue;
    for (std::size_t b = 0; b < p.bits.size(); ++b) {
      const NandSig& s = net.outputs[p.bits[b]];
      if (s.kind == NandSig::Kind::Latch && read_back_rank(p.bit_name(b)) < read_back_rank(aig.latch(s.index).name))
        renamed_by_port[s.index] = true;
    }
  }

  // Declares `wire [hi:lo] name` for the group when its indices are contiguous.
  auto declare = [&](const std::string& name, const std::vector<Entry>& entries, bool indexed) {
    if (!indexed) {
      latch_ref[entries[0].latch] = verilog_identifier(name);
      decls.push_back("wire " + verilog_identifier(name) + ";");
      return true;
    }
    // One bit of a vector: `wire [0:0] r` would read back as a scalar `r`, not `r[0]`, and
    // lose its pairing with the source's flip-flop (found by nandflow-random-design seed 18).
    // The fallback below names it by attribute instead.
    if (entries.size() == 1) return false;
    std::vector<long> idx;
    for (const Entry& e : entries) idx.push_back(e.index);
    std::sort(idx.begin(), idx.end());
    if (std::adjacent_find(idx.begin(), idx.end(), [](long a, long b) { return b != a + 1; }) != idx.end())
      return false;
    for (const Entry& e : entries) latch_ref[e.latch] = verilog_identifier(name) + "[" + std::to_string(e.index) + "]";
    decls.push_back("wire [" + std::to_string(idx.back()) + ":" + std::to_string(idx.front()) + "] " +
                    verilog_identifier(name) + ";");
    return true;
  };

  std::vector<std::size_t> fallback;
  for (auto& [base, entries] : groups) {
    bool all_indexed = std::all_of(entries.begin(), entries.end(), [](const Entry& e) { return e.indexed; });
    bool none_indexed = std::none_of(entries.begin(), entries.end(), [](const Entry& e) { return e.indexed; });
    const Port* port = nullptr;
    for (const Port& p : design.ports)
      if (p.name == base) port = &p;
    // A flattened instance's state ("pipe.stage_data[0]") reads back ranked with the nf_*
    // cells' own flattened pins ("ff_q_0.D"), and the shorter of the two would name the
    // flip-flop: such state is named by attribute too.
    bool ok = (all_indexed || (none_indexed && entries.size() == 1)) && base.find('#') == std::string::npos &&
              base.find('.') == std::string::npos;
    bool read = std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return latch_read[e.latch]; });
    if (std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return renamed_by_port[e.latch]; }))
      ok = false;
    if (ok && port && port->dir == PortDir::Output && !read) {
      // Each flip-flop must be the very driver of the port bit of the same name.
      std::vector<std::string> refs;
      for (const Entry& e : entries) {
        std::string ref;
        for (std::size_t b = 0; b < port->bits.size(); ++b) {
          const NandSig& s = net.outputs[port->bits[b]];
          if (port->bit_name(b) == aig.latch(e.latch).name && s.kind == NandSig::Kind::Latch && s.index == e.latch)
            ref = output_ref[port->bits[b]];
        }
        if (ref.empty()) ok = false;
        refs.push_back(ref);
      }
      if (ok)
        for (std::size_t k = 0; k < entries.size(); ++k) latch_ref[entries[k].latch] = refs[k];
    } else if (ok && port && port->dir == PortDir::Output) {
      // "count" is an output read back inside: the flip-flops drive `count_q`, and
      // the port is assigned from it.
      std::string name = base + "_q";
      ok = !scope.taken(name) && declare(name, entries, all_indexed);
      if (ok) scope.take(name);
    } else if (ok && !port && !scope.taken(base)) {
      ok = declare(base, entries, all_indexed);
      if (ok) scope.take(base);
    } else {
      ok = false;
    }
    if (!ok)
      for (const Entry& e : entries) fallback.push_back(e.latch);
  }
  for (std::size_t i : fallback) {
    latch_ref[i] = scope.fresh(sanitize(aig.latch(i).name));
    decls.push_back(state_wire_decl(aig.latch(i).name, latch_ref[i]));
  }
  return decls;
}

const std::string& nf_cells_verilog() {
  static const std::string text = kNfCellsText;
  return text;
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

  std::vector<std::string> output_ref(aig.outputs().size());
  for (const Port& p : design.ports)
    if (p.dir == PortDir::Output)
      for (std::size_t i = 0; i < p.bits.size(); ++i) output_ref[p.bits[i]] = port_bit_ref(p, i);

  std::vector<std::string> latch_ref(aig.num_latches());
  std::vector<std::string> latch_decls = name_latch_outputs(design, net, output_ref, scope, latch_ref);

  // A gate that drives an output port bit writes straight onto that bit.
  // A gate writes straight onto an output port bit when that bit is its only
  // reader. Otherwise it gets a wire and the port is assigned from it: reading an
  // output port back inside the module makes Verilator see a loop through the
  // whole port vector (UNOPTFLAT).
  std::vector<std::uint32_t> readers(net.gates.size(), 0);
  auto count_reader = [&](const NandSig& s) {
    if (s.kind == NandSig::Kind::Gate) ++readers[s.index];
  };
  for_each_reference(net, count_reader);
  std::vector<std::string> gate_ref(net.gates.size());
  std::vector<bool> gate_on_port(net.gates.size(), false);
  for (std::size_t o = 0; o < net.outputs.size(); ++o) {
    const NandSig& s = net.outputs[o];
    if (s.kind == NandSig::Kind::Gate && readers[s.index] == 1) {
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
  if (ps.pure_nand)
    v << "// Nothing but 2-input NAND gates: each flip-flop and latch is drawn as its NAND circuit\n"
         "// (tools/nandflow/map/storage_nand.hpp), which powers up unknown.\n";
  else
    v << "// Every combinational gate is a 2-input NAND; flip-flops and latches are nf_* cells (nf_cells.v).\n";
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
  for (const std::string& decl : latch_decls) v << "  " << decl << "\n";
  v << "\n";

  for (std::size_t g = 0; g < net.gates.size(); ++g) {
    if (ps.nand_cells)
      v << "  nf_nand2 g" << (g + 1) << " (.A(" << ref(net.gates[g][0]) << "), .B(" << ref(net.gates[g][1])
        << "), .Y(" << gate_ref[g] << "));\n";
    else
      v << "  nand g" << (g + 1) << " (" << gate_ref[g] << ", " << ref(net.gates[g][0]) << ", "
        << ref(net.gates[g][1]) << ");\n";
  }
  if (!net.gates.empty()) v << "\n";

  std::vector<std::string> master_ref(aig.num_latches());
  for (std::size_t i = 0; i < aig.num_latches() && ps.pure_nand; ++i) {
    // The cell's NAND circuit, its gates named after the state; Q is the state's wire, a
    // flip-flop's master latch a wire "<state>$master" by its nf_state name, which is how
    // `verify` recognises the pair.
    const Latch& l = aig.latch(i);
    const auto& pins = net.latches[i];
    const StorageCircuit& c = storage_nand_circuit(storage_type(l));
    std::string base = scope.fresh("ff_" + sanitize(l.name));
    std::vector<std::string> sig(StorageCircuit::kFirstGate + c.gates.size());
    sig[StorageCircuit::kD] = ref(pins.d), sig[StorageCircuit::kC] = ref(pins.clock);
    sig[StorageCircuit::kR] = ref(pins.reset), sig[StorageCircuit::kS] = ref(pins.set);
    std::string wires;
    for (std::size_t k = 0; k < c.gates.size(); ++k) {
      int id = StorageCircuit::kFirstGate + static_cast<int>(k);
      if (id == c.q) {
        sig[id] = latch_ref[i];
      } else {
        sig[id] = scope.fresh(base + "_" + std::to_string(k + 1));
        if (id == c.master_q) {
          master_ref[i] = sig[id];
          v << "  " << state_wire_decl(l.name + "$master", sig[id]) << "\n";
        } else {
          wires += (wires.empty() ? "  wire " : ", ") + sig[id];
        }
      }
    }
    if (!wires.empty()) v << wires << ";\n";
    for (std::size_t k = 0; k < c.gates.size(); ++k)
      v << "  nand " << base << "_g" << (k + 1) << " (" << sig[StorageCircuit::kFirstGate + k] << ", "
        << sig[c.gates[k][0]] << ", " << sig[c.gates[k][1]] << ");\n";
  }
  if (ps.pure_nand) {
    // Gates hold no power-up value, and a gate-level simulation keeps an unknown state
    // unknown through logic a reset would clear in hardware (x-pessimism). For simulation
    // only, each storage loop starts where the nf_* cell's INIT would put it.
    std::vector<std::pair<std::string, const char*>> forced;  // wire, power-up value
    for (std::size_t i = 0; i < aig.num_latches(); ++i) {
      const Latch& l = aig.latch(i);
      if (l.level_sensitive && l.init == InitValue::Unknown) continue;
      const char* value = l.init == InitValue::One ? "1'b1" : "1'b0";
      forced.push_back({latch_ref[i], value});
      if (!master_ref[i].empty()) forced.push_back({master_ref[i], value});
    }
    if (!forced.empty()) {
      v << "\n`ifndef SYNTHESIS\n  // Simulation only: the power-up state (nf_cells.v's INIT), which gates cannot hold.\n"
           "  initial begin\n";
      for (const auto& [wire, value] : forced) v << "    force " << wire << " = " << value << ";\n";
      v << "    #0;\n";
      for (const auto& [wire, value] : forced) v << "    release " << wire << ";\n";
      v << "  end\n`endif\n";
    }
  }
  for (std::size_t i = 0; i < aig.num_latches() && !ps.pure_nand; ++i) {
    const Latch& l = aig.latch(i);
    const auto& pins = net.latches[i];
    std::string inst = scope.fresh("ff_" + sanitize(l.name));
    v << "  " << storage_cell_name(storage_type(l));
    // A latch without a source initial value gets none (FPGA latches cannot have one).
    if (!l.level_sensitive || l.init != InitValue::Unknown)
      v << " #(.INIT(1'b" << (l.init == InitValue::One ? '1' : '0') << "))";
    v << " " << inst << " (." << (l.level_sensitive ? "E" : "C") << "(" << ref(pins.clock) << ")";
    if (l.async_reset != kLit0) v << ", .R(" << ref(pins.reset) << ")";
    if (l.async_set != kLit0) v << ", .S(" << ref(pins.set) << ")";
    v << ", .D(" << ref(pins.d) << "), .Q(" << latch_ref[i] << "));\n";
  }
  if (aig.num_latches()) v << "\n";

  // Outputs not written by a gate directly: constants, inputs, flip-flops, or a
  // gate already driving another output bit.
  for (std::size_t o = 0; o < net.outputs.size(); ++o) {
    const NandSig& s = net.outputs[o];
    if (ref(s) == output_ref[o]) continue;  // a gate or flip-flop writes the port bit itself
    v << "  assign " << output_ref[o] << " = " << ref(s) << ";\n";
  }
  v << "endmodule\n";
  return v.str();
}

}  // namespace nandflow

#include "io/read_yosys_json.hpp"

#include "io/gate_loops.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "util/error.hpp"
#include "util/temp_dir.hpp"

namespace nandflow {
namespace {

// ordered_json keeps the ports in declaration order (Yosys writes them so), which
// positional instantiation in a testbench depends on.
using json = nlohmann::ordered_json;

// A document that parses but is not a Yosys netlist (a member of the wrong kind or range).
struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An integer member, 0 when absent; anything else, or a value outside [-2^30, 2^30], is
// malformed (a float such as 7e44 must not reach an int: found by fuzz_yosys_json).
long int_member(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return 0;
  if (!it->is_number_integer()) throw Malformed(std::string("member \"") + key + "\" is not an integer");
  long v = it->get<long>();
  if (v < -(1L << 30) || v > (1L << 30)) throw Malformed(std::string("member \"") + key + "\" is out of range");
  return v;
}

// Builds a document from the parser's SAX events. nlohmann's own builder adds each
// object member through ordered_map::operator[], which searches the members already
// there: quadratic in an object's size (a 64x64 multiplier's 30,000 cells took 50 s to
// parse). Here members are appended (Yosys writes no duplicate keys; a document that
// repeats one keeps both, and lookups find the first).
class DomBuilder {
 public:
  struct SyntaxError : std::runtime_error {
    using std::runtime_error::runtime_error;
  };
  explicit DomBuilder(json& root) : root_(root) {}
  bool null() { return put(nullptr), true; }
  bool boolean(bool v) { return put(v), true; }
  bool number_integer(json::number_integer_t v) { return put(v), true; }
  bool number_unsigned(json::number_unsigned_t v) { return put(v), true; }
  bool number_float(json::number_float_t v, const json::string_t&) { return put(v), true; }
  bool string(json::string_t& v) { return put(std::move(v)), true; }
  bool binary(json::binary_t& v) { return put(json::binary(std::move(v))), true; }
  bool start_object(std::size_t) { return open_.push_back(put(json::object())), true; }
  bool start_array(std::size_t) { return open_.push_back(put(json::array())), true; }
  bool end_object() { return open_.pop_back(), true; }
  bool end_array() { return open_.pop_back(), true; }
  bool key(json::string_t& k) {
    auto& members = static_cast<json::object_t::Container&>(open_.back()->get_ref<json::object_t&>());
    members.emplace_back(std::move(k), nullptr);
    member_ = &members.back().second;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    throw SyntaxError(e.what());
  }

 private:
  // Places a value: the document itself, the next array element, or the member whose key came last.
  // Pointers to open containers stay valid: only the innermost one grows.
  json* put(json v) {
    if (open_.empty()) return &(root_ = std::move(v));
    json& parent = *open_.back();
    if (parent.is_array()) {
      parent.get_ref<json::array_t&>().push_back(std::move(v));
      return &parent.get_ref<json::array_t&>().back();
    }
    *member_ = std::move(v);
    return member_;
  }
  json& root_;
  std::vector<json*> open_;
  json* member_ = nullptr;
};

// Parses `text` and runs `body` on it. A malformed document (bad syntax, a member of the
// wrong type, a missing one) becomes a UserError naming the file, never another exception.
template <class Body>
auto with_parsed_json(const std::string& text, const std::string& path, Body body) {
  json netlist;
  try {
    DomBuilder builder(netlist);
    json::sax_parse(text, &builder);
  } catch (const DomBuilder::SyntaxError& e) {
    throw UserError(path + ": not a valid Yosys JSON netlist (" + std::string(e.what()) + ")");
  } catch (const json::exception& e) {
    throw UserError(path + ": not a valid Yosys JSON netlist (" + std::string(e.what()) + ")");
  }
  try {
    return body(netlist);
  } catch (const json::exception& e) {
    throw UserError(path + ": malformed Yosys JSON netlist (" + std::string(e.what()) + ")");
  } catch (const Malformed& e) {
    throw UserError(path + ": malformed Yosys JSON netlist (" + std::string(e.what()) + ")");
  }
}

// A bit in Yosys JSON is a number (a net) or "0", "1", "x", "z".
constexpr long kBit0 = -1, kBit1 = -2, kBitX = -3, kBitZ = -4;

// A member object, or an empty one: never a temporary (value() returns a copy,
// and iterating a temporary's items() dangles).
const json& member(const json& obj, const char* key) {
  static const json empty = json::object();
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? empty : *it;
}

long bit_id(const json& b) {
  if (b.is_number_integer()) return b.get<long>();
  std::string s = b.get<std::string>();
  if (s == "0") return kBit0;
  if (s == "1") return kBit1;
  if (s == "z") return kBitZ;
  return kBitX;
}

const json* find_top(const json& netlist, std::string* name) {
  const json& modules = netlist.at("modules");
  const json* only = nullptr;
  for (auto it = modules.begin(); it != modules.end(); ++it) {
    const json& attrs = member(it.value(), "attributes");
    if (attrs.contains("top")) {
      *name = it.key();
      return &it.value();
    }
    if (!attrs.contains("blackbox")) only = &it.value(), *name = it.key();
  }
  if (modules.size() == 1 && only) return only;
  throw UserError("the netlist has no top module");
}

// A name as the source had it. Yosys writes a public name that starts with '$' (a
// netlist's `\$i1`, written by nandflow for the source's private `$i1`, say from an AIGER
// file without symbols) with its backslash kept; without it, the two read alike.
std::string plain_name(const std::string& key) {
  return key.size() > 1 && key[0] == '\\' && key[1] == '$' ? key.substr(1) : key;
}

std::string attr_string(const json& obj, const char* key) {
  if (!obj.contains("attributes")) return "";
  const json& a = obj["attributes"];
  if (!a.contains(key) || !a[key].is_string()) return "";
  return a[key].get<std::string>();
}

// Names each net bit after the most readable wire that carries it: a public name
// before an internal one, the top level before a flattened instance's, then the shortest.
class BitNames {
 public:
  explicit BitNames(const json& module) {
    const json& nets = member(module, "netnames");
    for (auto it = nets.begin(); it != nets.end(); ++it) {
      const json& net = it.value();
      const std::string name = plain_name(it.key());
      bool hidden = int_member(net, "hide_name") != 0 || (!it.key().empty() && it.key()[0] == '$');
      const json& bits = net.at("bits");
      int offset = static_cast<int>(int_member(net, "offset"));
      bool upto = int_member(net, "upto") != 0;
      int width = static_cast<int>(bits.size());
      std::string state = attr_string(net, "nf_state");
      std::string src = attr_string(net, "src");
      for (int i = 0; i < width; ++i) {
        long id = bit_id(bits[i]);
        if (id < 0) continue;
        std::string bit_name = name;
        if (width > 1 || offset != 0) {
          int index = upto ? offset + width - 1 - i : offset + i;
          bit_name += "[" + std::to_string(index) + "]";
        }
        // Rank: nf_state (nandflow's own flip-flop naming) first, then public names.
        int rank = !state.empty() ? 0 : hidden ? 3 : (name.find('.') != std::string::npos ? 2 : 1);
        if (!state.empty()) bit_name = state;
        auto key = std::make_tuple(rank, bit_name.size(), bit_name);
        auto found = best_.find(id);
        if (found == best_.end() || key < found->second.key) best_[id] = {key, bit_name, src};
      }
    }
  }
  std::string name(long id) const {
    auto it = best_.find(id);
    return it == best_.end() ? "$net" + std::to_string(id) : it->second.name;
  }
  std::string src(long id) const {
    auto it = best_.find(id);
    return it == best_.end() ? "" : it->second.src;
  }
  // Which signal of a gate loop to cut first: nandflow's state names, then public names,
  // then the shorter and alphabetically first.
  std::tuple<int, std::size_t, std::string> cut_preference(long id) const {
    auto it = best_.find(id);
    return it == best_.end() ? std::make_tuple(4, std::size_t{0}, std::string()) : it->second.key;
  }

 private:
  struct Entry {
    std::tuple<int, std::size_t, std::string> key;
    std::string name;
    std::string src;
  };
  std::unordered_map<long, Entry> best_;
};

std::string where(const std::string& src) {
  std::string loc = source_location(src);
  return loc.empty() ? "" : loc + ": ";
}

struct FlopType {
  bool negedge;    // falling edge; for a latch, enable active low
  bool has_reset;  // R or (for $_DFF_xP0_) the reset pin
  bool has_set;
  bool latch;      // level-sensitive: the E pin instead of C
};

// Which of Yosys's fine flip-flop and latch cells we accept (after dfflegalize).
bool flop_type(const std::string& type, FlopType* out) {
  static const std::map<std::string, FlopType> kTypes = {
      {"$_DFF_P_", {false, false, false, false}},       {"$_DFF_N_", {true, false, false, false}},
      {"$_DFF_PP0_", {false, true, false, false}},      {"$_DFF_PP1_", {false, false, true, false}},
      {"$_DFF_NP0_", {true, true, false, false}},       {"$_DFF_NP1_", {true, false, true, false}},
      {"$_DFFSR_PPP_", {false, true, true, false}},     {"$_DFFSR_NPP_", {true, true, true, false}},
      {"$_DLATCH_P_", {false, false, false, true}},     {"$_DLATCH_N_", {true, false, false, true}},
      {"$_DLATCH_PP0_", {false, true, false, true}},    {"$_DLATCH_PP1_", {false, false, true, true}},
      {"$_DLATCH_NP0_", {true, true, false, true}},     {"$_DLATCH_NP1_", {true, false, true, true}},
      {"$_DLATCHSR_PPP_", {false, true, true, true}},   {"$_DLATCHSR_NPP_", {true, true, true, true}},
  };
  auto it = kTypes.find(type);
  if (it == kTypes.end()) return false;
  *out = it->second;
  return true;
}

}  // namespace

std::string source_location(const std::string& src) {
  if (src.empty()) return "";
  std::string first = src.substr(0, src.find('|'));
  // "file.v:12.3-12.20" -> "file.v:12"
  auto colon = first.rfind(':');
  if (colon == std::string::npos) return first;
  auto dot = first.find('.', colon);
  return dot == std::string::npos ? first : first.substr(0, dot);
}

bool is_storage_cell_type(const std::string& t) {
  static const std::set<std::string> types = {"$dff",    "$adff",   "$sdff",   "$dffe",    "$adffe",
                                              "$sdffe",  "$sdffce", "$dffsr",  "$dffsre",  "$aldff",
                                              "$aldffe", "$dlatch", "$adlatch", "$dlatchsr", "$sr"};
  return types.count(t) != 0;
}

// Logic cells that are single gates when their ports are one bit wide.
static bool is_gate_type(const std::string& t) {
  static const std::set<std::string> types = {"$and", "$or",       "$xor",      "$xnor",     "$not",
                                              "$mux", "$logic_not", "$logic_and", "$logic_or", "$pos"};
  return types.count(t) != 0;
}

static SourceCells refuse_unsupported_cells_in(const json& netlist) {
  SourceCells info;
  for (auto& [mname, module] : netlist.at("modules").items()) {
    BitNames names(module);
    for (auto& item : member(module, "cells").items()) {
      const json& cell = item.value();
      std::string type = cell.value("type", "");
      std::string src = attr_string(cell, "src");
      auto signal = [&](const char* port) {
        const json& conns = member(cell, "connections");
        if (!conns.contains(port) || conns[port].empty()) return std::string("?");
        return names.name(bit_id(conns[port][0]));
      };
      if (type == "$tribuf" || type == "$_TBUF_")
        throw UserError(where(src) + "signal '" + signal("Y") +
                        "' is driven by a tri-state buffer (a 'z' value); NAND netlists have no "
                        "high-impedance state");
      if (!info.bit_level || type.rfind("$_", 0) == 0 || is_storage_cell_type(type)) continue;
      bool single_bits = is_gate_type(type);
      for (auto& conn : member(cell, "connections").items()) single_bits = single_bits && conn.value().size() <= 1;
      info.bit_level = single_bits;
    }
  }
  return info;
}

// Every bit some cell or input port drives, and whether any connection or port holds an x or
// z constant or a bit nothing drives.
static bool x_free_from_json(const json& netlist) {
  for (auto& [mname, module] : netlist.at("modules").items()) {
    if (attr_string(module, "blackbox") != "") continue;  // a --blackbox module: no body to read
    std::unordered_set<long> driven;
    std::vector<long> used;
    auto note = [&](const json& bits, bool drives) {
      for (const json& b : bits) {
        long id = bit_id(b);
        if (id == kBitX || id == kBitZ) return false;
        if (id < 0) continue;
        if (drives) driven.insert(id);
        else used.push_back(id);
      }
      return true;
    };
    for (auto& item : member(module, "ports").items()) {
      const json& port = item.value();
      if (!note(port.at("bits"), port.value("direction", "") == "input")) return false;
    }
    for (auto& item : member(module, "cells").items()) {
      const json& dirs = member(item.value(), "port_directions");
      for (auto& conn : member(item.value(), "connections").items()) {
        auto dir = dirs.find(conn.key());
        if (!note(conn.value(), dir != dirs.end() && *dir == "output")) return false;
      }
    }
    for (long id : used)
      if (!driven.count(id)) return false;
  }
  return true;
}

static Design design_from_json(const json& netlist, const ReadOptions& options) {
  Design design;
  const json& module = *find_top(netlist, &design.top);
  BitNames names(module);
  Aig& aig = design.aig;

  // Net id -> literal, for nets resolved so far.
  std::unordered_map<long, Lit> lit_of;

  // Input ports.
  const json& ports = member(module, "ports");
  std::vector<const json*> port_json;  // parallel to design.ports
  for (auto it = ports.begin(); it != ports.end(); ++it) {
    const json& p = it.value();
    port_json.push_back(&p);
    std::string dir = p.value("direction", "");
    Port port;
    port.name = plain_name(it.key());
    port.width = static_cast<int>(p.at("bits").size());
    port.offset = static_cast<int>(int_member(p, "offset"));
    port.upto = int_member(p, "upto") != 0;
    port.is_signed = int_member(p, "signed") != 0;
    if (dir == "inout")
      throw UserError("port '" + port.name + "' of module '" + design.top +
                      "' is inout; NAND netlists support input and output ports only");
    port.dir = dir == "input" ? PortDir::Input : PortDir::Output;
    if (port.dir == PortDir::Input) {
      for (int i = 0; i < port.width; ++i) {
        long id = bit_id(p.at("bits")[i]);
        NodeId n = aig.create_input(port.bit_name(i));
        port.bits.push_back(aig.num_inputs() - 1);
        if (id >= 0) lit_of[id] = make_lit(n);
      }
    }
    design.ports.push_back(std::move(port));
  }

  // Index cells by the nets they drive.
  struct Gate {
    bool is_not;
    long a, b;
    std::string src;
  };
  std::unordered_map<long, Gate> gate_of;
  struct FlopCell {
    const json* cell;
    FlopType type;
    std::size_t latch;
  };
  std::vector<FlopCell> flops;
  for (auto& [cname, cell] : member(module, "cells").items()) {
    std::string type = cell.value("type", "");
    std::string src = attr_string(cell, "src");
    const json& c = cell.at("connections");
    if (type == "$_AND_" || type == "$_NOT_") {
      long y = bit_id(c.at("Y").at(0));
      if (y < 0) continue;
      Gate g{type == "$_NOT_", bit_id(c.at("A").at(0)), type == "$_NOT_" ? kBit0 : bit_id(c.at("B").at(0)), src};
      if (gate_of.count(y)) throw UserError(where(src) + "signal '" + names.name(y) + "' has more than one driver");
      gate_of[y] = g;
      continue;
    }
    FlopType ft;
    if (flop_type(type, &ft)) {
      long q = bit_id(c.at("Q").at(0));
      std::size_t idx = aig.create_latch(names.name(q));
      aig.latch(idx).src = src;
      if (q >= 0) {
        if (lit_of.count(q)) throw UserError(where(src) + "signal '" + names.name(q) + "' has more than one driver");
        lit_of[q] = make_lit(aig.latch(idx).out);
      }
      flops.push_back({&cell, ft, idx});
      continue;
    }
    long y = -1;
    for (const char* out : {"Y", "Q"})
      if (c.contains(out) && !c[out].empty()) y = bit_id(c[out][0]);
    if (type == "$_TBUF_" || type == "$tribuf")
      throw UserError(where(src) + "signal '" + names.name(y) + "' is driven by a tri-state buffer");
    if (!type.empty() && type[0] != '$')
      throw UserError(where(src) + "instance '" + cname + "' of module '" + type +
                      "' has no definition (a missing source file, or a black box)");
    throw UserError(where(src) + "cell type " + type + " driving '" + names.name(y) + "' is not supported");
  }

  // Storage drawn with gates (io/gate_loops.hpp): each loop among the gates is cut at a
  // few signals, preferring nandflow's own state names and then readable ones; each cut
  // becomes a latch, classified once the logic around it is resolved.
  struct LoopCut {
    long net;
    std::size_t latch;
    const GateLoop* loop;
  };
  std::vector<LoopCut> loop_cuts;
  std::map<long, std::vector<long>> fanins;
  for (const auto& [net, gate] : gate_of) {
    std::vector<long>& ins = fanins[net];
    for (long in : {gate.a, gate.b})
      if (in >= 0 && gate_of.count(in) && std::find(ins.begin(), ins.end(), in) == ins.end()) ins.push_back(in);
  }
  std::set<long> output_bits;
  for (std::size_t k = 0; k < design.ports.size(); ++k)
    if (design.ports[k].dir == PortDir::Output)
      for (const json& b : port_json[k]->at("bits")) output_bits.insert(bit_id(b));
  // An output port, then nandflow's own state names, then a gate's inverted output (a
  // NAND's output is NOT(AND): the user's wire, where the AND is Yosys's), then names.
  auto cut_preference = [&](long n) {
    auto name = names.cut_preference(n);
    return std::make_tuple(!output_bits.count(n), std::get<0>(name) != 0, !gate_of.at(n).is_not, name);
  };
  const std::vector<GateLoop> loops =
      find_gate_loops(fanins, [&](long a, long b) { return cut_preference(a) < cut_preference(b); });
  for (const GateLoop& loop : loops)
    for (long net : loop.cuts) {
      std::size_t idx = aig.create_latch(names.name(net));
      aig.latch(idx).level_sensitive = true;
      aig.latch(idx).src = gate_of.at(net).src;
      lit_of[net] = make_lit(aig.latch(idx).out);
      loop_cuts.push_back({net, idx, &loop});
    }
  design.latches_from_loops = loop_cuts.size();

  std::set<std::string> x_signals;  // signals where an x or z was read as 0
  // Resolve a net to a literal, depth-first without recursion (deep carry chains).
  // `onstack` finds combinational loops.
  std::unordered_map<long, bool> onstack;
  auto resolve = [&](long root, const std::string& user) -> Lit {
    // x (and z, undriven) lets the netlist give anything; nandflow gives 0, which `verify`
    // then proves against the source with every x at 0: a refinement of the source.
    auto constant = [&](long id) -> Lit {
      if (id == kBit0) return kLit0;
      if (id == kBit1) return kLit1;
      if (options.x_only_from_yosys) return kLit0;  // a don't care of Yosys's, not the source's
      if (x_signals.insert(user).second)
        design.warnings.push_back(where(names.src(root)) + "signal '" + user + "' " +
                                  (root < 0 ? "is undriven or undefined (x)" : "depends on an undefined (x) value") +
                                  ": tied to 0 there (x is a don't care)");
      return kLit0;
    };
    if (root < 0) return constant(root);
    std::vector<long> stack{root};
    while (!stack.empty()) {
      long id = stack.back();
      if (lit_of.count(id)) {
        stack.pop_back();
        continue;
      }
      auto g = gate_of.find(id);
      if (g == gate_of.end()) {
        // An undriven net: Yosys already warned; it is constant 0 here, as in simulation.
        if (x_signals.insert(names.name(id)).second)
          design.warnings.push_back(where(names.src(id)) + "signal '" + names.name(id) +
                                    "' is undriven (x): tied to 0 there (x is a don't care)");
        lit_of[id] = kLit0;
        stack.pop_back();
        continue;
      }
      const Gate& gate = g->second;
      bool ready = true;
      for (long in : {gate.a, gate.b}) {
        if (in < 0 || lit_of.count(in)) continue;
        if (onstack[in])
          throw UserError(where(gate.src) + "combinational loop through signal '" + names.name(in) + "'");
        ready = false;
        stack.push_back(in);
      }
      if (!ready) {
        onstack[id] = true;
        continue;
      }
      auto get = [&](long in) { return in < 0 ? constant(in) : lit_of.at(in); };
      lit_of[id] = gate.is_not ? lit_not(get(gate.a)) : aig.create_and(get(gate.a), get(gate.b));
      onstack[id] = false;
      stack.pop_back();
    }
    return lit_of.at(root);
  };

  for (std::size_t k = 0; k < design.ports.size(); ++k) {
    Port& port = design.ports[k];
    if (port.dir != PortDir::Output) continue;
    const json& bits = port_json[k]->at("bits");
    for (int i = 0; i < port.width; ++i) {
      std::string bit_name = port.bit_name(i);
      aig.add_output(bit_name, resolve(bit_id(bits[i]), bit_name));
      port.bits.push_back(aig.outputs().size() - 1);
    }
  }

  for (const FlopCell& f : flops) {
    const json& cell = *f.cell;
    const json& c = cell.at("connections");
    Latch& l = aig.latch(f.latch);
    std::string name = l.name;
    l.next = resolve(bit_id(c.at("D").at(0)), name);
    l.level_sensitive = f.type.latch;
    l.clock = f.type.latch ? resolve(bit_id(c.at("E").at(0)), name + " (enable)")
                           : resolve(bit_id(c.at("C").at(0)), name + " (clock)");
    l.negedge = f.type.negedge;
    if (f.type.has_reset && f.type.has_set) {
      l.async_reset = resolve(bit_id(c.at("R").at(0)), name + " (reset)");
      l.async_set = resolve(bit_id(c.at("S").at(0)), name + " (set)");
    } else if (f.type.has_reset) {
      l.async_reset = resolve(bit_id(c.at("R").at(0)), name + " (reset)");
    } else if (f.type.has_set) {
      l.async_set = resolve(bit_id(c.at("R").at(0)), name + " (set)");
    }
  }

  // Each cut of a gate loop: a latch when it holds and never oscillates; any other loop
  // is refused with its signals and lines.
  for (const LoopCut& c : loop_cuts) {
    const Gate& gate = gate_of.at(c.net);
    auto input = [&](long in) { return resolve(in, names.name(c.net)); };
    Lit g = gate.is_not ? lit_not(input(gate.a)) : aig.create_and(input(gate.a), input(gate.b));
    LoopLatch ll = classify_cut_signal(aig, g, aig.latch(c.latch).out);
    if (ll.behaviour == LoopBehaviour::Latch) {
      aig.latch(c.latch).clock = ll.enable;
      aig.latch(c.latch).next = ll.data;
      continue;
    }
    // The loop's source-level signals (Yosys's internal ones only when it has none) and lines.
    std::set<std::string> public_names, all_names, locations;
    for (long net : c.loop->nets) {
      (std::get<0>(names.cut_preference(net)) <= 2 ? public_names : all_names).insert(names.name(net));
      for (const std::string& src : {gate_of.at(net).src, names.src(net)})
        if (!source_location(src).empty()) locations.insert(source_location(src));
    }
    std::string signals, lines;
    for (const std::string& n : public_names.empty() ? all_names : public_names)
      signals += (signals.empty() ? "'" : ", '") + n + "'";
    for (const std::string& loc : locations) lines += (lines.empty() ? "" : ", ") + loc;
    std::string why = ll.behaviour == LoopBehaviour::Oscillates ? "it can oscillate (no stable value for some inputs)"
                      : ll.behaviour == LoopBehaviour::HoldsNothing
                          ? "it stores nothing (a loop in combinational logic: write it without the loop)"
                          : "nandflow could not decide whether it holds a value";
    throw UserError((locations.empty() ? "" : *locations.begin() + ": ") + "combinational loop through signals " + signals +
                    (lines.empty() ? "" : " (" + lines + ")") + ": " + why +
                    "; loops that hold a value (SR and D latches, flip-flops drawn with gates) are storage");
  }

  design.x_dont_cares = x_signals.size();  // after the loop cuts, which resolve their inputs too

  // Initial values come from the `init` attribute of the wire driven by Q.
  std::unordered_map<long, InitValue> init_of;
  const json& nets = member(module, "netnames");
  for (auto it = nets.begin(); it != nets.end(); ++it) {
    std::string init = attr_string(it.value(), "init");
    const json& bits = it.value().at("bits");
    if (init.empty()) {
      // Integer-valued init attributes appear as JSON numbers in some versions.
      const json& attrs = member(it.value(), "attributes");
      if (attrs.contains("init") && attrs["init"].is_number_integer()) {
        long v = attrs["init"].get<long>();
        for (std::size_t i = 0; i < bits.size() && i < 63; ++i)
          init_of[bit_id(bits[i])] = ((v >> i) & 1) ? InitValue::One : InitValue::Zero;
      }
      continue;
    }
    // A string of 0/1/x, most significant bit first.
    for (std::size_t i = 0; i < bits.size() && i < init.size(); ++i) {
      char ch = init[init.size() - 1 - i];
      long id = bit_id(bits[i]);
      if (id < 0) continue;
      // One net can appear at several positions (Yosys merges flip-flops with the same
      // input, keeping the init value on one alias and x on the others): a defined value
      // wins over x (found by nandflow-random-design --small seed 50).
      InitValue v = ch == '1' ? InitValue::One : ch == '0' ? InitValue::Zero : InitValue::Unknown;
      auto [at, fresh] = init_of.emplace(id, v);
      if (!fresh && at->second == InitValue::Unknown) at->second = v;
    }
  }
  for (const FlopCell& f : flops) {
    long q = bit_id((*f.cell).at("connections").at("Q").at(0));
    auto it = init_of.find(q);
    if (it != init_of.end()) aig.latch(f.latch).init = it->second;
  }

  // Latch names must be unique: they are how `verify` pairs flip-flops.
  std::map<std::string, int> seen;
  for (Latch& l : aig.latches()) {
    int n = seen[l.name]++;
    if (n > 0) l.name += "#" + std::to_string(n);
  }
  return design;
}

static std::vector<ModuleInfo> hierarchy_from_json(const json& netlist) {
  std::vector<ModuleInfo> out;
  for (auto& [mname, module] : netlist.at("modules").items()) {
    const json& attrs = member(module, "attributes");
    if (attrs.contains("blackbox")) continue;
    ModuleInfo info;
    info.name = mname;
    info.display_name = mname;
    info.base_name = mname;
    // $paramod\Foo\W=s32'00000000000000000000000000001000 -> Foo(W=8)
    if (mname.rfind("$paramod", 0) == 0) {
      std::string rest = mname.substr(9);
      auto slash = rest.find('\\');
      std::string base = rest.substr(0, slash);
      std::string params;
      while (slash != std::string::npos) {
        auto next = rest.find('\\', slash + 1);
        std::string kv = rest.substr(slash + 1, next == std::string::npos ? std::string::npos : next - slash - 1);
        auto eq = kv.find('=');
        std::string key = kv.substr(0, eq), value = eq == std::string::npos ? "" : kv.substr(eq + 1);
        auto tick = value.find('\'');
        if (tick != std::string::npos) {
          std::string digits = value.substr(tick + 1);
          bool binary = !digits.empty() && digits.find_first_not_of("01") == std::string::npos;
          if (binary && digits.size() <= 63) value = std::to_string(std::stoll(digits, nullptr, 2));
        }
        params += (params.empty() ? "" : ",") + key + "=" + value;
        slash = next;
      }
      info.display_name = base + "(" + params + ")";
      info.base_name = base;
    }
    for (auto& [cname, cell] : member(module, "cells").items()) {
      std::string type = cell.value("type", "");
      if (!type.empty() && type[0] != '$') info.instances.push_back({cname, type});
      else if (type.rfind("$paramod", 0) == 0) info.instances.push_back({cname, type});
    }
    out.push_back(std::move(info));
  }
  return out;
}

Design read_yosys_json_text(const std::string& text, const std::string& path, const ReadOptions& options) {
  return with_parsed_json(text, path, [&](const json& netlist) { return design_from_json(netlist, options); });
}

bool source_is_x_free_text(const std::string& text, const std::string& path) {
  return with_parsed_json(text, path, x_free_from_json);
}

SourceCells refuse_unsupported_cells_text(const std::string& text, const std::string& path) {
  return with_parsed_json(text, path, refuse_unsupported_cells_in);
}

std::vector<ModuleInfo> module_hierarchy_text(const std::string& text, const std::string& path) {
  return with_parsed_json(text, path, hierarchy_from_json);
}

Design read_yosys_json(const std::string& path, const ReadOptions& options) {
  return read_yosys_json_text(read_file(path), path, options);
}

bool source_is_x_free(const std::string& path) { return source_is_x_free_text(read_file(path), path); }

SourceCells refuse_unsupported_cells(const std::string& path) { return refuse_unsupported_cells_text(read_file(path), path); }

std::vector<ModuleInfo> module_hierarchy(const std::string& path) { return module_hierarchy_text(read_file(path), path); }

}  // namespace nandflow

#include "map/storage_nand.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace nandflow {
namespace {

// Builds a StorageCircuit: a gate asked for twice is made once, a latch's Qn serves as
// its Q's inverse, and gates nothing needs are dropped at the end.
class Builder {
 public:
  int nand(int a, int b) {
    auto key = std::minmax(a, b);
    auto it = made_.find(key);
    if (it != made_.end() && b >= 0) return it->second;
    c_.gates.push_back({a, b});
    int g = StorageCircuit::kFirstGate + static_cast<int>(c_.gates.size()) - 1;
    if (b >= 0) made_[key] = g;
    return g;
  }
  int inv(int a) {
    auto it = inverse_.find(a);
    if (it != inverse_.end()) return it->second;
    int n = nand(a, a);
    pair(a, n);
    return n;
  }
  void pair(int a, int b) { inverse_[a] = b, inverse_[b] = a; }
  // Gate `g` is created now with a placeholder input `slot`, filled in later.
  void patch(int g, int slot, int signal) { c_.gates[g - StorageCircuit::kFirstGate][slot] = signal; }

  // A latch open while `e` = 1, storing `d`, with optional active-high reset/set
  // (`n_reset`/`n_set`: their inverses, or -1). Returns Q.
  int latch(int d, int e, int n_reset, int n_set) {
    int open = e, data_n = -1, data = d;
    if (n_reset >= 0 || n_set >= 0) {
      // Forced open while reset or set: E' = E | R | S = nand(!E, !R & !S).
      int n_forced = n_reset >= 0 && n_set >= 0 ? inv(nand(n_reset, n_set)) : n_reset >= 0 ? n_reset : n_set;
      open = nand(inv(e), n_forced);
      if (n_set >= 0) data = nand(inv(d), n_set);                  // D | S
      if (n_reset >= 0) data_n = nand(data, n_reset);              // !(D' & !R): the data inverted
    }
    // The core: s = !D', r = D' while open (from D' itself, or from its inverse).
    int s, r;
    if (data_n >= 0) {
      r = nand(data_n, open);
      s = nand(r, open);
    } else {
      s = nand(data, open);
      r = nand(s, open);
    }
    int q = nand(s, -1);
    int qn = nand(r, q);
    patch(q, 1, qn);
    pair(q, qn);
    return q;
  }

  // The circuit of Q: the gates it needs, renumbered in their order.
  StorageCircuit done(int q, int master_q = -1) {
    const int first = StorageCircuit::kFirstGate;
    std::vector<bool> needed(c_.gates.size(), false);
    std::vector<int> todo{q};
    while (!todo.empty()) {
      int s = todo.back();
      todo.pop_back();
      if (s < first || needed[s - first]) continue;
      needed[s - first] = true;
      for (int in : c_.gates[s - first]) todo.push_back(in);
    }
    std::vector<int> renumber(c_.gates.size(), -1);
    StorageCircuit out;
    for (std::size_t g = 0; g < c_.gates.size(); ++g)
      if (needed[g]) renumber[g] = first + static_cast<int>(out.gates.size()), out.gates.push_back(c_.gates[g]);
    auto map = [&](int s) { return s < first ? s : renumber[s - first]; };
    for (auto& gate : out.gates) gate = {map(gate[0]), map(gate[1])};
    out.q = map(q);
    out.master_q = master_q < 0 ? -1 : map(master_q);
    return out;
  }

 private:
  StorageCircuit c_;
  std::map<int, int> inverse_;
  std::map<std::pair<int, int>, int> made_;
};

// Storage types as numbers 0..15, for the tables below.
int type_key(const StorageType& t) {
  return (t.latch ? 1 : 0) | (t.negedge ? 2 : 0) | (t.reset ? 4 : 0) | (t.set ? 8 : 0);
}
StorageType type_of_key(int k) { return {(k & 1) != 0, (k & 2) != 0, (k & 4) != 0, (k & 8) != 0}; }

StorageCircuit build(const StorageType& t) {
  Builder b;
  const int D = StorageCircuit::kD, C = StorageCircuit::kC;
  int n_reset = t.reset ? b.inv(StorageCircuit::kR) : -1;
  int n_set = t.set ? b.inv(StorageCircuit::kS) : -1;
  if (t.latch) return b.done(b.latch(D, t.negedge ? b.inv(C) : C, n_reset, n_set));
  // Master open while the clock is at its idle level, slave while it is at the active one.
  int active = t.negedge ? b.inv(C) : C;
  int idle = b.inv(active);
  int master = b.latch(D, idle, n_reset, n_set);
  return b.done(b.latch(master, active, n_reset, n_set), master);
}

}  // namespace

StorageType storage_type(const Latch& l) {
  return {l.level_sensitive, l.negedge, l.async_reset != kLit0, l.async_set != kLit0};
}

const char* storage_cell_name(const StorageType& t) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (int k = 0; k < 16; ++k) {
      StorageType t = type_of_key(k);
      v.push_back(std::string(t.latch ? "nf_dlatch" : "nf_dff") + (t.negedge ? "n" : "") + (t.reset ? "r" : "") +
                  (t.set ? "s" : ""));
    }
    return v;
  }();
  return names[type_key(t)].c_str();
}

const StorageCircuit& storage_nand_circuit(const StorageType& t) {
  static const std::vector<StorageCircuit> circuits = [] {
    std::vector<StorageCircuit> v;
    for (int k = 0; k < 16; ++k) v.push_back(build(type_of_key(k)));
    return v;
  }();
  return circuits[type_key(t)];
}

int storage_nand_price(const StorageType& t) { return static_cast<int>(storage_nand_circuit(t).gates.size()); }

std::vector<StorageType> all_storage_types() {
  std::vector<StorageType> out;
  for (int latch = 0; latch < 2; ++latch)
    for (int rs = 0; rs < 4; ++rs)
      for (int neg = 0; neg < 2; ++neg) out.push_back({latch == 1, neg == 1, (rs & 1) != 0, (rs & 2) != 0});
  return out;
}

}  // namespace nandflow

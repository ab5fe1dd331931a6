#include "opt/nand_database.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "nand_db_text.hpp"

namespace nandflow {

TruthTable apply_npn(TruthTable f, const NpnTransform& t) {
  TruthTable g = 0;
  for (unsigned y = 0; y < 16; ++y) {
    unsigned x = 0;
    for (unsigned i = 0; i < 4; ++i) x |= (((y >> t.perm[i]) & 1u) ^ ((t.in_neg >> i) & 1u)) << i;
    unsigned bit = ((f >> x) & 1u) ^ (t.out_neg ? 1u : 0u);
    g = static_cast<TruthTable>(g | (bit << y));
  }
  return g;
}

namespace {

std::vector<NpnTransform> all_transforms() {
  std::vector<NpnTransform> ts;
  std::array<std::uint8_t, 4> p = {0, 1, 2, 3};
  do {
    for (unsigned neg = 0; neg < 16; ++neg)
      for (bool o : {false, true}) {
        NpnTransform t;
        t.perm = p;
        t.in_neg = static_cast<std::uint8_t>(neg);
        t.out_neg = o;
        ts.push_back(t);
      }
  } while (std::next_permutation(p.begin(), p.end()));
  return ts;
}

const std::vector<NpnTransform>& transforms() {
  static const std::vector<NpnTransform> ts = all_transforms();
  return ts;
}

}  // namespace

TruthTable npn_representative(TruthTable f) {
  TruthTable best = f;
  for (const NpnTransform& t : transforms()) best = std::min(best, apply_npn(f, t));
  return best;
}

std::vector<TruthTable> npn_representatives() {
  std::vector<bool> seen(65536, false);
  std::vector<TruthTable> reps;
  for (unsigned f = 0; f < 65536; ++f) {
    if (seen[f]) continue;
    for (const NpnTransform& t : transforms()) seen[apply_npn(static_cast<TruthTable>(f), t)] = true;
    reps.push_back(static_cast<TruthTable>(f));  // the first of its class is the smallest
  }
  return reps;
}

std::string format_db_entry(const NandDbEntry& e) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04x", e.representative);
  std::ostringstream out;
  out << buf << " " << (e.optimal ? 1 : 0) << " " << e.chain.gates.size();
  for (const auto& g : e.chain.gates) out << " " << g[0] << "," << g[1];
  out << " out " << e.chain.outputs.at(0);
  return out.str();
}

std::optional<NandDbEntry> parse_db_entry(const std::string& line) {
  std::istringstream in(line);
  std::string tt, word;
  int optimal = 0;
  std::size_t n = 0;
  if (!(in >> tt >> optimal >> n)) return std::nullopt;
  NandDbEntry e;
  e.representative = static_cast<TruthTable>(std::stoul(tt, nullptr, 16));
  e.optimal = optimal != 0;
  e.chain.num_inputs = 4;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(in >> word)) return std::nullopt;
    auto comma = word.find(',');
    if (comma == std::string::npos) return std::nullopt;
    int a = std::stoi(word.substr(0, comma)), b = std::stoi(word.substr(comma + 1));
    int limit = 4 + static_cast<int>(i);
    if (a < 0 || b < 0 || a >= limit || b >= limit) return std::nullopt;
    e.chain.gates.push_back({a, b});
  }
  int out = 0;
  if (!(in >> word >> out) || word != "out" || out < 0 || out >= 4 + static_cast<int>(n)) return std::nullopt;
  e.chain.outputs.push_back(out);
  return e;
}

NandDatabase::NandDatabase(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (auto e = parse_db_entry(line)) entries_.push_back(std::move(*e));
  }
  for (std::size_t idx = 0; idx < entries_.size(); ++idx) {
    const NandDbEntry& e = entries_[idx];
    // Which inputs the chain reads: only those need an inverter when negated.
    unsigned used = 0;
    for (const auto& g : e.chain.gates)
      for (int f : g)
        if (f < 4) used |= 1u << f;
    if (e.chain.outputs[0] < 4) used |= 1u << e.chain.outputs[0];
    int base = static_cast<int>(e.chain.gates.size());
    for (const NpnTransform& t : transforms()) {
      TruthTable g = apply_npn(e.representative, t);
      int cost = base + __builtin_popcount(t.in_neg & used) + (t.out_neg ? 1 : 0);
      Best& b = best_[g];
      if (b.cost < 0 || cost < b.cost) b = {cost, static_cast<std::uint16_t>(idx), t};
    }
  }
}

const NandDatabase& NandDatabase::builtin() {
  static const NandDatabase db(kNandDbText);
  return db;
}

std::optional<NandChain> NandDatabase::chain_for(TruthTable f) const {
  const Best& b = best_[f];
  if (b.cost < 0) return std::nullopt;
  const NandDbEntry& e = entries_[b.entry];
  NandChain c;
  c.num_inputs = 4;
  // Representative input i reads y_perm[i], through an inverter when negated.
  std::array<int, 4> input_node{};
  for (int i = 0; i < 4; ++i) {
    int y = b.t.perm[static_cast<std::size_t>(i)];
    if ((b.t.in_neg >> i) & 1u) {
      bool used = false;
      for (const auto& g : e.chain.gates) used = used || g[0] == i || g[1] == i;
      used = used || e.chain.outputs[0] == i;
      if (used) {
        c.gates.push_back({y, y});
        input_node[static_cast<std::size_t>(i)] = 4 + static_cast<int>(c.gates.size()) - 1;
        continue;
      }
    }
    input_node[static_cast<std::size_t>(i)] = y;
  }
  std::vector<int> node_of(4 + e.chain.gates.size());
  for (int i = 0; i < 4; ++i) node_of[static_cast<std::size_t>(i)] = input_node[static_cast<std::size_t>(i)];
  for (std::size_t g = 0; g < e.chain.gates.size(); ++g) {
    c.gates.push_back({node_of[static_cast<std::size_t>(e.chain.gates[g][0])], node_of[static_cast<std::size_t>(e.chain.gates[g][1])]});
    node_of[4 + g] = 4 + static_cast<int>(c.gates.size()) - 1;
  }
  int out = node_of[static_cast<std::size_t>(e.chain.outputs[0])];
  if (b.t.out_neg) {
    c.gates.push_back({out, out});
    out = 4 + static_cast<int>(c.gates.size()) - 1;
  }
  c.outputs.push_back(out);
  return c;
}

}  // namespace nandflow

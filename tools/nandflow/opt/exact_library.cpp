#include "opt/exact_library.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exact_seed_text.hpp"

namespace nandflow {

TruthTable permute_inputs(TruthTable f, const std::vector<int>& perm, int num_inputs) {
  TruthTable g = 0;
  const unsigned rows = 1u << num_inputs;
  for (unsigned t = 0; t < rows; ++t) {
    unsigned src = 0;
    for (int i = 0; i < num_inputs; ++i) src |= ((t >> perm[static_cast<std::size_t>(i)]) & 1u) << i;
    if ((f >> src) & 1u) g = static_cast<TruthTable>(g | (1u << t));
  }
  return g;
}

namespace {

std::string cache_path() {
  const char* dir = std::getenv("NANDFLOW_CACHE_DIR");
  std::string base;
  if (dir && *dir) {
    if (std::string(dir) == "off") return "";
    base = dir;
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    base = std::string(xdg) + "/nandflow";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::string(home) + "/.cache/nandflow";
  } else {
    return "";
  }
  return base + "/" + ExactLibrary::version() + ".txt";
}

}  // namespace

std::string ExactLibrary::version() {
  std::string name = "exact-nand-v2";
  for (int n = 2; n <= 4; ++n)
    name += "-" + std::to_string(kMaxGates[n]) + "g" + std::to_string(kConflicts[n]) + "c";
  return name;
}

ExactLibrary& ExactLibrary::shared() {
  static ExactLibrary* library = [] {
    auto* l = new ExactLibrary(cache_path(), /*load=*/false);  // lives as long as the process
    l->load_text(kExactSeedText);  // answers precomputed by nandflow-gen-exact
    if (!l->cache_file_.empty()) l->load();
    return l;
  }();
  return *library;
}

ExactLibrary::ExactLibrary(std::string cache_file, bool load_it) : cache_file_(std::move(cache_file)) {
  if (!cache_file_.empty() && load_it) load();
}

std::string ExactLibrary::format(const Key& k, const Entry& e) {
  std::ostringstream out;
  out << k.num_inputs;
  for (TruthTable f : k.functions) out << " " << f;
  out << " :";
  if (!e.chain) {
    out << " none\n";
    return out.str();
  }
  for (const auto& g : e.chain->gates) out << " " << g[0] << "," << g[1];
  out << " out";
  for (int o : e.chain->outputs) out << " " << o;
  out << "\n";
  return out.str();
}

void ExactLibrary::load() {
  std::ifstream in(cache_file_);
  std::stringstream text;
  text << in.rdbuf();
  load_text(text.str());
}

void ExactLibrary::load_text(const std::string& text) {
  // A text made under other bounds holds other answers: it starts with its version.
  if (text.rfind("# ", 0) == 0 && text.compare(2, version().size(), version()) != 0) return;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    // "N f1 f2 ... : j,k j,k ... out o1 o2 ..." or "N f1 ... : none"; anything else is
    // skipped (a line cut short by a crash, say), and every chain is checked.
    std::istringstream words(line);
    Key k;
    if (!(words >> k.num_inputs) || k.num_inputs < 1 || k.num_inputs > 4) continue;
    std::string w;
    bool ok = true;
    while (words >> w && w != ":") {
      char* end = nullptr;
      unsigned long f = std::strtoul(w.c_str(), &end, 10);
      if (*end != '\0' || f > 0xFFFF) ok = false;
      k.functions.push_back(static_cast<TruthTable>(f));
    }
    if (!ok || w != ":" || k.functions.empty()) continue;
    Entry e;
    NandChain c;
    c.num_inputs = k.num_inputs;
    bool none = false, outputs = false;
    while (words >> w) {
      if (w == "none") none = true;
      else if (w == "out") outputs = true;
      else if (outputs) c.outputs.push_back(std::atoi(w.c_str()));
      else {
        int a = 0, b = 0;
        if (std::sscanf(w.c_str(), "%d,%d", &a, &b) != 2) ok = false;
        int node = k.num_inputs + static_cast<int>(c.gates.size());
        if (a < 0 || b < 0 || a >= node || b >= node) ok = false;
        c.gates.push_back({a, b});
      }
    }
    if (!ok) continue;
    if (!none) {
      if (c.outputs.size() != k.functions.size()) continue;
      int nodes = k.num_inputs + static_cast<int>(c.gates.size());
      bool valid = true;
      for (int o : c.outputs) valid = valid && o >= 0 && o < nodes;
      if (!valid) continue;
      std::vector<TruthTable> tt = simulate_chain(c);
      for (std::size_t o = 0; o < c.outputs.size(); ++o)
        valid = valid && tt[static_cast<std::size_t>(c.outputs[o])] == (k.functions[o] & truth_table_mask(k.num_inputs));
      if (!valid) continue;
      e.chain = std::move(c);
    }
    entries_.emplace(std::move(k), std::move(e));
  }
}

void ExactLibrary::append(const Key& k, const Entry& e) {
  if (cache_file_.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(cache_file_).parent_path(), ec);
  // One write() of one line with O_APPEND: concurrent runs interleave whole lines.
  int fd = ::open(cache_file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;  // a cache that cannot be written only costs time
  std::string line = format(k, e);
  ssize_t n = ::write(fd, line.data(), line.size());
  (void)n;
  ::close(fd);
}

ExactLibrary::Stats ExactLibrary::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

std::optional<NandChain> ExactLibrary::chain(int num_inputs, const std::vector<TruthTable>& functions) {
  const TruthTable mask = truth_table_mask(num_inputs);
  // Canonical form: the permutation of the inputs whose sorted distinct outputs are
  // smallest.
  std::vector<int> perm(static_cast<std::size_t>(num_inputs));
  for (int i = 0; i < num_inputs; ++i) perm[static_cast<std::size_t>(i)] = i;
  Key best{num_inputs, {}};
  std::vector<int> best_perm;
  do {
    std::vector<TruthTable> g;
    for (TruthTable f : functions) g.push_back(permute_inputs(static_cast<TruthTable>(f & mask), perm, num_inputs));
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    if (best_perm.empty() || g < best.functions) best.functions = std::move(g), best_perm = perm;
  } while (std::next_permutation(perm.begin(), perm.end()));

  Entry entry;
  bool found = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.lookups;
    auto it = entries_.find(best);
    if (it != entries_.end()) entry = it->second, found = true, ++stats_.hits;
  }
  if (!found) {
    // Outside the lock: two threads may both search; they find the same chain.
    exact_nand_params ep;
    ep.max_gates = kMaxGates[num_inputs];
    ep.conflict_limit = kConflicts[num_inputs];
    // Upward from the fewest gates the outputs need: the first size that works is the
    // answer (optimal when every smaller size was refuted). Asking "at most N gates" of
    // the solver instead is far harder for it (the full adder: undecided after 20,000
    // conflicts, where the upward search proves 9 optimal in a quarter of a second).
    entry.chain = exact_nand_synthesis(num_inputs, best.functions, ep);
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.syntheses;
    if (entries_.emplace(best, entry).second) append(best, entry);
  }
  if (!entry.chain) return std::nullopt;
  // Back to the caller's inputs and outputs: canonical input j is the caller's input
  // i with best_perm[i] = j.
  std::vector<int> caller_input(static_cast<std::size_t>(num_inputs));
  for (int i = 0; i < num_inputs; ++i) caller_input[static_cast<std::size_t>(best_perm[static_cast<std::size_t>(i)])] = i;
  NandChain c = *entry.chain;
  auto node = [&](int x) { return x < num_inputs ? caller_input[static_cast<std::size_t>(x)] : x; };
  for (auto& g : c.gates) g = {node(g[0]), node(g[1])};
  c.outputs.clear();
  for (TruthTable f : functions) {
    TruthTable g = permute_inputs(static_cast<TruthTable>(f & mask), best_perm, num_inputs);
    auto pos = std::lower_bound(best.functions.begin(), best.functions.end(), g) - best.functions.begin();
    c.outputs.push_back(node(entry.chain->outputs[static_cast<std::size_t>(pos)]));
  }
  return c;
}

}  // namespace nandflow

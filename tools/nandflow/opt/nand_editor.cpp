#include "opt/nand_editor.hpp"

#include <algorithm>
#include <random>

#include "network/nand_builder.hpp"

namespace nandflow {

namespace {
constexpr std::uint64_t kSpacing = 1ull << 20;  // room for new gates between two old ones
}

NandEditor::NandEditor(const NandNetwork& net, int sim_words, std::uint64_t seed, const SimulationPatterns* patterns)
    : num_inputs_(net.num_inputs),
      num_latches_(net.num_latches()),
      first_gate_(net.first_gate_id()),
      words_(sim_words),
      stride_(static_cast<std::size_t>(sim_words) + SimulationPatterns::kMaxWords + 8),
      sat_(std::make_unique<SatSolver>()) {
  std::size_t total = net.num_ids();
  fanin_.assign(total, {0, 0});
  fanouts_.resize(total);
  refs_.assign(total, 0);
  root_refs_.assign(total, 0);
  pos_.resize(total);
  for (std::size_t id = 0; id < total; ++id) pos_[id] = (id + 1) * kSpacing;
  sig_.assign(total * stride_, 0);
  var_.assign(total, 0);
  std::mt19937_64 rng(seed);
  first_added_ = static_cast<std::size_t>(sim_words);
  for (std::size_t w = 0; w < stride_; ++w) sig_[stride_ + w] = ~0ULL;
  for (Id id = 2; id < first_gate_; ++id)
    for (int w = 0; w < words_; ++w) sig_[static_cast<std::size_t>(id) * stride_ + w] = rng();
  if (patterns)
    for (const auto& word : patterns->words) {
      if (word.size() != num_leaves()) continue;
      for (Id id = 2; id < first_gate_; ++id) sig_[static_cast<std::size_t>(id) * stride_ + words_] = word[id - 2];
      ++words_;
    }
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    fanin_[first_gate_ + g] = {net.id_of(net.gates[g][0]), net.id_of(net.gates[g][1])};
  auto add_root = [&](Id id) { ++root_refs_[id], ++refs_[id]; };
  for (const NandSig& s : net.outputs) outputs_.push_back(net.id_of(s)), add_root(outputs_.back());
  for (const auto& l : net.latches) {
    latches_.push_back({net.id_of(l.d), net.id_of(l.clock), net.id_of(l.reset), net.id_of(l.set)});
    for (Id id : latches_.back()) add_root(id);
  }
  // Only gates a root reaches are alive (and read); the rest are dead from the start.
  std::vector<bool> live(total, false);
  for (Id id = 0; id < total; ++id) live[id] = root_refs_[id] > 0;
  for (Id id = static_cast<Id>(total); id-- > first_gate_;)
    if (live[id]) live[fanin_[id][0]] = live[fanin_[id][1]] = true;
  for (Id id = first_gate_; id < total; ++id)
    if (live[id]) {
      add_reader(fanin_[id][0], id);
      add_reader(fanin_[id][1], id);
      simulate_gate(id);
    }
  var_[1] = SatSolver::true_lit();
  var_[0] = -SatSolver::true_lit();
}

std::vector<NandEditor::Id> NandEditor::gates_in_order() const {
  std::vector<Id> gates;
  for (Id g = first_gate_; g < size(); ++g)
    if (refs_[g] > 0) gates.push_back(g);
  std::sort(gates.begin(), gates.end(), [&](Id a, Id b) { return pos_[a] < pos_[b]; });
  return gates;
}

std::size_t NandEditor::num_live_gates() const {
  std::size_t n = 0;
  for (Id g = first_gate_; g < size(); ++g) n += refs_[g] > 0;
  return n;
}

void NandEditor::add_reader(Id id, Id reader) {
  ++refs_[id];
  fanouts_[id].push_back(reader);
}

void NandEditor::remove_reader(Id first, Id first_reader) {
  std::vector<std::pair<Id, Id>> work{{first, first_reader}};
  while (!work.empty()) {
    auto [id, reader] = work.back();
    work.pop_back();
    auto& fo = fanouts_[id];
    fo.erase(std::find(fo.begin(), fo.end(), reader));
    if (--refs_[id] == 0 && is_gate(id)) {
      work.push_back({fanin_[id][0], id});
      work.push_back({fanin_[id][1], id});
    }
  }
}

std::vector<NandEditor::Id> NandEditor::mffc(Id g) {
  std::vector<Id> cone{g}, touched;
  for (std::size_t i = 0; i < cone.size(); ++i)
    for (Id f : fanin_[cone[i]]) {
      if (!is_gate(f)) continue;
      touched.push_back(f);
      if (--refs_[f] == 0) cone.push_back(f);
    }
  for (Id t : touched) ++refs_[t];
  return cone;
}

void NandEditor::replace(Id g, Id d) {
  std::vector<Id> readers = fanouts_[g];
  std::sort(readers.begin(), readers.end());
  readers.erase(std::unique(readers.begin(), readers.end()), readers.end());
  // The new readers first, so that nothing d needs dies on the way.
  for (Id r : readers)
    for (Id& f : fanin_[r])
      if (f == g) f = d, add_reader(d, r);
  auto move_root = [&](Id& slot) {
    if (slot != g) return;
    slot = d;
    ++root_refs_[d], ++refs_[d];
    --root_refs_[g], --refs_[g];
  };
  for (Id& o : outputs_) move_root(o);
  for (auto& l : latches_)
    for (Id& p : l) move_root(p);
  for (Id r : readers)
    while (std::find(fanouts_[g].begin(), fanouts_[g].end(), r) != fanouts_[g].end()) remove_reader(g, r);
  if (readers.empty() && refs_[g] == 0) {
    // Only roots read g: none removed the last reference, so g dies here.
    remove_reader(fanin_[g][0], g);
    remove_reader(fanin_[g][1], g);
  }
}

void NandEditor::set_fanins(Id g, Id a, Id b) {
  std::array<Id, 2> old = fanin_[g];
  fanin_[g] = {a, b};
  add_reader(a, g);
  add_reader(b, g);
  remove_reader(old[0], g);
  remove_reader(old[1], g);
  simulate_gate(g);
}

NandEditor::Id NandEditor::new_id() {
  Id id = static_cast<Id>(size());
  fanin_.push_back({0, 0});
  fanouts_.emplace_back();
  refs_.push_back(0);
  root_refs_.push_back(0);
  pos_.push_back(0);
  sig_.resize(sig_.size() + stride_, 0);
  var_.push_back(0);
  return id;
}

void NandEditor::renumber_positions() {
  std::vector<Id> order(size());
  for (Id i = 0; i < size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](Id a, Id b) { return pos_[a] < pos_[b]; });
  for (std::size_t k = 0; k < order.size(); ++k) pos_[order[k]] = (k + 1) * kSpacing;
}

NandEditor::Id NandEditor::create_gate(Id a, Id b, Id reader) {
  Id g = new_id();
  std::uint64_t lo = std::max(pos_[a], pos_[b]);
  if (pos_[reader] - lo < 2) {
    renumber_positions();
    lo = std::max(pos_[a], pos_[b]);
  }
  pos_[g] = lo + (pos_[reader] - lo) / 2;
  fanin_[g] = {a, b};
  add_reader(a, g);
  add_reader(b, g);
  simulate_gate(g);
  return g;
}

void NandEditor::discard(Id g) {
  if (refs_[g] != 0) return;
  remove_reader(fanin_[g][0], g);
  remove_reader(fanin_[g][1], g);
}

void NandEditor::simulate_gate(Id g) {
  std::uint64_t* out = &sig_[static_cast<std::size_t>(g) * stride_];
  const std::uint64_t* a = sig(fanin_[g][0]);
  const std::uint64_t* b = sig(fanin_[g][1]);
  for (int w = 0; w < words_; ++w) out[w] = ~(a[w] & b[w]);
}

bool NandEditor::add_word(const std::vector<std::uint64_t>& leaf_values) {
  if (leaf_values.size() != num_leaves()) return false;
  // When full, the oldest added word gives way (the random words stay).
  std::size_t w = static_cast<std::size_t>(words_);
  if (w >= stride_) {
    w = first_added_ + next_overwrite_;
    next_overwrite_ = (next_overwrite_ + 1) % (stride_ - first_added_);
  }
  for (Id id = 2; id < first_gate_; ++id) sig_[id * stride_ + w] = leaf_values[id - 2];
  for (Id g : gates_in_order())
    sig_[g * stride_ + w] = ~(sig_[fanin_[g][0] * stride_ + w] & sig_[fanin_[g][1] * stride_ + w]);
  if (w == static_cast<std::size_t>(words_)) ++words_;
  return true;
}

void NandEditor::resimulate(const std::vector<Id>& gates) {
  for (Id g : gates) simulate_gate(g);
}

int NandEditor::var(Id root) {
  if (var_[root]) return var_[root];
  std::vector<Id> stack{root};
  while (!stack.empty()) {
    Id x = stack.back();
    if (var_[x]) {
      stack.pop_back();
      continue;
    }
    if (!is_gate(x)) {
      var_[x] = sat_->new_var();
      stack.pop_back();
      continue;
    }
    bool ready = true;
    for (Id f : fanin_[x])
      if (!var_[f]) stack.push_back(f), ready = false;
    if (!ready) continue;
    stack.pop_back();
    var_[x] = sat_->nand_of(var_[fanin_[x][0]], var_[fanin_[x][1]]);
  }
  return var_[root];
}

NandNetwork NandEditor::network() const {
  NandBuilder b(num_inputs_);
  std::vector<NandSig> mapped(size());
  mapped[0] = NandSig::const0();
  mapped[1] = NandSig::const1();
  for (std::size_t i = 0; i < num_inputs_; ++i) mapped[2 + i] = NandSig::input(i);
  for (std::size_t i = 0; i < num_latches_; ++i) mapped[2 + num_inputs_ + i] = NandSig::latch(i);
  for (Id g : gates_in_order()) mapped[g] = b.nand(mapped[fanin_[g][0]], mapped[fanin_[g][1]]);
  for (Id o : outputs_) b.net.outputs.push_back(mapped[o]);
  for (const auto& l : latches_) b.net.latches.push_back({mapped[l[0]], mapped[l[1]], mapped[l[2]], mapped[l[3]]});
  // Folding a constant can leave a gate unread: cleanup drops it.
  return nand_cleanup(b.net);
}

}  // namespace nandflow

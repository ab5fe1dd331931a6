#include "opt/nand_editor.hpp"

#include <algorithm>
#include <random>

#include <cadical.hpp>

#include "network/nand_builder.hpp"
#include "opt/nand_resynthesis.hpp"

namespace nandflow {

NandEditor::NandEditor(const NandNetwork& net, std::size_t num_inputs, std::size_t num_latches, int sim_words,
                       std::uint64_t seed)
    : num_inputs_(num_inputs),
      num_latches_(num_latches),
      first_gate_(static_cast<Id>(2 + num_inputs + num_latches)),
      words_(sim_words),
      solver_(std::make_unique<CaDiCaL::Solver>()) {
  auto id_of = [&](const NandSig& s) -> Id {
    switch (s.kind) {
      case NandSig::Kind::Const0: return 0;
      case NandSig::Kind::Const1: return 1;
      case NandSig::Kind::Input: return static_cast<Id>(2 + s.index);
      case NandSig::Kind::Latch: return static_cast<Id>(2 + num_inputs + s.index);
      case NandSig::Kind::Gate: return first_gate_ + s.index;
    }
    return 0;
  };
  std::size_t total = first_gate_ + net.gates.size();
  fanin_.assign(total, {0, 0});
  fanouts_.resize(total);
  refs_.assign(total, 0);
  root_refs_.assign(total, 0);
  sig_.assign(total * static_cast<std::size_t>(words_), 0);
  var_.assign(total, 0);
  std::mt19937_64 rng(seed);
  for (std::size_t w = 0; w < static_cast<std::size_t>(words_); ++w) sig_[static_cast<std::size_t>(words_) + w] = ~0ULL;
  for (Id id = 2; id < first_gate_; ++id)
    for (int w = 0; w < words_; ++w) sig_[static_cast<std::size_t>(id) * words_ + w] = rng();
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    fanin_[first_gate_ + g] = {id_of(net.gates[g][0]), id_of(net.gates[g][1])};
  auto add_root = [&](Id id) { ++root_refs_[id], ++refs_[id]; };
  for (const NandSig& s : net.outputs) outputs_.push_back(id_of(s)), add_root(outputs_.back());
  for (const auto& l : net.latches) {
    latches_.push_back({id_of(l.d), id_of(l.clock), id_of(l.reset), id_of(l.set)});
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
  var_[1] = 1;
  var_[0] = -1;
  clause({1});
}

NandEditor::~NandEditor() = default;

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

void NandEditor::simulate_gate(Id g) {
  std::uint64_t* out = &sig_[static_cast<std::size_t>(g) * words_];
  const std::uint64_t* a = sig(fanin_[g][0]);
  const std::uint64_t* b = sig(fanin_[g][1]);
  for (int w = 0; w < words_; ++w) out[w] = ~(a[w] & b[w]);
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
      var_[x] = new_var();
      stack.pop_back();
      continue;
    }
    bool ready = true;
    for (Id f : fanin_[x])
      if (!var_[f]) stack.push_back(f), ready = false;
    if (!ready) continue;
    stack.pop_back();
    int y = new_var(), a = var_[fanin_[x][0]], b = var_[fanin_[x][1]];
    clause({y, a});  // y = NAND(a, b)
    clause({y, b});
    clause({-y, -a, -b});
    var_[x] = y;
  }
  return var_[root];
}

void NandEditor::clause(std::initializer_list<int> lits) {
  for (int l : lits) solver_->add(l);
  solver_->add(0);
}

void NandEditor::clause(const std::vector<int>& lits) {
  for (int l : lits) solver_->add(l);
  solver_->add(0);
}

int NandEditor::solve(int assumption, std::int64_t conflict_limit) {
  ++sat_calls_;
  solver_->assume(assumption);
  if (conflict_limit > 0) solver_->limit("conflicts", static_cast<int>(std::min<std::int64_t>(conflict_limit, 1 << 30)));
  return solver_->solve();
}

NandNetwork NandEditor::network() const {
  NandBuilder b;
  std::vector<NandSig> mapped(size());
  mapped[0] = {NandSig::Kind::Const0, 0};
  mapped[1] = {NandSig::Kind::Const1, 0};
  for (std::size_t i = 0; i < num_inputs_; ++i) mapped[2 + i] = {NandSig::Kind::Input, static_cast<std::uint32_t>(i)};
  for (std::size_t i = 0; i < num_latches_; ++i)
    mapped[2 + num_inputs_ + i] = {NandSig::Kind::Latch, static_cast<std::uint32_t>(i)};
  for (Id g = first_gate_; g < size(); ++g)
    if (refs_[g] > 0) mapped[g] = b.nand(mapped[fanin_[g][0]], mapped[fanin_[g][1]]);
  for (Id o : outputs_) b.net.outputs.push_back(mapped[o]);
  for (const auto& l : latches_) b.net.latches.push_back({mapped[l[0]], mapped[l[1]], mapped[l[2]], mapped[l[3]]});
  // Folding a constant can leave a gate unread: cleanup drops it.
  return nand_cleanup(b.net, num_inputs_, num_latches_);
}

}  // namespace nandflow

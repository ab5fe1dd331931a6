#include "opt/window_cnf.hpp"

#include <algorithm>
#include <unordered_map>

namespace nandflow {

WindowCnf::WindowCnf(const NandEditor& ed, const std::vector<Id>& roots, std::size_t max_gates) : ed_(ed) {
  std::unordered_map<Id, bool> seen;
  std::vector<Id> queue;
  for (Id r : roots)
    if (seen.emplace(r, true).second) queue.push_back(r);
  for (std::size_t i = 0; i < queue.size(); ++i) {
    Id x = queue[i];
    if (!ed.is_gate(x) || expanded_.size() >= max_gates) continue;
    expanded_.push_back(x);
    for (Id f : ed.fanin(x))
      if (seen.emplace(f, true).second) queue.push_back(f);
  }
  std::sort(expanded_.begin(), expanded_.end());
  // Variables for everything seen, then clauses for the expanded gates.
  std::sort(queue.begin(), queue.end());
  for (Id x : queue) {
    int v = x == 0 ? -SatSolver::true_lit() : x == 1 ? SatSolver::true_lit() : sat_.new_var();
    vars_.push_back({x, v});
  }
  for (Id x : expanded_) sat_.add_nand(lookup(x), lookup(ed.fanin(x)[0]), lookup(ed.fanin(x)[1]));
}

int WindowCnf::lookup(Id id) const {
  auto it = std::lower_bound(vars_.begin(), vars_.end(), std::make_pair(id, -2147483647 - 1));
  return it != vars_.end() && it->first == id ? it->second : 0;
}

int WindowCnf::var(Id id) {
  int v = lookup(id);
  if (v != 0) return v;
  // Not in the cone: a free variable (kept sorted for later lookups).
  v = id == 0 ? -SatSolver::true_lit() : id == 1 ? SatSolver::true_lit() : sat_.new_var();
  vars_.insert(std::lower_bound(vars_.begin(), vars_.end(), std::make_pair(id, -2147483647 - 1)), {id, v});
  return v;
}

}  // namespace nandflow

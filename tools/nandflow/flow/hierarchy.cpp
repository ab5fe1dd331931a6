#include "flow/hierarchy.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "util/error.hpp"

namespace nandflow {

const ModuleInfo& DesignHierarchy::module(const std::string& name) const {
  for (const ModuleInfo& m : modules)
    if (m.name == name) return m;
  throw UserError("no module " + name + " in the design");
}

bool DesignHierarchy::has(const std::string& name) const {
  return std::any_of(modules.begin(), modules.end(), [&](const ModuleInfo& m) { return m.name == name; });
}

bool DesignHierarchy::is_cut(const std::string& name) const {
  const std::string& base = module(name).base_name;
  return std::find(frontend.blackboxes.begin(), frontend.blackboxes.end(), base) != frontend.blackboxes.end();
}

std::vector<std::pair<std::string, std::size_t>> DesignHierarchy::children(const std::string& name) const {
  std::vector<std::pair<std::string, std::size_t>> out;
  for (const auto& inst : module(name).instances) {
    if (!has(inst.second) || is_cut(inst.second)) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](auto& ch) { return ch.first == inst.second; });
    if (it == out.end())
      out.push_back({inst.second, 1});
    else
      ++it->second;
  }
  return out;
}

DesignHierarchy read_design_hierarchy(const FrontendParams& fp, const std::string& workdir) {
  DesignHierarchy h;
  h.frontend = fp;
  h.modules = read_hierarchy(fp, &h.json_path, workdir);
  std::map<std::string, int> used_as_child;
  for (const ModuleInfo& m : h.modules)
    for (const auto& inst : m.instances) used_as_child[inst.second]++;
  for (const ModuleInfo& m : h.modules)
    if (!used_as_child.count(m.name)) h.top = m.name;
  if (h.top.empty()) throw UserError("no top module found");
  for (const std::string& b : fp.blackboxes)
    if (std::none_of(h.modules.begin(), h.modules.end(), [&](const ModuleInfo& m) { return m.base_name == b; }))
      throw UserError("--blackbox " + b + ": no module " + b + " in the design");
  return h;
}

SynthResult synthesize_module(const DesignHierarchy& h, const std::string& module, const synth_params& base) {
  std::set<std::string> cut;
  std::function<void(const std::string&)> cut_below = [&](const std::string& m) {
    for (const auto& inst : h.module(m).instances) {
      if (!h.has(inst.second)) continue;
      if (h.is_cut(inst.second))
        cut.insert(h.module(inst.second).base_name);
      else
        cut_below(inst.second);
    }
  };
  cut_below(module);
  synth_params sp = base;
  sp.frontend = FrontendParams{};
  sp.frontend.files = {h.json_path};
  sp.frontend.top = module;
  sp.frontend.blackboxes.assign(cut.begin(), cut.end());
  sp.frontend.verbose = h.frontend.verbose;
  return synthesize(sp);
}

}  // namespace nandflow

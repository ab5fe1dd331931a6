// nandflow count: the NAND count of every module of a hierarchy, as a tree.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "flow/synth_flow.hpp"
#include "util/error.hpp"
#include "util/temp_dir.hpp"

namespace nandflow {
namespace {

const char* kHelp =
    "usage: nandflow count FILE... [--top NAME] [--json REPORT.json] [options]\n"
    "\n"
    "Synthesises every module of the hierarchy below the top on its own (with its\n"
    "submodules flattened into it) and prints the tree with each module's NAND2\n"
    "count, flip-flops and how many instances its parent has, the way nand2tetris\n"
    "students list their chips.\n"
    "\n"
    "options:\n"
    "  --json FILE        write the tree as JSON\n";

struct Count {
  std::size_t nands = 0, flops = 0, nand_equivalent = 0;
};

}  // namespace

int cmd_count(int argc, char** argv) {
  int status = 0;
  auto parsed = parse_command(argc, argv, {"count", kHelp, {"--json"}, {}}, &status);
  if (!parsed) return status;
  const Args& args = *parsed;
  FrontendParams fp = frontend_params(args, args.positional());
  TempDir tmp;
  std::string hierarchy_json;
  std::vector<ModuleInfo> modules = read_hierarchy(fp, &hierarchy_json, tmp.path());
  std::map<std::string, const ModuleInfo*> by_name;
  std::map<std::string, int> used_as_child;
  for (const ModuleInfo& m : modules) by_name[m.name] = &m;
  for (const ModuleInfo& m : modules)
    for (const auto& inst : m.instances) used_as_child[inst.second]++;
  std::string top;
  for (const ModuleInfo& m : modules)
    if (!used_as_child.count(m.name)) top = m.name;
  if (top.empty()) throw UserError("count: no top module found");

  // --blackbox modules are left out of the tree, and cut out of each module that holds one.
  auto is_cut = [&](const std::string& module) {
    const std::string& name = by_name.at(module)->base_name;
    return std::find(fp.blackboxes.begin(), fp.blackboxes.end(), name) != fp.blackboxes.end();
  };
  for (const std::string& b : fp.blackboxes)
    if (std::none_of(modules.begin(), modules.end(), [&](const ModuleInfo& m) { return m.base_name == b; }))
      throw UserError("--blackbox " + b + ": no module " + b + " in the design");
  std::function<void(const std::string&, std::set<std::string>&)> cut_below = [&](const std::string& module,
                                                                                  std::set<std::string>& cut) {
    for (const auto& inst : by_name.at(module)->instances) {
      if (!by_name.count(inst.second)) continue;
      if (is_cut(inst.second))
        cut.insert(by_name.at(inst.second)->base_name);
      else
        cut_below(inst.second, cut);
    }
  };

  std::map<std::string, Count> counts;
  auto count_of = [&](const std::string& module) -> const Count& {
    auto it = counts.find(module);
    if (it != counts.end()) return it->second;
    std::cerr << "nandflow: counting " << by_name.at(module)->display_name << "\n";
    synth_params sp;
    sp.frontend.files = {hierarchy_json};
    sp.frontend.top = module;
    std::set<std::string> cut;
    cut_below(module, cut);
    sp.frontend.blackboxes.assign(cut.begin(), cut.end());
    sp.frontend.verbose = fp.verbose;
    apply_effort_options(args, &sp);
    SynthResult r = synthesize(sp);
    return counts[module] = Count{r.nands, r.flops, r.nand_equivalent};
  };

  nlohmann::json tree;
  std::printf("%-40s %9s %9s %11s\n", "module", "NAND2", "flip-flops", "NAND equiv");
  std::fflush(stdout);
  std::function<nlohmann::json(const std::string&, const std::string&, int, std::size_t)> walk =
      [&](const std::string& module, const std::string& prefix, int depth, std::size_t instances) {
        const ModuleInfo& info = *by_name.at(module);
        const Count& c = count_of(module);
        std::string label = prefix + info.display_name + (instances > 1 ? " x" + std::to_string(instances) : "");
        std::printf("%-40s %9zu %9zu %11zu\n", label.c_str(), c.nands, c.flops, c.nand_equivalent);
        std::fflush(stdout);
        nlohmann::json node = {{"module", info.display_name},
                               {"instances", instances},
                               {"nand2", c.nands},
                               {"flip_flops", c.flops},
                               {"nand_equivalent", c.nand_equivalent}};
        // Children grouped by module, in first-instance order.
        std::vector<std::pair<std::string, std::size_t>> children;
        for (const auto& inst : info.instances) {
          auto it = std::find_if(children.begin(), children.end(), [&](auto& ch) { return ch.first == inst.second; });
          if (it == children.end())
            children.push_back({inst.second, 1});
          else
            ++it->second;
        }
        std::string child_prefix(static_cast<std::size_t>(2 * (depth + 1)), ' ');
        for (const auto& [child, n] : children)
          if (by_name.count(child) && !is_cut(child)) node["children"].push_back(walk(child, child_prefix, depth + 1, n));
        return node;
      };
  tree = walk(top, "", 0, 1);
  if (args.has("--json")) write_file_atomic(args.get("--json"), tree.dump(2) + "\n");
  return 0;
}

}  // namespace nandflow

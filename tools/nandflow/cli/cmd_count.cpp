// nandflow count: the NAND count of every module of a hierarchy, as a tree.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "flow/hierarchy.hpp"
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
  DesignHierarchy h = read_design_hierarchy(fp, tmp.path());
  synth_params effort;
  apply_effort_options(args, &effort);
  std::map<std::string, Count> counts;
  auto count_of = [&](const std::string& module) -> const Count& {
    auto it = counts.find(module);
    if (it != counts.end()) return it->second;
    std::cerr << "nandflow: counting " << h.module(module).display_name << "\n";
    SynthResult r = synthesize_module(h, module, effort);
    return counts[module] = Count{r.nands, r.flops, r.nand_equivalent};
  };

  nlohmann::json tree;
  std::printf("%-40s %9s %9s %11s\n", "module", "NAND2", "flip-flops", "NAND equiv");
  std::fflush(stdout);
  std::function<nlohmann::json(const std::string&, const std::string&, int, std::size_t)> walk =
      [&](const std::string& module, const std::string& prefix, int depth, std::size_t instances) {
        const ModuleInfo& info = h.module(module);
        const Count& c = count_of(module);
        std::string label = prefix + info.display_name + (instances > 1 ? " x" + std::to_string(instances) : "");
        std::printf("%-40s %9zu %9zu %11zu\n", label.c_str(), c.nands, c.flops, c.nand_equivalent);
        std::fflush(stdout);
        nlohmann::json node = {{"module", info.display_name},
                               {"instances", instances},
                               {"nand2", c.nands},
                               {"flip_flops", c.flops},
                               {"nand_equivalent", c.nand_equivalent}};
        std::string child_prefix(static_cast<std::size_t>(2 * (depth + 1)), ' ');
        for (const auto& [child, n] : h.children(module))
          node["children"].push_back(walk(child, child_prefix, depth + 1, n));
        return node;
      };
  tree = walk(h.top, "", 0, 1);
  if (args.has("--json")) write_file_atomic(args.get("--json"), tree.dump(2) + "\n");
  return 0;
}

}  // namespace nandflow

// A design's module hierarchy, each module synthesised on its own with its
// submodules flattened into it: what `nandflow count` lists and `nandflow view` draws.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "flow/synth_flow.hpp"
#include "frontend/yosys_frontend.hpp"

namespace nandflow {

struct DesignHierarchy {
  FrontendParams frontend;           // how the design was read (--blackbox modules are cut)
  std::vector<ModuleInfo> modules;
  std::string top;                   // Yosys's name of the top module
  std::string json_path;             // the hierarchy as Yosys JSON (processes lowered)

  const ModuleInfo& module(const std::string& name) const;
  bool has(const std::string& name) const;
  // A --blackbox module: left out of the tree and cut out of the modules that hold it.
  bool is_cut(const std::string& name) const;
  // Children of `name` that are shown, grouped by module in first-instance order, with
  // how many instances each has.
  std::vector<std::pair<std::string, std::size_t>> children(const std::string& name) const;
};

// Reads the hierarchy (Yosys writes it under `workdir`); checks --blackbox names.
DesignHierarchy read_design_hierarchy(const FrontendParams& fp, const std::string& workdir);

// Synthesises one module with everything below it flattened in (--blackbox modules
// cut); `base` gives the effort options.
SynthResult synthesize_module(const DesignHierarchy& h, const std::string& module, const synth_params& base);

}  // namespace nandflow

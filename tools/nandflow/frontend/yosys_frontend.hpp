// The Yosys driver: nandflow never parses Verilog itself. It writes a Yosys
// script, runs `yosys` as a subprocess in a temporary directory, and reads the
// bit-level result back (Yosys JSON) into a Design.
#pragma once

#include <optional>

#include <string>
#include <utility>
#include <vector>

#include "network/design.hpp"

namespace nandflow {

struct FrontendParams {
  std::vector<std::string> files;    // .v .vh .sv .blif .aag .aig .json
  std::string top;                   // empty: Yosys picks the top (hierarchy -auto-top)
  std::vector<std::string> defines;  // NAME or NAME=VALUE
  std::vector<std::string> include_dirs;
  std::vector<std::pair<std::string, std::string>> params;  // top-level parameter overrides
  // Modules cut out of the design: each instance's inputs become outputs of the top and
  // its outputs inputs (Yosys expose -evert), e.g. to count a computer without its memories.
  std::vector<std::string> blackboxes;
  bool sv = false;                   // read every Verilog file as SystemVerilog
  bool verbose = false;              // echo the Yosys script and stages to stderr
  std::size_t max_nodes = 0;         // refuse designs with more AIG nodes (0: no limit)
};

struct FrontendStats {
  double seconds = 0;
  std::string yosys_version;
};

// The source as Yosys elaborates it: hierarchy, processes, flattening, then for a
// bit-level source its gates as they are, for any other Yosys's generic synthesis
// without ABC (memories to flip-flops, coarse optimisation, fine-grained gates); flip-flops
// legalised to the nf_* cell types, every gate as AND/NOT. This is the "gold" model for
// `nandflow verify`. Refuses latches, tri-states and unresolved x/z.
Design elaborate_gold(const FrontendParams& params, FrontendStats* stats = nullptr);

// The gold model and how it was made: "yosys-gates" for a bit-level source (gates and
// flip-flops only) taken as it is, "yosys-noabc" for any other after Yosys's
// synth -flatten -nofsm -noabc.
struct Elaboration {
  Design gold;
  std::string gold_name;
  bool bit_level = false;  // the source was gates and flip-flops only
  bool lowered = false;    // nandflow's techmap rules lowered a cell Yosys's synth keeps ($pow)
};
Elaboration elaborate_for_synthesis(const FrontendParams& params, FrontendStats* stats = nullptr);

// Yosys's own flows as further starting points (named):
//   "yosys-noabc-abc-nand" synth -noabc, then Yosys's `abc -g NAND`;
//   "yosys-synth"  Yosys's full `synth -flatten -nofsm` (with its ABC pass);
//   "yosys-abc-nand" the same after `abc -g NAND`.
// `abc_nand_cells` is the NAND+NOT count of the last one as Yosys sees it: Yosys's
// own NAND mapping with the same flip-flops as nandflow's netlists. Their unlimited SAT
// sweeps make them slow on large designs: the flow asks for them only up to
// kFullSynthCandidateLimit AND nodes (nandflow runs ABC's stronger scripts itself,
// map/abc_map.hpp).
struct YosysStarts {
  std::vector<std::pair<std::string, Design>> candidates;
  std::size_t abc_nand_cells = 0;
};
constexpr std::size_t kFullSynthCandidateLimit = 1000;
YosysStarts yosys_synth_starts(const FrontendParams& params, bool lowered = false, FrontendStats* stats = nullptr);

// Reads a netlist written by nandflow (plus its nf_cells.v) with a light script
// that keeps every flip-flop as written: no optimisation, so that the checker
// judges the netlist itself.
Design read_netlist(const FrontendParams& params, FrontendStats* stats = nullptr);

// Yosys's own NAND mapping, the baseline nandflow must beat:
// `synth -flatten -top T; abc -g NAND`, every $_NOT_ counted as a NAND.
struct YosysBaseline {
  std::size_t nand = 0;
  std::size_t not_ = 0;
  std::size_t flops = 0;
  // Flip-flops whose enable or synchronous reset Yosys keeps inside the cell
  // ($_DFFE_*, $_SDFF*): that logic is not in its NAND count, while nandflow's
  // netlists build it from NANDs.
  std::size_t flops_with_logic = 0;
  std::size_t total() const { return nand + not_; }
};
YosysBaseline yosys_nand_baseline(const FrontendParams& params);
// NAND, NOT and flip-flop cells of the top module of a Yosys JSON netlist.
YosysBaseline count_yosys_cells(const std::string& json_path);

// The hierarchy below the top: for each module (parameterised modules get
// Yosys's derived names), its instances of other modules.
struct ModuleInfo {
  std::string name;          // Yosys's name (may be $paramod\Foo\W=...)
  std::string display_name;  // "Foo" or "Foo(W=8)"
  std::string base_name;     // "Foo", as written in the source
  std::vector<std::pair<std::string, std::string>> instances;  // (instance name, module name)
};
std::vector<ModuleInfo> read_hierarchy(const FrontendParams& params, std::string* hierarchy_json_path,
                                       const std::string& workdir);

// Writes the design as plain Verilog through Yosys (for simulating sources that
// Verilator cannot read, such as BLIF and AIGER). Flattened, processes lowered.
void export_verilog(const FrontendParams& params, const std::string& out_path);

// Version string of the installed Yosys ("Yosys 0.23 (git sha1 ...)").
std::string yosys_version();

}  // namespace nandflow

// The synthesis flow: Yosys front end -> AIG -> NAND2 network, choosing the
// smallest of the candidate starting points. A thin chain of passes; each pass
// lives in its own file.
#pragma once

#include <optional>
#include <string>

#include "frontend/yosys_frontend.hpp"
#include "network/design.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

struct synth_params {
  FrontendParams frontend;
  bool compare_yosys = false;  // also run Yosys's own `abc -g NAND` mapping and report it
  int effort = 2;  // -O0 map only; -O1 3-input window resynthesis; -O2 also 4-input; -O3 harder searches
  double time_limit_seconds = 60;  // for the whole run; optimisation stops when it is spent
};

struct SynthResult {
  Design design;    // the AIG the netlist was mapped from, with the source's ports
  NandNetwork net;  // the netlist
  Design gold;      // the source as Yosys elaborates it (for verification)
  std::string start_point;  // which candidate the netlist was mapped from
  std::optional<std::size_t> yosys_same_flops;  // Yosys's abc -g NAND count with nandflow's flip-flop types
  std::size_t nands = 0, flops = 0, nand_equivalent = 0, depth = 0;
  std::size_t input_bits = 0, output_bits = 0;
  double seconds = 0, yosys_seconds = 0;
  std::string yosys_version;
  std::optional<YosysBaseline> yosys_baseline;
  std::vector<std::string> pass_stats;  // one line per candidate and pass, for --stats
};

SynthResult synthesize(const synth_params& ps);

// NAND count plus each flip-flop at the price of its all-NAND equivalent.
std::size_t nand_equivalent(const Design& d, const NandNetwork& net);

}  // namespace nandflow

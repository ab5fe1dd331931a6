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
};

struct SynthResult {
  Design design;    // the AIG the netlist was mapped from, with the source's ports
  NandNetwork net;  // the netlist
  Design gold;      // the source as Yosys elaborates it (for verification)
  std::string start_point;  // which candidate the netlist was mapped from
  std::size_t yosys_same_flops = 0;  // Yosys's abc -g NAND count with nandflow's flip-flop types
  std::size_t nands = 0, flops = 0, nand_equivalent = 0, depth = 0;
  std::size_t input_bits = 0, output_bits = 0;
  double seconds = 0, yosys_seconds = 0;
  std::string yosys_version;
  std::optional<YosysBaseline> yosys_baseline;
};

SynthResult synthesize(const synth_params& ps);

// NAND count plus each flip-flop at the price of its all-NAND equivalent.
std::size_t nand_equivalent(const Design& d, const NandNetwork& net);

}  // namespace nandflow

// The synthesis flow: Yosys front end -> AIG -> NAND2 network, choosing the
// smallest of the candidate starting points. A thin chain of passes; each pass
// lives in its own file, and the -O level's settings come from flow/effort.hpp.
//
// Deterministic: every pass is bounded by work, never by time, and the starts are
// optimised in parallel threads whose results are combined in a fixed order, so the
// same input and options give the same netlist on any machine under any load. Only
// the safety cap (`time_limit_seconds`) can end a pass early; the result says so.
#pragma once

#include <optional>
#include <string>

#include "flow/effort.hpp"
#include "frontend/yosys_frontend.hpp"
#include "network/design.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

struct synth_params {
  FrontendParams frontend;
  bool compare_yosys = false;  // also run Yosys's own `abc -g NAND` mapping and report it
  int effort = kDefaultEffort;
  // Safety cap on the whole run, Yosys included (0: none). A default-effort run of any
  // design of the benchmarks ends far below it.
  double time_limit_seconds = 600;
  int threads = 0;  // worker threads (0: one per core); the result does not depend on it
};

struct SynthResult {
  Design design;    // the AIG the netlist was mapped from, with the source's ports
  NandNetwork net;  // the netlist
  Design gold;      // the source as Yosys elaborates it (for verification)
  std::string start_point;  // which candidate the netlist was mapped from
  std::optional<std::size_t> yosys_same_flops;  // Yosys's abc -g NAND count with nandflow's flip-flop types
  std::size_t nands = 0, flops = 0, latches = 0, nand_equivalent = 0, depth = 0;
  std::size_t input_bits = 0, output_bits = 0;
  double seconds = 0, yosys_seconds = 0;
  std::string yosys_version;
  std::optional<YosysBaseline> yosys_baseline;
  std::vector<std::string> pass_stats;  // one line per candidate and pass, for --stats
  // Seconds per stage (Yosys, ABC, starts, windows, rounds), summed over threads.
  std::vector<std::pair<std::string, double>> stage_seconds;
  bool stopped_by_time_limit = false;   // the safety cap ended a pass: not reproducible
  int effort = kDefaultEffort;
};

SynthResult synthesize(const synth_params& ps);

// NAND count plus each flip-flop and latch at the price of its all-NAND equivalent.
std::size_t nand_equivalent(const Design& d, const NandNetwork& net);

}  // namespace nandflow

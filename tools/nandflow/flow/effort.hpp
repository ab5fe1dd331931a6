// The -O levels, described once: `--help` prints this table and the flow reads its
// settings from it. Every setting bounds work (rounds, windows, SAT conflicts), so a
// level gives the same netlist on any machine.
#pragma once

#include <cstdint>
#include <string>

namespace nandflow {

struct EffortLevel {
  int level;
  const char* summary;          // one line for --help
  bool abc_starts;              // Berkeley ABC's area scripts as starting points
  bool yosys_synth_starts;      // Yosys's own synth and abc -g NAND (designs up to kYosysStartLimit)
  bool sweep_and_resub;         // SAT sweeping and resubstitution with don't cares
  bool two_resub;               // resubstitution with two new gates
  int max_window_inputs;        // window resynthesis cut size: 0 none, 3 or 4
  int resynthesised_starts;     // how many of the best starts get window resynthesis
  int max_rounds;               // rounds of sweep, resub and resynthesis on the best, at most
  std::int64_t conflict_scale;  // SAT conflict limits are multiplied by this
  int odc_levels;               // fanout depth of the don't-care windows
  int max_divisors;             // candidate signals per resubstituted gate
  int simulation_words;         // 64 random patterns each, for sweeping and resubstitution
  int max_exact_outputs_4;      // 4-input windows with up to this many outputs go to exact synthesis
};

const EffortLevel& effort_level(int level);  // 0..3
constexpr int kDefaultEffort = 2;
constexpr int kMaxEffort = 3;
// The help text: one line per level.
std::string effort_help();

}  // namespace nandflow

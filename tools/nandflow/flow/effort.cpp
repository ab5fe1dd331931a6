#include "flow/effort.hpp"

#include <stdexcept>

namespace nandflow {

namespace {

// clang-format off
const EffortLevel kLevels[] = {
  // level summary                                                    abc    yosys  sweep  2res  win starts rounds confl odc divs words out4
  {0, "map only: Yosys's gates, one NAND per AND node",               false, false, false, false, 0, 0, 0,  1, 0,  0,   8,   0},
  {1, "adds ABC's area scripts as starts and 3-input windows",        true,  false, false, false, 3, 1, 0,  1, 0,  0,   8,   0},
  {2, "adds SAT sweeping, resubstitution with don't cares, 4-input windows, rounds (default)",
                                                                       true,  true,  true,  true,  4, 3, 4,  1, 5, 96,  32,  2},
  {3, "searches harder: more rounds, SAT conflicts, don't-care windows",
                                                                       true,  true,  true,  true,  4, 3, 12, 10, 8, 160, 32,  3},
};
// clang-format on

}  // namespace

const EffortLevel& effort_level(int level) {
  if (level < 0 || level > kMaxEffort) throw std::out_of_range("effort level");
  return kLevels[level];
}

std::string effort_help() {
  std::string out;
  for (const EffortLevel& l : kLevels) {
    out += "                       -O" + std::to_string(l.level) + " " + l.summary + "\n";
  }
  return out;
}

}  // namespace nandflow

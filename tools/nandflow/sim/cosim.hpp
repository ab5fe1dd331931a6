// Co-simulation of a source design and its NAND netlist in Verilator (or Icarus).
//
// A generated Verilog wrapper instantiates both side by side on the same inputs;
// a generated C++ harness drives random inputs (clocks toggled, a reset port held
// active for the first cycles) and compares every output after every evaluation.
// One Verilator model holds both designs, so each co-simulation is one build.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "network/design.hpp"

namespace nandflow {

struct cosim_params {
  std::vector<std::string> rtl_files;  // Verilog sources, as Verilator reads them
  std::vector<std::string> defines, include_dirs;
  std::vector<std::pair<std::string, std::string>> params;
  bool sv = false;
  std::string netlist_file;   // netlist whose module is named `netlist_module`
  std::string netlist_module;
  std::string cells_file;     // nf_cells.v
  std::uint64_t cycles = 1000;
  std::uint64_t seed = 1;
  std::string trace_file;     // FST waveform of both designs, if not empty
  std::string work_dir;       // where Verilator builds
  bool verbose = false;
  // "verilator" (one compiled model) or "icarus": Icarus Verilog simulates loops of gates
  // (storage drawn with gates, --pure-nand netlists) event by event, as hardware settles,
  // where Verilator's static scheduling of a loop can miss an update.
  std::string simulator = "verilator";
};

struct CosimResult {
  bool passed = false;
  std::string message;   // the harness's verdict: PASS line or the first mismatch
  std::string build_log; // Verilator's output when the build failed
};

// Ports recognised as clocks (they clock a flip-flop, or are named clk/clock) and as resets (by name).
struct PortRoles {
  std::vector<bool> is_clock;       // per design port
  std::vector<int> reset_active;    // per port: -1 not a reset, 0 active low, 1 active high
  int compare_from_cycle = 0;       // outputs compared from this cycle on
};
PortRoles port_roles(const Design& d);

std::string cosim_wrapper_verilog(const Design& d, const std::string& netlist_module,
                                  const std::vector<std::pair<std::string, std::string>>& params);
std::string cosim_harness_cpp(const Design& d, const PortRoles& roles, bool trace);
// The same stimulus and comparisons as a Verilog testbench for Icarus (module nf_cosim_tb);
// an x in the source's output is a don't care.
std::string cosim_testbench_icarus(const Design& d, const PortRoles& roles, std::uint64_t cycles, std::uint64_t seed,
                                   const std::string& trace_path);

CosimResult run_cosim(const Design& d, const cosim_params& ps);

}  // namespace nandflow

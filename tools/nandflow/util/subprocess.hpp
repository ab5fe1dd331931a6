// Running the real tools (yosys, verilator, make) as child processes.
#pragma once

#include <string>
#include <vector>

namespace nandflow {

struct ProcessResult {
  int exit_code = -1;   // -1: could not start; 128+N: killed by signal N
  std::string output;   // stdout and stderr, interleaved as the child wrote them
};

// Runs argv[0] (searched in PATH) with the given arguments in `cwd` (empty: current
// directory). Output is captured in a file under `cwd`-independent temporary storage
// and returned. Standard input is /dev/null.
// `env`: NAME=VALUE settings added to the child's environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = "",
                          const std::vector<std::string>& env = {});

// True if `program` is found in PATH.
bool program_exists(const std::string& program);

}  // namespace nandflow

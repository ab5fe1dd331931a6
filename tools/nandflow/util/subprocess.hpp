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

// True if the child died of a fault of its own (SIGABRT, SIGBUS, SIGFPE, SIGSEGV: a failed
// assertion or a bad access), not of an interruption from outside (SIGINT, SIGTERM, SIGKILL).
bool died_of_fault(const ProcessResult& r);

// Berkeley ABC now and then dies of SIGABRT on an input it maps fine when run again: seen
// once in CI, inside Yosys's synth_ice40 (return code 134), on an input that then passed
// 3,000 reruns. ABC's results do not depend on the run, so the tools that run ABC run it
// once more after such a crash; a second crash is an error. True if `r` is Yosys
// reporting such a crash of the ABC it ran.
bool abc_crashed_inside_yosys(const ProcessResult& r);

// True if `program` is found in PATH.
bool program_exists(const std::string& program);

}  // namespace nandflow

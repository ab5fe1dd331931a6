// The nandflow subcommands. Each takes the arguments after its name and returns
// the process exit status (0 success, 1 failure, 2 usage error).
#pragma once

#include "cli/args.hpp"
#include "frontend/yosys_frontend.hpp"

namespace nandflow {

int cmd_synth(int argc, char** argv);
int cmd_verify(int argc, char** argv);
int cmd_count(int argc, char** argv);
int cmd_cosim(int argc, char** argv);

// Options every Yosys-reading command shares: --top -D -I -p --sv -v.
extern const std::set<std::string> kFrontendOptions;
extern const std::set<std::string> kFrontendFlags;
FrontendParams frontend_params(const Args& args, const std::vector<std::string>& files);
extern const char* kFrontendHelp;

// Optimisation options of every synthesising command: -O0..-O3, --time-limit.
struct synth_params;
extern const std::set<std::string> kEffortOptions;
extern const char* kEffortHelp;
void apply_effort_options(const Args& args, synth_params* ps);

}  // namespace nandflow

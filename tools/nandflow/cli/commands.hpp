// The nandflow subcommands. Each takes the arguments after its name and returns
// the process exit status (0 success, 1 failure, 2 usage error).
#pragma once

#include <optional>

#include "cli/args.hpp"
#include "frontend/yosys_frontend.hpp"

namespace nandflow {

int cmd_synth(int argc, char** argv);
int cmd_verify(int argc, char** argv);
int cmd_count(int argc, char** argv);
int cmd_cosim(int argc, char** argv);
int cmd_view(int argc, char** argv);

// Options every Yosys-reading command shares: --top -D -I -p --sv -v.
extern const std::set<std::string> kFrontendOptions;
extern const std::set<std::string> kFrontendFlags;
FrontendParams frontend_params(const Args& args, const std::vector<std::string>& files);
extern const char* kFrontendHelp;

// Optimisation options of every synthesising command: -O0..-O3, --time-limit, --threads.
struct synth_params;
extern const std::set<std::string> kEffortOptions;
std::string effort_options_help();
void apply_effort_options(const Args& args, synth_params* ps);

// What a subcommand accepts on top of the shared front-end options.
struct CommandSpec {
  const char* name;  // "synth"
  const char* help;  // its usage text
  std::set<std::string> options, flags;
  bool synthesises = true;  // also takes -O, --time-limit and --threads
  std::size_t min_inputs = 1;
  const char* missing_inputs = "no input files";
};

// Parses a subcommand's arguments. On --help prints the help (exit status 0), on
// too few inputs the usage (status 2); both return nothing with *status set.
std::optional<Args> parse_command(int argc, char** argv, const CommandSpec& spec, int* status);

}  // namespace nandflow

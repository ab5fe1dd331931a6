#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "nandflow_version.hpp"
#include "flow/synth_flow.hpp"
#include "util/error.hpp"
#include "util/resource_limits.hpp"

namespace nandflow {

const std::set<std::string> kFrontendOptions = {"--top", "-D", "-I", "-p", "--blackbox", "--max-nodes",
                                                "--max-memory"};
const std::set<std::string> kFrontendFlags = {"--sv", "-v", "--verbose"};

const char* kFrontendHelp =
    "  --top NAME         top module (default: Yosys picks the only unused module)\n"
    "  -D NAME[=VALUE]    define a Verilog macro (repeatable)\n"
    "  -I DIR             add an include directory (repeatable)\n"
    "  -p PARAM=VALUE     override a parameter of the top module (repeatable)\n"
    "  --blackbox MODULE  cut out every instance of MODULE (repeatable): its inputs become\n"
    "                     outputs of the design and its outputs inputs, e.g. to count a\n"
    "                     computer without its memories\n"
    "  --sv               read .v files as SystemVerilog (.sv files always are)\n"
    "  --max-nodes N      refuse a design of more than N AND/NOT nodes after elaboration\n"
    "  --max-memory MB    stop with a message when nandflow or a tool it runs needs more\n"
    "                     than MB megabytes (default: 3/4 of this machine's memory)\n"
    "  -v, --verbose      show the Yosys script and stages\n";

// A positive whole number given to `option`.
static std::size_t parse_count(const Args& args, const std::string& option) {
  std::string t = args.get(option);
  char* end = nullptr;
  unsigned long long v = std::strtoull(t.c_str(), &end, 10);
  if (t.empty() || t[0] == '-' || *end != '\0' || v == 0)
    throw UserError(option + " expects a positive whole number, got '" + t + "'");
  return static_cast<std::size_t>(v);
}

FrontendParams frontend_params(const Args& args, const std::vector<std::string>& files) {
  FrontendParams p;
  p.files = files;
  p.top = args.get("--top");
  p.defines = args.all("-D");
  p.include_dirs = args.all("-I");
  for (const std::string& kv : args.all("-p")) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) throw UserError("-p expects PARAM=VALUE, got '" + kv + "'");
    p.params.push_back({kv.substr(0, eq), kv.substr(eq + 1)});
  }
  p.blackboxes = args.all("--blackbox");
  if (args.has("--max-nodes")) p.max_nodes = parse_count(args, "--max-nodes");
  if (args.has("--max-memory")) {
    limit_memory(parse_count(args, "--max-memory"));
    if (!memory_limit_supported()) std::cerr << "nandflow: --max-memory is not applied under AddressSanitizer\n";
  }
  p.sv = args.has("--sv");
  p.verbose = args.has("-v") || args.has("--verbose");
  return p;
}

const std::set<std::string> kEffortOptions = {"-O", "--time-limit", "--threads"};

std::string effort_options_help() {
  return "  -O0 .. -O3         optimisation effort (default -O" + std::to_string(kDefaultEffort) + "):\n" +
         effort_help() +
         "                     every level is bounded by work (rounds, windows, SAT conflicts):\n"
         "                     the same input and options give the same netlist on any machine\n"
         "  --time-limit S     safety cap on the whole run, Yosys included (default 600, 0: none);\n"
         "                     a run it stops says so, and its netlist may differ from run to run\n"
         "  --threads N        worker threads (default: one per core); the netlist does not depend\n"
         "                     on it\n";
}

void apply_effort_options(const Args& args, synth_params* ps) {
  std::string level = args.get("-O", std::to_string(kDefaultEffort));
  if (level.size() != 1 || level[0] < '0' || level[0] > '0' + kMaxEffort)
    throw UserError("-O expects 0, 1, 2 or 3, got '" + level + "'");
  ps->effort = level[0] - '0';
  if (args.has("--time-limit")) {
    std::string t = args.get("--time-limit");
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (t.empty() || *end != '\0' || v < 0) throw UserError("--time-limit expects seconds, got '" + t + "'");
    ps->time_limit_seconds = v;
  }
  if (args.has("--threads")) ps->threads = static_cast<int>(parse_count(args, "--threads"));
}

std::optional<Args> parse_command(int argc, char** argv, const CommandSpec& spec, int* status) {
  std::set<std::string> opts = kFrontendOptions, flags = kFrontendFlags;
  opts.insert(spec.options.begin(), spec.options.end());
  if (spec.synthesises) opts.insert(kEffortOptions.begin(), kEffortOptions.end());
  flags.insert(spec.flags.begin(), spec.flags.end());
  flags.insert({"--help", "-h", "--version"});
  Args args(argc, argv, opts, flags);
  if (args.has("--version")) {
    std::cout << "nandflow-" << spec.name << " (nandflow) " << full_version() << "\n";
    *status = 0;
    return std::nullopt;
  }
  if (args.has("--help") || args.has("-h")) {
    std::cout << spec.help << (spec.synthesises ? effort_options_help() : "") << kFrontendHelp;
    *status = 0;
    return std::nullopt;
  }
  if (args.positional().size() < spec.min_inputs) {
    std::cerr << "nandflow " << spec.name << ": " << spec.missing_inputs << "\n\n" << spec.help;
    *status = 2;
    return std::nullopt;
  }
  return args;
}

}  // namespace nandflow

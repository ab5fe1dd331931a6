#include "cli/commands.hpp"
#include "util/error.hpp"

namespace nandflow {

const std::set<std::string> kFrontendOptions = {"--top", "-D", "-I", "-p"};
const std::set<std::string> kFrontendFlags = {"--sv", "-v", "--verbose"};

const char* kFrontendHelp =
    "  --top NAME         top module (default: Yosys picks the only unused module)\n"
    "  -D NAME[=VALUE]    define a Verilog macro (repeatable)\n"
    "  -I DIR             add an include directory (repeatable)\n"
    "  -p PARAM=VALUE     override a parameter of the top module (repeatable)\n"
    "  --sv               read .v files as SystemVerilog (.sv files always are)\n"
    "  -v, --verbose      show the Yosys script and stages\n";

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
  p.sv = args.has("--sv");
  p.verbose = args.has("-v") || args.has("--verbose");
  return p;
}

}  // namespace nandflow

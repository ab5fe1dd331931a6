// nandflow: Verilog to 2-input NAND netlists. A thin driver over the library.
#include <cstring>
#include <new>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "io/report.hpp"
#include "nandflow_version.hpp"
#include "util/error.hpp"
#include "util/resource_limits.hpp"
#include "util/temp_dir.hpp"

namespace {

const char* kUsage =
    "usage: nandflow <command> [options]\n"
    "\n"
    "Verilog in, a netlist of 2-input NAND gates and flip-flops out, proven equivalent.\n"
    "\n"
    "commands:\n"
    "  synth    synthesise a design to a NAND2 netlist and report its NAND count\n"
    "  verify   prove a NAND netlist equivalent to its source (SAT, CaDiCaL)\n"
    "  count    NAND count of every module in a hierarchy, as a tree\n"
    "  cosim    simulate the source and its NAND netlist side by side in Verilator\n"
    "  view     draw the NAND netlist as an interactive HTML page (simulates in the browser)\n"
    "\n"
    "'nandflow <command> --help' describes each command.\n";

}  // namespace

int main(int argc, char** argv) {
  // Before any thread starts: an interruption stops the tools nandflow runs and removes
  // its temporary files (util/temp_dir.hpp).
  nandflow::install_signal_cleanup();
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::cout << "nandflow (nandflow) " << nandflow::full_version() << "\n";
    return 0;
  }
  std::string cmd = argv[1];
  // A design too large for the machine stops with a message, not an out-of-memory kill
  // (--max-memory lowers or raises this).
  nandflow::limit_memory(nandflow::default_memory_limit_mb());
  try {
    if (cmd == "synth") return nandflow::cmd_synth(argc - 2, argv + 2);
    if (cmd == "verify") return nandflow::cmd_verify(argc - 2, argv + 2);
    if (cmd == "count") return nandflow::cmd_count(argc - 2, argv + 2);
    if (cmd == "cosim") return nandflow::cmd_cosim(argc - 2, argv + 2);
    if (cmd == "view") return nandflow::cmd_view(argc - 2, argv + 2);
    std::cerr << "nandflow: unknown command '" << cmd << "'\n\n" << kUsage;
    return 2;
  } catch (const nandflow::UserError& e) {
    std::cerr << "nandflow: " << e.what() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "nandflow: " << nandflow::out_of_memory_message("nandflow") << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "nandflow: internal error: " << e.what() << "\n";
    return 1;
  }
}

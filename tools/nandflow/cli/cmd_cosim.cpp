// nandflow cosim: the source and its NAND netlist side by side in Verilator.
#include <cctype>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "flow/synth_flow.hpp"
#include "io/write_verilog.hpp"
#include "sim/cosim.hpp"
#include "util/error.hpp"
#include "util/temp_dir.hpp"

namespace nandflow {
namespace {

const char* kHelp =
    "usage: nandflow cosim FILE... [--top NAME] [--cycles N] [--seed S] [--trace OUT.fst] [options]\n"
    "\n"
    "Synthesises the design, builds the source and the NAND netlist together in one\n"
    "Verilator model, drives both with the same random inputs and compares every\n"
    "output after every evaluation. Clock ports (inputs that clock a flip-flop) are\n"
    "toggled each cycle; a port named rst/reset (active high) or rst_n/resetn (active\n"
    "low) is held active for the first 4 cycles and pulsed at random afterwards.\n"
    "Exits 0 when every comparison agrees, 1 at the first mismatch (cycle, port, both\n"
    "values).\n"
    "\n"
    "options:\n"
    "  --cycles N         clock cycles to simulate (default 1000)\n"
    "  --seed S           random seed (default 1)\n"
    "  --trace OUT.fst    write an FST waveform of both designs (GTKWave; OUT.vcd with Icarus)\n"
    "  --simulator SIM    verilator (default: one compiled model) or icarus (event-driven:\n"
    "                     use it for storage drawn with gates and --pure-nand netlists,\n"
    "                     whose loops Verilator's static scheduling may settle wrongly)\n"
    "  --build-dir DIR    build in DIR and keep it (default: a temporary directory)\n"
    "  --netlist NET.v    co-simulate this netlist (written by nandflow synth) instead of\n"
    "                     synthesising the design again\n";

bool is_verilog(const std::string& f) {
  for (const char* ext : {".v", ".sv", ".vh", ".svh"}) {
    std::string e = ext;
    if (f.size() >= e.size() && f.compare(f.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

std::string netlist_module_name(const std::string& top) {
  std::string name = "nf_net_" + top;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  return name;
}

}  // namespace

int cmd_cosim(int argc, char** argv) {
  int status = 0;
  auto parsed = parse_command(
      argc, argv, {"cosim", kHelp, {"--cycles", "--seed", "--trace", "--build-dir", "--netlist", "--simulator"}, {}}, &status);
  if (!parsed) return status;
  const Args& args = *parsed;
  synth_params sp;
  sp.frontend = frontend_params(args, args.positional());
  apply_effort_options(args, &sp);
  auto number = [&](const char* opt, const char* fallback) {
    std::string v = args.get(opt, fallback);
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
      throw UserError(std::string(opt) + " expects a non-negative whole number, got '" + v + "'");
    return std::stoull(v);
  };
  cosim_params cp;
  cp.cycles = number("--cycles", "1000");
  cp.seed = number("--seed", "1");
  cp.trace_file = args.get("--trace");
  cp.simulator = args.get("--simulator", "verilator");
  if (cp.simulator != "verilator" && cp.simulator != "icarus")
    throw UserError("--simulator expects verilator or icarus, got '" + cp.simulator + "'");
  cp.verbose = sp.frontend.verbose;

  TempDir tmp("nandflow-cosim");
  // Absolute: Verilator runs make in a subfolder, where a relative path would not resolve.
  cp.work_dir = std::filesystem::absolute(args.has("--build-dir") ? args.get("--build-dir") : tmp.path()).string();
  std::filesystem::create_directories(cp.work_dir);

  cp.netlist_file = cp.work_dir + "/nf_netlist.v";
  cp.cells_file = cp.work_dir + "/nf_cells.v";
  write_file_atomic(cp.cells_file, nf_cells_verilog());
  Design design;
  std::string what;
  if (args.has("--netlist")) {
    // The given netlist, renamed so that it can sit beside the source's module.
    design = elaborate_gold(sp.frontend);
    cp.netlist_module = netlist_module_name(design.top);
    std::string text = read_file(args.get("--netlist"));
    std::string header = "module " + verilog_identifier(design.top) + " (";
    auto at = text.find(header);
    if (at == std::string::npos)
      throw UserError(args.get("--netlist") + ": no 'module " + design.top + " (' in it; is it a netlist from nandflow synth?");
    text.replace(at, header.size(), "module " + cp.netlist_module + " (");
    write_file_atomic(cp.netlist_file, text);
    what = args.get("--netlist");
  } else {
    if (sp.frontend.verbose) std::cerr << "nandflow: synthesising\n";
    SynthResult r = synthesize(sp);
    design = r.design;
    cp.netlist_module = netlist_module_name(design.top);
    write_verilog_params wp;
    wp.module_name = cp.netlist_module;
    write_file_atomic(cp.netlist_file, write_verilog(r.design, r.net, wp));
    what = std::to_string(r.nands) + " NAND2, " + std::to_string(r.flops) + " flip-flops";
  }

  bool all_verilog = true;
  for (const std::string& f : args.positional()) all_verilog = all_verilog && is_verilog(f);
  if (all_verilog) {
    cp.rtl_files = args.positional();
    cp.defines = sp.frontend.defines;
    cp.include_dirs = sp.frontend.include_dirs;
    cp.params = sp.frontend.params;
    cp.sv = sp.frontend.sv;
  } else {
    // BLIF/AIGER: simulate Yosys's plain-Verilog rendering of the source.
    cp.rtl_files = {cp.work_dir + "/nf_source.v"};
    FrontendParams ep = sp.frontend;
    ep.top = design.top;
    export_verilog(ep, cp.rtl_files[0]);
  }
  std::cerr << "nandflow: co-simulating " << design.top << " and its netlist (" << what << ") for " << cp.cycles
            << " cycles\n";
  CosimResult res = run_cosim(design, cp);
  if (!res.build_log.empty()) {
    std::cerr << res.build_log << "\n";
    throw UserError("cosim: " + res.message);
  }
  std::cout << res.message << "\n";
  return res.passed ? 0 : 1;
}

}  // namespace nandflow

// fpga-summary: one line per build of the FPGA flow (fpga/Makefile), from Yosys's netlist
// and nextpnr's --report JSON: logic cells, LUTs, flip-flops, block RAM, DSPs, Fmax against
// the board clock. Prints a table row and writes the same as JSON for scripts.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const char* kHelp =
    "usage: fpga-summary --board B --design D --device DEV --clock MHZ --netlist YOSYS.json\n"
    "                    --report NEXTPNR_REPORT.json [--bitstream FILE] [--json OUT.json]\n"
    "       fpga-summary --table SUMMARY.json...   (one table of earlier summaries)\n";

void print_header() {
  std::printf("%-19s %-8s %-14s %13s %6s %6s %7s %6s %9s %7s  %s\n", "board", "design", "device", "logic cells",
              "LUTs", "FFs", "BRAM", "DSP", "Fmax MHz", "target", "timing");
}

void print_row(const nlohmann::ordered_json& s) {
  auto n = [&](const char* k) { return s.value(k, 0L); };
  std::printf("%-19s %-8s %-14s %6ld/%-6ld %6ld %6ld %3ld/%-3ld %2ld/%-3ld %9.1f %7.1f  %s\n",
              s.value("board", "").c_str(), s.value("design", "").c_str(), s.value("device", "").c_str(),
              n("logic_cells"), n("logic_cells_available"), n("luts"), n("flip_flops"), n("block_ram"),
              n("block_ram_available"), n("dsp"), n("dsp_available"), s.value("fmax_mhz", 0.0),
              s.value("target_mhz", 0.0), s.value("timing", "").c_str());
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(path + ": not JSON: " + e.what());
  }
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Cells of the top module of a Yosys netlist, by kind.
std::map<std::string, long> cell_kinds(const nlohmann::json& netlist) {
  std::map<std::string, long> kinds;
  for (auto& [name, module] : netlist.at("modules").items()) {
    if (!module.contains("attributes") || !module["attributes"].contains("top")) continue;
    for (auto& [cname, cell] : module.at("cells").items()) {
      std::string t = cell.value("type", "");
      if (t == "SB_LUT4" || t == "LUT4") ++kinds["luts"];
      else if (starts_with(t, "SB_DFF") || t == "TRELLIS_FF") ++kinds["flip_flops"];
      else if (starts_with(t, "SB_RAM40") || t == "DP16KD" || t == "PDPW16KD") ++kinds["block_ram"];
      else if (t == "SB_SPRAM256KA") ++kinds["spram"];
      else if (t == "SB_MAC16" || starts_with(t, "MULT18X18")) ++kinds["dsp"];
      else if (t == "SB_CARRY" || t == "CCU2C") ++kinds["carry"];
    }
  }
  return kinds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--table") {
    print_header();
    for (int i = 2; i < argc; ++i) {
      try {
        print_row(read_json(argv[i]));
      } catch (const std::exception& e) {
        std::cerr << "fpga-summary: " << e.what() << "\n";
        return 1;
      }
    }
    return 0;
  }
  std::map<std::string, std::string> opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      return 0;
    }
    if (a.rfind("--", 0) != 0 || i + 1 >= argc) {
      std::cerr << "fpga-summary: bad argument '" << a << "'\n" << kHelp;
      return 2;
    }
    opt[a.substr(2)] = argv[++i];
  }
  for (const char* required : {"board", "design", "device", "clock", "netlist", "report"})
    if (!opt.count(required)) {
      std::cerr << "fpga-summary: --" << required << " is required\n" << kHelp;
      return 2;
    }
  try {
    auto kinds = cell_kinds(read_json(opt["netlist"]));
    auto report = read_json(opt["report"]);
    double target = std::stod(opt["clock"]);
    double fmax = 0;
    bool first = true;
    auto clocks = report.value("fmax", nlohmann::json::object());  // named: items() must not outlive it
    for (auto& [clock, f] : clocks.items()) {
      double achieved = f.value("achieved", 0.0);
      if (first || achieved < fmax) fmax = achieved;
      first = false;
    }
    auto util = report.value("utilization", nlohmann::json::object());
    auto used = [&](std::initializer_list<const char*> bels, const char* field) {
      long n = 0;
      for (const char* b : bels)
        if (util.contains(b)) n += util[b].value(field, 0L);
      return n;
    };
    nlohmann::ordered_json s;
    s["board"] = opt["board"];
    s["design"] = opt["design"];
    s["device"] = opt["device"];
    s["logic_cells"] = used({"ICESTORM_LC", "TRELLIS_COMB"}, "used");
    s["logic_cells_available"] = used({"ICESTORM_LC", "TRELLIS_COMB"}, "available");
    s["luts"] = kinds["luts"];
    s["flip_flops"] = kinds["flip_flops"];
    s["block_ram"] = used({"ICESTORM_RAM", "DP16KD"}, "used");
    s["block_ram_available"] = used({"ICESTORM_RAM", "DP16KD"}, "available");
    s["spram"] = used({"ICESTORM_SPRAM"}, "used");
    s["dsp"] = used({"ICESTORM_DSP", "MULT18X18D"}, "used");
    s["dsp_available"] = used({"ICESTORM_DSP", "MULT18X18D"}, "available");
    s["fmax_mhz"] = fmax;
    s["target_mhz"] = target;
    s["timing"] = first ? "no clock" : fmax >= target ? "PASS" : "FAIL";
    if (opt.count("bitstream")) {
      s["bitstream"] = opt["bitstream"];
      std::error_code ec;
      auto size = std::filesystem::file_size(opt["bitstream"], ec);
      s["bitstream_bytes"] = ec ? 0 : size;
    }
    print_header();
    print_row(s);
    if (opt.count("json")) {
      std::ofstream out(opt["json"]);
      out << s.dump(2) << "\n";
      if (!out) throw std::runtime_error(opt["json"] + ": cannot write");
    }
  } catch (const std::exception& e) {
    std::cerr << "fpga-summary: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

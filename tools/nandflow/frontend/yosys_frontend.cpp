#include "frontend/yosys_frontend.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "nf_lower_text.hpp"

#include "io/check_aiger.hpp"
#include "io/read_yosys_json.hpp"
#include "util/error.hpp"
#include "util/resource_limits.hpp"
#include "util/subprocess.hpp"
#include "util/temp_dir.hpp"

namespace nandflow {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Yosys script strings are whitespace-separated words; quote file names with spaces.
std::string quoted(const std::string& s) {
  if (s.find_first_of(" \t\"") == std::string::npos) return s;
  return "\"" + s + "\"";
}

// A netlist Yosys wrote, refused when it is larger than --max-nodes allows.
Design read_limited(const std::string& json_path, const FrontendParams& p, const ReadOptions& options = {}) {
  Design d = read_yosys_json(json_path, options);
  if (p.max_nodes != 0 && d.aig.num_nodes() > p.max_nodes)
    throw UserError("the design has " + std::to_string(d.aig.num_nodes()) + " AIG nodes after elaboration, more than "
                    "--max-nodes " + std::to_string(p.max_nodes) + " allows: raise the limit, or cut the design "
                    "into parts (--blackbox MODULE)");
  return d;
}

// "bench/c17.aig" -> "c17": a plain Verilog identifier from the file's stem.
std::string aiger_module_name(const std::string& path) {
  std::string stem = path.substr(path.find_last_of('/') + 1);
  stem = stem.substr(0, stem.find_last_of('.'));
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  if (stem.empty() || std::isdigit(static_cast<unsigned char>(stem[0]))) stem = "aiger_" + stem;
  return stem;
}

std::string read_commands(const FrontendParams& p) {
  if (p.files.empty()) throw UserError("no input files given");
  std::string cmds;
  for (const std::string& f : p.files) {
    if (!file_exists(f)) throw UserError(f + ": no such file");
    if (ends_with(f, ".blif")) {
      cmds += "read_blif " + quoted(f) + "\n";
    } else if (ends_with(f, ".aag") || ends_with(f, ".aig")) {
      // read_aiger lets undefined literals through, hence the check. Latches become
      // flip-flops on a `clk` input (without -clk_name Yosys makes global-clock $_FF_
      // cells, which no netlist can drive), and the module is named after the file.
      check_aiger_stats stats = check_aiger(read_file(f), f);
      cmds += "read_aiger -module_name " + aiger_module_name(f) + (stats.latches ? " -clk_name clk " : " ") +
              quoted(f) + "\n";
    } else if (ends_with(f, ".json")) {
      cmds += "read_json " + quoted(f) + "\n";
    } else {
      // Implicit nets are legal Verilog-2005 (1-bit wires); Yosys warns about each, and
      // nandflow passes the warnings on (implicit_net_warnings). A source that sets
      // `default_nettype none still gets Yosys's error, with file and line.
      std::string c = "read_verilog";
      if (p.sv || ends_with(f, ".sv")) c += " -sv";
      for (const std::string& d : p.defines) c += " -D" + d;
      for (const std::string& i : p.include_dirs) c += " -I" + quoted(i);
      cmds += c + " " + quoted(f) + "\n";
    }
  }
  for (const auto& [name, value] : p.params) {
    if (p.top.empty()) throw UserError("-p " + name + "=" + value + " needs --top");
    cmds += "chparam -set " + name + " " + value + " " + p.top + "\n";
  }
  cmds += p.top.empty() ? "hierarchy -check -auto-top\n" : "hierarchy -check -top " + p.top + "\n";
  return cmds;
}

// The flip-flop and latch types nandflow's cell library implements (see cells/nf_cells.v).
// An SR latch ($_SR_) becomes a $_DLATCHSR_ whose enable is 0.
const char* kDffLegalize =
    "dfflegalize -cell $_DFF_P_ 01 -cell $_DFF_N_ 01"
    " -cell $_DFF_PP0_ 01 -cell $_DFF_PP1_ 01 -cell $_DFF_NP0_ 01 -cell $_DFF_NP1_ 01"
    " -cell $_DFFSR_PPP_ 01 -cell $_DFFSR_NPP_ 01"
    " -cell $_DLATCH_P_ 01 -cell $_DLATCH_N_ 01"
    " -cell $_DLATCH_PP0_ 01 -cell $_DLATCH_PP1_ 01 -cell $_DLATCH_NP0_ 01 -cell $_DLATCH_NP1_ 01"
    " -cell $_DLATCHSR_PPP_ 01 -cell $_DLATCHSR_NPP_ 01\n";

// Turns Yosys's log into the user-facing message: its ERROR lines, which already
// carry file and line for syntax errors.
std::string yosys_error_message(const std::string& log) {
  std::istringstream in(log);
  std::string line, msg;
  // The existence check flatten_commands() makes for each --blackbox module.
  static const std::regex no_blackbox(R"(selection contains 0 elements, less than the minimum number 1: (\S+) \$paramod)");
  std::smatch m;
  if (std::regex_search(log, m, no_blackbox))
    return "--blackbox " + m[1].str() + ": no module " + m[1].str() + " in the design below the top";
  while (std::getline(in, line)) {
    auto pos = line.find("ERROR:");
    if (pos == std::string::npos) continue;
    // Yosys prints each error on stderr and in its log: show it once.
    if (("\n" + msg + "\n").find("\n" + line + "\n") != std::string::npos) continue;
    if (!msg.empty()) msg += "\n";
    msg += line;
  }
  if (msg.empty()) {
    // No ERROR line: show the tail of the log.
    std::size_t start = log.size() > 2000 ? log.size() - 2000 : 0;
    msg = "yosys failed:\n" + log.substr(start);
  }
  return msg;
}

// Yosys's warnings about implicitly declared nets, as nandflow's warnings ("file:line:
// net 'x' is implicitly declared: a 1-bit wire"), each once.
std::vector<std::string> implicit_net_warnings(const std::string& log) {
  static const std::regex warning(R"(^(.*):(\d+): Warning: Identifier `\\?(.*)' is implicitly declared\.)");
  std::vector<std::string> out;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, warning)) continue;
    std::string w = m[1].str() + ":" + m[2].str() + ": net '" + m[3].str() + "' is implicitly declared: a 1-bit wire";
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  }
  return out;
}

struct YosysRun {
  std::string log;
  double seconds = 0;
};

// Runs Yosys on `script` in the user's directory, where `$readmemh("table.hex")` and include
// files are found the way the user expects, with TMPDIR set to nandflow's temporary
// directory: the directories ABC makes there (Yosys leaves them behind when ABC fails or
// is interrupted) go with nandflow's on every exit, Ctrl-C included.
YosysRun run_yosys_process(const std::string& script, const TempDir& dir, const std::string& name, bool verbose) {
  std::string script_path = dir.file(name + ".ys"), log_path = dir.file(name + ".log");
  write_file_atomic(script_path, script);
  if (verbose) std::cerr << "nandflow: yosys script (" << name << "):\n" << script;
  auto t0 = std::chrono::steady_clock::now();
  auto run_once = [&] { return run_process({"yosys", "-q", "-l", log_path, "-s", script_path}, "", {"TMPDIR=" + dir.path()}); };
  ProcessResult r = run_once();
  if (abc_crashed_inside_yosys(r)) {  // see abc_crashed_inside_yosys: once more, told
    std::cerr << "nandflow: Berkeley ABC crashed inside Yosys; running Yosys once more\n";
    r = run_once();
  }
  YosysRun run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  run.log = file_exists(log_path) ? read_file(log_path) : r.output;
  if (r.exit_code != 0) {
    // Under the address-space limit an allocation fails: Yosys says so, or it cannot load.
    bool no_memory = false;
    for (const char* sign : {"bad_alloc", "ut of memory", "failed to map segment", "Cannot allocate memory"})
      no_memory = no_memory || r.output.find(sign) != std::string::npos;
    if (no_memory && memory_limit_mb() != 0) throw UserError(out_of_memory_message("yosys"));
    std::string message = yosys_error_message(r.output + "\n" + run.log);
    // ABC, which Yosys runs, crashes too when an allocation fails.
    if (abc_crashed_inside_yosys(r))
      message += "\nBerkeley ABC crashed on this design twice" +
                 (memory_limit_mb() != 0 ? ". It also crashes when it runs out of memory: the limit is " +
                                               std::to_string(memory_limit_mb()) + " MB (--max-memory MB)"
                                         : std::string());
    throw UserError(message);
  }
  return run;
}

YosysRun run_yosys_script(const std::string& script, const TempDir& dir, bool verbose) {
  if (!program_exists("yosys"))
    throw UserError("yosys is not installed (run 'make deps', or apt-get install yosys)");
  return run_yosys_process(script, dir, "run", verbose);
}

}  // namespace

std::string yosys_version() {
  static const std::string version = [] {
    ProcessResult r = run_process({"yosys", "-V"});
    if (r.exit_code != 0) return std::string("yosys (not found)");
    std::string v = r.output;
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
    return v;
  }();
  return version;
}

namespace {

// `flatten`, after cutting out the --blackbox modules: they are kept as instances while
// everything else is flattened, then `expose -evert` turns each instance's connections
// into ports of the top and removes it. A module given with a parameter override is
// named $paramod\NAME\... by Yosys, hence the second pattern.
std::string flatten_commands(const FrontendParams& p) {
  if (p.blackboxes.empty()) return "flatten\n";
  std::string check, modules, types;
  for (const std::string& m : p.blackboxes) {
    if (m.empty() || m.find_first_of(" \t\n;*\\$") != std::string::npos)
      throw UserError("--blackbox expects a module name, got '" + m + "'");
    std::string both = m + " $paramod\\" + m + "\\*";
    check += "select -assert-min 1 " + both + "\n";
    modules += " " + both;
    types += " t:" + m + " t:$paramod\\" + m + "\\*";
  }
  return check + "setattr -mod -set keep_hierarchy 1" + modules + "\nflatten\nexpose -evert" + types + "\ndelete" +
         modules + "\n";
}

// Stage 1 of every elaboration: processes and hierarchy resolved, tri-states made
// visible. A variable part select (a[i +: 2]) becomes $shiftx, which reads x out of
// range; made a $shift it reads 0 there, which is one of the values x allows. Done
// once, here, so that every candidate flow resolves it the same way as the gold model.
std::string stage1_commands(const FrontendParams& params) {
  return "proc\n" + flatten_commands(params) + "tribuf\nchtype -map $shiftx $shift\n";
}

// Yosys's synth leaves some cells word-level ($pow with a base that is not a constant);
// nandflow's techmap rules (cells/nf_lower.v) lower them before synthesis. Only where
// the census found one: any further pass shifts the names Yosys gives new cells, which
// order ABC's input, and so every other design's netlist.
std::string lowering_commands(bool needed, const TempDir& dir) {
  if (!needed) return "";
  write_file_atomic(dir.file("nf_lower.v"), kNfLowerText);
  return "techmap -map " + quoted(dir.file("nf_lower.v")) + "\n";
}

// What `stat -width` says the design is made of after stage 1.
struct CellCensus {
  bool bit_level = true;            // single-bit gates and flip-flops only
  bool tristate = false;            // something nandflow refuses (named by refuse_unsupported_cells)
  bool needs_lowering = false;      // a cell Yosys's synth leaves as it is (lowering_commands)
};

CellCensus read_cell_census(const std::string& stat_text) {
  static const std::regex line(R"(^\s+(\S+?)(?:_(\d+))?\s+(\d+)\s*$)");
  static const std::set<std::string> gates = {"$and", "$or", "$xor", "$xnor", "$not", "$mux",
                                              "$logic_not", "$logic_and", "$logic_or", "$pos"};
  CellCensus c;
  std::istringstream in(stat_text);
  bool in_cells = false;
  for (std::string l; std::getline(in, l);) {
    if (l.find("Number of cells:") != std::string::npos) {
      in_cells = true;
      continue;
    }
    std::smatch m;
    if (!in_cells || !std::regex_match(l, m, line)) {
      if (in_cells && l.find_first_not_of(" \t") == std::string::npos) in_cells = false;
      continue;
    }
    std::string type = m[1].str();
    if (type == "$tribuf" || type == "$_TBUF_") c.tristate = true;
    if (type == "$pow") c.needs_lowering = true;
    bool fine = type.rfind("$_", 0) == 0;
    bool single_gate = gates.count(type) && m[2].matched && m[2].str() == "1";
    if (!fine && !single_gate && !is_storage_cell_type(type)) c.bit_level = false;
  }
  return c;
}

// Yosys's `abc -g NAND` with its own script for gate libraries (Yosys 0.23, abc.cc),
// except that ABC's SAT sweep (&fraig) may spend at most 1,000 conflicts on a node:
// without a limit it took 191 s of a 64x64 multiplier's 199 s, and with it every design
// of the benchmark suite maps to the same count (bench/results/qor.md).
const std::string kAbcNandCommands =
    "abc -g NAND -script +strash;&get,-n;&fraig,-x,-C,1000;&put;scorr;dc2;dretime;strash;&get,-n;&dch,-f;&nf;&put\n";

// Yosys's generic synthesis (no FSM re-encoding: flip-flops keep their source
// names, which `verify` pairs them by), then nandflow's flip-flop types. With ABC it is
// Yosys's own `synth`, its ABC step unchanged: a starting point that differs from the
// abc -g NAND ones (the 16-bit adder reaches 139 NAND2 from it, 142 from those).
std::string synth_commands(const std::string& top_opt, bool with_abc) {
  return "synth -flatten -nofsm " + std::string(with_abc ? "" : "-noabc ") + top_opt + "\n" + kDffLegalize +
         "opt_clean\n";
}

std::string top_option(const FrontendParams& p) { return p.top.empty() ? "-auto-top" : "-top " + p.top; }

}  // namespace

// The light elaboration of a bit-level design: its gates as AND/NOT, flip-flops legalised,
// no word-level optimisation (Yosys's opt passes take minutes on a 50,000-gate netlist and
// do nothing there that nandflow's own passes do not; dead logic goes when nandflow reads
// it). Word-level cells are left as they are.
std::string light_commands() { return std::string("simplemap\n") + kDffLegalize + "aigmap t:$_*\n"; }

Elaboration elaborate_for_synthesis(const FrontendParams& params, FrontendStats* stats) {
  TempDir dir;
  std::string top_opt = top_option(params);
  Elaboration e;
  // Run 1: the source read, counted by cell type, and elaborated the light way (which
  // gives the gold model when the source is bit-level, and costs little otherwise: the
  // word-level cells are left alone). What nandflow cannot build is refused by name (a
  // further run writes the netlist that message needs).
  std::string script = read_commands(params) + stage1_commands(params) + "tee -q -o " + dir.file("cells.txt") +
                       " stat -width\n" + light_commands() + "write_json " +
                       dir.file("light.json") + "\n";
  YosysRun run1 = run_yosys_script(script, dir, params.verbose);
  double seconds = run1.seconds;
  CellCensus census = read_cell_census(read_file(dir.file("cells.txt")));
  if (census.tristate) {
    run_yosys_script(read_commands(params) + stage1_commands(params) + "write_json " + dir.file("pre.json") + "\n",
                     dir, params.verbose);
    refuse_unsupported_cells(dir.file("pre.json"));
  }
  e.bit_level = census.bit_level;
  if (e.bit_level) {
    e.gold = read_limited(dir.file("light.json"), params);
    e.gold_name = "yosys-gates";
  } else {
    // Run 2, for a word-level source: Yosys's generic synthesis without ABC.
    e.lowered = census.needs_lowering;
    script = read_commands(params) + stage1_commands(params) + lowering_commands(e.lowered, dir) +
             synth_commands(top_opt, false) +
             "aigmap\nopt_clean\nwrite_json " + dir.file("gold.json") + "\n";
    seconds += run_yosys_script(script, dir, params.verbose).seconds;
    // Yosys's optimisation can leave x where a value cannot matter; when the source itself
    // has no x, those are no don't cares of the user's, and nandflow does not report them.
    ReadOptions options;
    options.x_only_from_yosys = source_is_x_free(dir.file("light.json"));
    e.gold = read_limited(dir.file("gold.json"), params, options);
    e.gold_name = "yosys-noabc";
  }
  for (std::string& w : implicit_net_warnings(run1.log)) e.gold.warnings.push_back(std::move(w));
  if (stats) {
    stats->seconds = seconds;
    stats->yosys_version = yosys_version();
  }
  return e;
}

YosysStarts yosys_synth_starts(const FrontendParams& params, bool lowered, FrontendStats* stats) {
  TempDir dir;
  std::string top_opt = top_option(params);
  YosysStarts y;
  // Yosys's whole synth (with its ABC step), and that after abc -g NAND, both exactly as
  // Yosys runs them (the second is the count the report compares with); then Yosys's abc
  // -g NAND on its synthesis without ABC. The script first runs synth -noabc: Yosys names
  // the cells it creates from a counter that lives through the run, the names order ABC's
  // input, and ABC's result depends on that order. Running it first gives exactly the
  // networks nandflow has always started from (from a fresh start, ABC returns another
  // 188-NAND 16-bit adder, and resynthesis ends at 142 NAND2 instead of 139). What is new
  // comes after the rest, for the same reason.
  std::string script = read_commands(params) + stage1_commands(params) + lowering_commands(lowered, dir) +
                       "design -save nf_source\n" +
                       synth_commands(top_opt, false) + "design -save nf_noabc\ndesign -load nf_source\n" +
                       synth_commands(top_opt, true) + "design -save nf_synth\n";
  script += "aigmap\nopt_clean\nwrite_json " + dir.file("synth.json") + "\n";
  script += "design -load nf_synth\nabc -g NAND\nopt_clean\nwrite_json " + dir.file("abc_cells.json") + "\n";
  script += "aigmap\nopt_clean\nwrite_json " + dir.file("abc.json") + "\n";
  script += "design -load nf_noabc\n" + kAbcNandCommands + "opt_clean\naigmap\nopt_clean\nwrite_json " +
            dir.file("noabc_abc.json") + "\n";
  double seconds = run_yosys_script(script, dir, params.verbose).seconds;
  y.candidates.push_back({"yosys-noabc-abc-nand", read_limited(dir.file("noabc_abc.json"), params)});
  y.candidates.push_back({"yosys-synth", read_limited(dir.file("synth.json"), params)});
  y.candidates.push_back({"yosys-abc-nand", read_limited(dir.file("abc.json"), params)});
  y.abc_nand_cells = count_yosys_cells(dir.file("abc_cells.json")).total();
  if (stats) {
    stats->seconds = seconds;
    stats->yosys_version = yosys_version();
  }
  return y;
}

Design elaborate_gold(const FrontendParams& params, FrontendStats* stats) {
  return elaborate_for_synthesis(params, stats).gold;
}

Design read_netlist(const FrontendParams& params, FrontendStats* stats) {
  TempDir dir;
  std::string script = read_commands(params);
  script +=
      "proc\n"
      "flatten\n"
      "opt_clean\n"
      "techmap\n";
  script += kDffLegalize;
  script += "aigmap\nopt_clean\nwrite_json " + dir.file("aig.json") + "\n";
  YosysRun run = run_yosys_script(script, dir, params.verbose);
  if (stats) {
    stats->seconds = run.seconds;
    stats->yosys_version = yosys_version();
  }
  return read_limited(dir.file("aig.json"), params);
}

YosysBaseline count_yosys_cells(const std::string& json_path) {
  nlohmann::json j = nlohmann::json::parse(read_file(json_path));
  YosysBaseline b;
  for (auto& [name, mod] : j["modules"].items()) {
    if (!mod.contains("attributes") || !mod["attributes"].contains("top")) continue;
    for (auto& [cname, cell] : mod["cells"].items()) {
      std::string type = cell["type"];
      if (type == "$_NAND_") {
        ++b.nand;
      } else if (type == "$_NOT_") {
        ++b.not_;
      } else if (type.rfind("$_DFF", 0) == 0 || type.rfind("$_SDFF", 0) == 0 || type.rfind("$_ALDFF", 0) == 0) {
        ++b.flops;
        if (type.rfind("$_DFFE_", 0) == 0 || type.rfind("$_SDFF", 0) == 0 || type.rfind("$_DFFSRE_", 0) == 0)
          ++b.flops_with_logic;
      }
    }
  }
  return b;
}

YosysBaseline yosys_nand_baseline(const FrontendParams& params) {
  // The one-liner a Yosys user runs: synth -flatten; abc -g NAND.
  TempDir dir;
  std::string script = read_commands(params);
  script += "proc\n" + flatten_commands(params) + "synth -flatten " + top_option(params) +
            "\nabc -g NAND\nopt_clean\nwrite_json " + dir.file("y.json") + "\n";
  run_yosys_script(script, dir, params.verbose);
  return count_yosys_cells(dir.file("y.json"));
}

void export_verilog(const FrontendParams& params, const std::string& out_path) {
  TempDir dir;
  std::string script = read_commands(params);
  // Cells Verilog has no expression for ($sop, $bmux, $demux, $lut: from BLIF or Yosys
  // JSON) are written as the gates Yosys's own techmap makes of them.
  script += "proc\n" + flatten_commands(params) + "techmap t:$sop t:$bmux t:$demux t:$lut\nopt_clean\nwrite_verilog -noattr " +
            quoted(out_path) + "\n";
  run_yosys_script(script, dir, params.verbose);
}

std::vector<ModuleInfo> read_hierarchy(const FrontendParams& params, std::string* hierarchy_json_path,
                                       const std::string& workdir) {
  TempDir dir;
  std::string json_path = workdir + "/hierarchy.json";
  std::string script = read_commands(params);
  // No opt_clean: in a design without outputs (a computer) it would delete every instance.
  script += "proc\nwrite_json " + json_path + "\n";
  run_yosys_script(script, dir, params.verbose);
  if (hierarchy_json_path) *hierarchy_json_path = json_path;
  return module_hierarchy(json_path);
}

}  // namespace nandflow

#include "map/abc_map.hpp"

#include <optional>
#include <stdexcept>

#include "io/read_gate_blif.hpp"
#include "io/write_aiger.hpp"
#include "util/stopwatch.hpp"
#include "util/subprocess.hpp"
#include "util/temp_dir.hpp"

namespace nandflow {

namespace {

// Unit cost for both gates: the NAND2 count nandflow minimises, every NOT counted as one.
const char* kNandGenlib =
    "GATE ZERO 0 Y=CONST0;\n"
    "GATE ONE 0 Y=CONST1;\n"
    "GATE BUF 0 Y=A; PIN * NONINV 1 999 1 0 1 0\n"
    "GATE INV 1 Y=!A; PIN * INV 1 999 1 0 1 0\n"
    "GATE NAND2 1 Y=!(A*B); PIN * INV 1 999 1 0 1 0\n";

// ABC's compress2rs (abc.rc, which Debian does not ship), spelled out.
#define NANDFLOW_COMPRESS2RS                                                                                    \
  "balance -l; resub -K 6 -l; rewrite -l; resub -K 6 -N 2 -l; refactor -l; resub -K 8 -l; balance -l; "        \
  "resub -K 8 -N 2 -l; rewrite -l; resub -K 10 -l; rewrite -z -l; resub -K 10 -N 2 -l; balance -l; "          \
  "resub -K 12 -l; refactor -z -l; resub -K 12 -N 2 -l; rewrite -z -l; balance -l; "

}  // namespace

const AbcScript kAbcStrongArea = {"abc-area", "strash; dc2; " NANDFLOW_COMPRESS2RS NANDFLOW_COMPRESS2RS "dch -f"};
const AbcScript kAbcSweptArea = {
    "abc-fraig-area", "strash; &get -n; &fraig -x -C 100; &put; dc2; " NANDFLOW_COMPRESS2RS NANDFLOW_COMPRESS2RS "dch -f"};

const AbcScript kAbcLightArea = {"abc-light", "strash; dc2"};

const AbcScript kAbcBddMuxes = {"abc-bdd", "strash; collapse -B 20000; muxes; strash; dch -f"};

std::string abc_binary() {
  for (const char* name : {"berkeley-abc", "yosys-abc"})
    if (program_exists(name)) return name;
  return "";
}

std::optional<NandNetwork> abc_map(const Aig& aig, const abc_map_params& ps, abc_map_stats* st) {
  Stopwatch clock;
  abc_map_stats stats;
  auto done = [&](std::optional<NandNetwork> r) {
    stats.seconds = clock.seconds();
    if (st) *st = stats;
    return r;
  };
  std::string abc = abc_binary();
  if (abc.empty()) {
    stats.message = "Berkeley ABC is not installed (apt-get install berkeley-abc)";
    return done(std::nullopt);
  }
  TempDir dir("nandflow-abc");
  write_file_atomic(dir.file("nand2.genlib"), kNandGenlib);
  write_file_atomic(dir.file("in.aig"), write_aiger_combinational(aig));
  std::string script = "read_library nand2.genlib; read in.aig; " + std::string(ps.script.commands) +
                       "; map -a; write_blif out.blif";
  ProcessResult r = run_process({abc, "-q", script}, dir.path());
  if (died_of_fault(r)) r = run_process({abc, "-q", script}, dir.path());  // once more: see abc_crashed_inside_yosys
  stats.ran = true;
  if (r.output.find("Collapsing has failed") != std::string::npos) {
    stats.message = "its global BDDs are larger than the script's limit";
    return done(std::nullopt);
  }
  if (r.exit_code != 0 || !file_exists(dir.file("out.blif"))) {
    stats.message = "ABC failed (exit " + std::to_string(r.exit_code) + "): " + r.output.substr(0, 500);
    return done(std::nullopt);
  }
  std::vector<NandSig> leaves;
  for (std::size_t i = 0; i < aig.num_inputs(); ++i) leaves.push_back(NandSig::input(i));
  for (std::size_t i = 0; i < aig.num_latches(); ++i) leaves.push_back(NandSig::latch(i));
  const std::size_t num_outputs = aig.outputs().size() + 4 * aig.num_latches();
  NandNetwork comb;
  try {
    comb = read_gate_blif(read_file(dir.file("out.blif")), leaves, num_outputs);
  } catch (const std::runtime_error& e) {
    stats.message = e.what();
    return done(std::nullopt);
  }
  NandNetwork net;
  net.num_inputs = aig.num_inputs();
  net.gates = std::move(comb.gates);
  const std::size_t po = aig.outputs().size();
  net.outputs.assign(comb.outputs.begin(), comb.outputs.begin() + static_cast<std::ptrdiff_t>(po));
  for (std::size_t i = 0; i < aig.num_latches(); ++i) {
    const NandSig* p = &comb.outputs[po + 4 * i];
    net.latches.push_back({p[0], p[1], p[2], p[3]});
  }
  return done(nand_cleanup(net));
}

}  // namespace nandflow

// nandflow verify: prove a NAND netlist equivalent to its source.
#include <iostream>

#include "cli/commands.hpp"
#include "io/write_verilog.hpp"
#include "util/error.hpp"
#include "util/temp_dir.hpp"
#include "verify/equivalence.hpp"

namespace nandflow {
namespace {

const char* kHelp =
    "usage: nandflow verify GOLD... NETLIST [--top NAME] [options]\n"
    "\n"
    "Proves that NETLIST (a netlist written by nandflow synth) computes the same as\n"
    "the source files GOLD: every output and every flip-flop's next state, clock and\n"
    "asynchronous controls, every latch's settled value (R ? 0 : S ? 1 : enabled ? D : Q),\n"
    "with flip-flops and latches paired by name. SAT-based (CaDiCaL).\n"
    "Prints PROVEN and exits 0, or prints a counterexample (inputs, flip-flop values,\n"
    "the signal that differs and both values) and exits 1.\n"
    "\n"
    "options (they apply to the GOLD files):\n";

}  // namespace

int cmd_verify(int argc, char** argv) {
  int status = 0;
  auto parsed = parse_command(argc, argv,
                              {"verify", kHelp, {}, {}, false, 2, "needs the source file(s) and the netlist"}, &status);
  if (!parsed) return status;
  const Args& args = *parsed;
  std::vector<std::string> gold_files(args.positional().begin(), args.positional().end() - 1);
  FrontendParams gp = frontend_params(args, gold_files);
  Design gold = elaborate_gold(gp);

  TempDir tmp;
  std::string cells = tmp.file("nf_cells.v");
  write_file_atomic(cells, nf_cells_verilog());
  FrontendParams np = gp;
  np.files = {cells, args.positional().back()};
  np.params.clear();
  np.defines.clear();
  np.top = gold.top;
  Design netlist = read_netlist(np);

  verify_stats st;
  VerifyResult r = check_equivalence(gold, netlist, {}, &st);
  std::cout << format_verify_result(r);
  if (r.proven)
    std::cout << "  " << st.compared << " functions compared (" << st.structurally_equal << " structurally equal, "
              << st.compared - st.structurally_equal << " by SAT, " << st.internal_equivalences
              << " internal equivalences proven on the way, " << st.sat_calls << " SAT calls) in " << st.seconds
              << " s\n";
  return r.proven ? 0 : 1;
}


}  // namespace nandflow

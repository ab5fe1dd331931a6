#include "flow/synth_flow.hpp"

#include <chrono>
#include <iostream>

#include "io/write_verilog.hpp"
#include "map/nand_map.hpp"

namespace nandflow {

std::size_t nand_equivalent(const Design& d, const NandNetwork& net) {
  std::size_t total = net.num_gates();
  for (const Latch& l : d.aig.latches()) total += static_cast<std::size_t>(flop_nand_price(l));
  return total;
}

SynthResult synthesize(const synth_params& ps) {
  auto t0 = std::chrono::steady_clock::now();
  FrontendStats fstats;
  Elaboration e = elaborate_for_synthesis(ps.frontend, &fstats);

  SynthResult r;
  bool have = false;
  for (auto& [name, candidate] : e.candidates) {
    Design d = with_aig(candidate, cleanup(candidate.aig));
    NandNetwork net = nand_map(d.aig);
    if (ps.frontend.verbose)
      std::cerr << "nandflow: candidate " << name << ": " << d.aig.num_ands() << " AND nodes, " << net.num_gates()
                << " NAND2\n";
    if (!have || net.num_gates() < r.net.num_gates()) {
      r.design = std::move(d);
      r.net = std::move(net);
      r.start_point = name;
      have = true;
    }
  }
  r.yosys_same_flops = e.abc_nand_cells;
  r.gold = std::move(e.gold);
  r.design.warnings = r.gold.warnings;
  r.nands = r.net.num_gates();
  r.flops = r.design.aig.num_latches();
  r.nand_equivalent = nand_equivalent(r.design, r.net);
  r.depth = nand_depth(r.net);
  r.input_bits = r.design.aig.num_inputs();
  r.output_bits = r.design.aig.outputs().size();
  r.yosys_seconds = fstats.seconds;
  r.yosys_version = fstats.yosys_version;
  if (ps.compare_yosys) r.yosys_baseline = yosys_nand_baseline(ps.frontend);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace nandflow

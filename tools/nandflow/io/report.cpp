#include "io/report.hpp"

#include "nandflow_version.hpp"

#include <cstdio>
#include <sstream>

namespace nandflow {

std::string nandflow_version() { return std::string("nandflow ") + full_version(); }

std::string report_table(const SynthResult& r) {
  std::ostringstream out;
  char buf[160];
  auto row = [&](const char* key, const std::string& value) {
    std::snprintf(buf, sizeof buf, "  %-22s %s\n", key, value.c_str());
    out << buf;
  };
  out << "nandflow synth: " << r.design.top << "\n";
  row("NAND2 gates", std::to_string(r.nands));
  row("flip-flops", std::to_string(r.flops));
  if (r.latches) row("latches", std::to_string(r.latches));
  row("NAND equivalent", std::to_string(r.nand_equivalent) + (r.latches ? "  (flip-flops and latches at their all-NAND price)"
                                                                         : "  (flip-flops at their all-NAND price)"));
  row("logic depth", std::to_string(r.depth) + " NAND levels");
  row("inputs / outputs", std::to_string(r.input_bits) + " / " + std::to_string(r.output_bits) + " bits");
  auto ratio = [&](std::size_t base) { return base ? static_cast<double>(r.nands) / static_cast<double>(base) : 1.0; };
  if (r.yosys_same_flops) {
    std::snprintf(buf, sizeof buf, "%zu  (same flip-flop cells as nandflow; nandflow is %.3fx)", *r.yosys_same_flops,
                  ratio(*r.yosys_same_flops));
    row("yosys abc -g NAND", buf);
  } else {
    row("yosys abc -g NAND", "not run (a large design: --compare-yosys runs it)");
  }
  if (r.yosys_baseline) {
    const YosysBaseline& y = *r.yosys_baseline;
    std::snprintf(buf, sizeof buf, "%zu  (%zu NAND + %zu NOT; nandflow is %.3fx)", y.total(), y.nand, y.not_,
                  ratio(y.total()));
    row("yosys synth; abc -g NAND", buf);
    if (y.flops_with_logic)
      row("", "  " + std::to_string(y.flops_with_logic) + " of its " + std::to_string(y.flops) +
                  " flip-flops hide an enable or sync reset, not counted");
  }
  std::snprintf(buf, sizeof buf, "%.2f s (yosys %.2f s), -O%d", r.seconds, r.yosys_seconds, r.effort);
  row("run time", buf);
  if (r.stopped_by_time_limit)
    row("time limit", "reached: optimisation stopped early, so this netlist depends on the machine's "
                      "speed (raise --time-limit for a reproducible result)");
  row("tools", nandflow_version() + ", " + r.yosys_version);
  return out.str();
}

nlohmann::json report_json(const SynthResult& r) {
  nlohmann::json j;
  j["top"] = r.design.top;
  j["nand2"] = r.nands;
  j["flip_flops"] = r.flops;
  j["latches"] = r.latches;
  j["latches_from_gate_loops"] = r.design.latches_from_loops;
  j["x_dont_cares"] = r.gold.x_dont_cares;
  j["nand_equivalent"] = r.nand_equivalent;
  j["depth"] = r.depth;
  j["input_bits"] = r.input_bits;
  j["output_bits"] = r.output_bits;
  j["seconds"] = r.seconds;
  j["effort"] = r.effort;
  j["stopped_by_time_limit"] = r.stopped_by_time_limit;
  nlohmann::json stages = nlohmann::json::object();
  for (const auto& [stage, secs] : r.stage_seconds) stages[stage] = secs;
  j["stage_seconds"] = stages;
  j["yosys_seconds"] = r.yosys_seconds;
  j["start_point"] = r.start_point;
  j["passes"] = r.pass_stats;
  j["tools"] = {{"nandflow", nandflow_version()}, {"yosys", r.yosys_version}};
  j["yosys_abc_nand_same_flops"] = r.yosys_same_flops ? nlohmann::json(*r.yosys_same_flops) : nlohmann::json();
  if (r.yosys_baseline)
    j["yosys_abc_nand"] = {{"nand", r.yosys_baseline->nand},
                           {"not", r.yosys_baseline->not_},
                           {"total", r.yosys_baseline->total()},
                           {"flip_flops", r.yosys_baseline->flops},
                           {"flip_flops_with_enable_or_sync_reset", r.yosys_baseline->flops_with_logic}};
  j["warnings"] = r.design.warnings;
  return j;
}

}  // namespace nandflow

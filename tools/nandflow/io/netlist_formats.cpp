#include "io/netlist_formats.hpp"

#include <filesystem>
#include <set>

#include "util/error.hpp"

namespace nandflow {

std::optional<NetlistFormat> netlist_format_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".v" || ext == ".sv") return NetlistFormat::Verilog;
  if (ext == ".blif") return NetlistFormat::Blif;
  if (ext == ".aag") return NetlistFormat::AigerAscii;
  if (ext == ".aig") return NetlistFormat::AigerBinary;
  if (ext == ".bench") return NetlistFormat::Bench;
  if (ext == ".dot" || ext == ".gv") return NetlistFormat::Dot;
  if (ext == ".json") return NetlistFormat::YosysJson;
  return std::nullopt;
}

const char* netlist_format_name(NetlistFormat f) {
  switch (f) {
    case NetlistFormat::Verilog: return "Verilog";
    case NetlistFormat::Blif: return "BLIF";
    case NetlistFormat::AigerAscii:
    case NetlistFormat::AigerBinary: return "AIGER";
    case NetlistFormat::Bench: return "bench";
    case NetlistFormat::Dot: return "DOT";
    case NetlistFormat::YosysJson: return "Yosys JSON";
  }
  return "?";
}

const char* netlist_extensions_help() { return ".v, .blif, .aag, .aig, .bench, .dot or .json"; }

void check_storage_fits(const Design& design, NetlistFormat f, const std::string& path) {
  if (f == NetlistFormat::Verilog || f == NetlistFormat::YosysJson || f == NetlistFormat::Dot) return;
  const char* format = netlist_format_name(f);
  const bool blif = f == NetlistFormat::Blif;
  std::set<Lit> clocks;
  for (const Latch& l : design.aig.latches()) {
    std::string what = std::string(l.level_sensitive ? "latch '" : "flip-flop '") + l.name + "'" +
                       (l.src.empty() ? "" : " (" + l.src + ")");
    std::string instead = "; write .v or .json instead";
    if (l.async_reset != kLit0 || l.async_set != kLit0)
      throw UserError(path + ": " + format + " has no asynchronous reset or set, and " + what + " has one" + instead);
    if (blif) continue;
    if (l.level_sensitive)
      throw UserError(path + ": " + format + " has no latches, and " + what + " is one" + instead + " (or .blif)");
    if (l.negedge)
      throw UserError(path + ": " + format + " flip-flops take the rising edge, and " + what +
                      " takes the falling one" + instead + " (or .blif)");
    clocks.insert(l.clock);
    if (clocks.size() > 1)
      throw UserError(path + ": " + format + " has one implicit clock, and " + what + " has another" + instead +
                      " (or .blif)");
  }
}

}  // namespace nandflow

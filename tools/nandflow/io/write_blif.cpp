// BLIF: one .names per NAND gate, .latch per flip-flop or latch (io/netlist_formats.hpp).
#include <sstream>

#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"

namespace nandflow {

namespace {

// BLIF's latch initial values: 0, 1, 2 (don't care).
char blif_init(InitValue v) { return v == InitValue::Zero ? '0' : v == InitValue::One ? '1' : '2'; }

}  // namespace

std::string write_blif(const Design& design, const NandNetwork& net, const std::string& header) {
  NetlistNames names = netlist_names(design, net);
  std::ostringstream b;
  b << comment_lines(header, "#");
  b << ".model " << design.top << "\n.inputs";
  for (const std::string& n : names.input) b << " " << n;
  b << "\n.outputs";
  for (const std::string& n : names.output) b << " " << n;
  b << "\n";
  for (std::size_t i = 0; i < net.latches.size(); ++i) {
    const Latch& l = design.aig.latch(i);
    const char* type = l.level_sensitive ? (l.negedge ? "al" : "ah") : (l.negedge ? "fe" : "re");
    b << ".latch " << names.of(net.latches[i].d) << " " << names.latch[i] << " " << type << " "
      << names.of(net.latches[i].clock) << " " << blif_init(l.init) << "\n";
  }
  if (uses_constant(net, false)) b << ".names " << names.const0 << "\n";
  if (uses_constant(net, true)) b << ".names " << names.const1 << "\n1\n";
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    b << ".names " << names.of(net.gates[g][0]) << " " << names.of(net.gates[g][1]) << " " << names.gate[g]
      << "\n0- 1\n-0 1\n";
  for (std::size_t o = 0; o < net.outputs.size(); ++o)
    if (names.output_is_buffer[o]) b << ".names " << names.of(net.outputs[o]) << " " << names.output[o] << "\n1 1\n";
  b << ".end\n";
  return b.str();
}

}  // namespace nandflow

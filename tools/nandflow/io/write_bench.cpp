// ISCAS bench: NAND(...) per gate, DFF(...) per flip-flop (io/netlist_formats.hpp).
#include <sstream>

#include "io/netlist_formats.hpp"
#include "io/netlist_names.hpp"

namespace nandflow {

std::string write_bench(const Design& design, const NandNetwork& net, const std::string& header) {
  NetlistNames names = netlist_names(design, net);
  std::ostringstream b;
  b << comment_lines(header, "#");
  for (const std::string& n : names.input) b << "INPUT(" << n << ")\n";
  for (const std::string& n : names.output) b << "OUTPUT(" << n << ")\n";
  // The clock is implicit (netlist_formats.hpp checks there is one).
  for (std::size_t i = 0; i < net.latches.size(); ++i)
    b << names.latch[i] << " = DFF(" << names.of(net.latches[i].d) << ")\n";
  if (uses_constant(net, false)) b << names.const0 << " = gnd\n";
  if (uses_constant(net, true)) b << names.const1 << " = vdd\n";
  for (std::size_t g = 0; g < net.gates.size(); ++g)
    b << names.gate[g] << " = NAND(" << names.of(net.gates[g][0]) << ", " << names.of(net.gates[g][1]) << ")\n";
  for (std::size_t o = 0; o < net.outputs.size(); ++o)
    if (names.output_is_buffer[o]) b << names.output[o] << " = BUFF(" << names.of(net.outputs[o]) << ")\n";
  return b.str();
}

}  // namespace nandflow

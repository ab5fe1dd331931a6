// Flat, bit-level names for every signal of a NAND network, shared by the netlist
// formats that have no vectors (BLIF, bench, AIGER symbols, DOT, the HTML viewer).
//
// Port bits keep their source names ("a", "sum[3]"), flip-flops and latches their
// source signal's name ("count[3]"), gates are n1, n2, ... A gate or flip-flop that
// drives an output bit takes that bit's name, as in the Verilog netlist; an output
// driven by a constant, an input or a signal already named is a buffer
// (`output_is_buffer`). Names are unique: a clash gets a suffix.
#pragma once

#include <string>
#include <vector>

#include "network/design.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

struct NetlistNames {
  std::vector<std::string> input, output, latch, gate;
  std::vector<bool> output_is_buffer;  // the output's name is not its driver's
  std::string const0 = "nf_const0", const1 = "nf_const1";

  // The name of the signal `s` (a constant's name only when the format defines one).
  const std::string& of(const NandSig& s) const;
};

NetlistNames netlist_names(const Design& design, const NandNetwork& net);

// `text`'s lines, each after `marker` and a space: a file's header comment.
std::string comment_lines(const std::string& text, const char* marker);

// True if `net` reads a constant anywhere (gates, flip-flop pins, outputs).
bool uses_constant(const NandNetwork& net, bool value);

}  // namespace nandflow

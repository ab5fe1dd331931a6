// Checks an AIGER file (ASCII .aag or binary .aig) before Yosys's read_aiger sees it.
//
// Yosys parses AIGER for nandflow, but read_aiger is lenient: a literal beyond the header's
// maximum variable index, or one that nothing defines, is read as an undriven wire and the
// netlist silently computes a constant. This check refuses such files with the file, the
// line (or byte) and the problem, and leaves the parsing to Yosys.
#pragma once

#include <string>

namespace nandflow {

struct check_aiger_stats {
  unsigned long max_var = 0, inputs = 0, latches = 0, outputs = 0, ands = 0;
};

// Throws UserError("PATH:LINE: problem") when `text` is not a well-formed AIGER 1.9
// file with combinational and sequential logic only (no properties: B, C, J, F = 0).
check_aiger_stats check_aiger(const std::string& text, const std::string& path);

}  // namespace nandflow

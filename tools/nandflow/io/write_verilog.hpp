// Writing a NAND network as structural Verilog that drops into the source's
// testbenches: same module name, same ports (names, widths, directions, ranges,
// signedness), a `nand` primitive per gate and an nf_* cell per flip-flop or latch.
#pragma once

#include <string>

#include "network/design.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

struct write_verilog_params {
  std::string header;       // comment lines put at the top (without "//")
  std::string module_name;  // empty: the source top's name (co-simulation renames it)
  bool nand_cells = false;  // each gate an nf_nand2 instance (nf_cells.v), not a `nand` primitive
  bool pure_nand = false;   // flip-flops and latches drawn as NAND gates too (map/storage_nand.hpp)
};

std::string write_verilog(const Design& design, const NandNetwork& net, const write_verilog_params& ps = {});

// The flip-flop and latch cell library (cells/nf_cells.v), to be written beside a netlist.
const std::string& nf_cells_verilog();

// A Verilog identifier for `name`: itself when plain, otherwise escaped (\name ).
std::string verilog_identifier(const std::string& name);

}  // namespace nandflow

// A synthesised top module: its AIG plus the port list that a testbench sees.
#pragma once

#include <string>
#include <vector>

#include "network/aig.hpp"

namespace nandflow {

enum class PortDir { Input, Output };

struct Port {
  std::string name;
  PortDir dir = PortDir::Input;
  int width = 1;
  int offset = 0;          // declared index of the least significant bit's end ([7+offset:offset])
  bool upto = false;       // declared as [lo:hi]
  bool is_signed = false;
  // For each bit, LSB first: index into aig.inputs() (inputs) or aig.outputs() (outputs).
  std::vector<std::size_t> bits;
  // Source-level name of bit i: "a" for a scalar, "a[3]" otherwise.
  std::string bit_name(std::size_t i) const;
  // "[7:0]", "[0:7]" or "" for a scalar.
  std::string range() const;
};

struct Design {
  std::string top;
  std::vector<Port> ports;
  Aig aig;
  std::vector<std::string> warnings;
  std::size_t latches_from_loops = 0;  // latches recognised in loops of gates (io/gate_loops.hpp)
  std::size_t x_dont_cares = 0;        // signals whose x (or undriven) value was read as 0
};

// Port-preserving copy of a design with a new AIG (after optimisation). The new
// AIG must have the same inputs, outputs and latches in the same order.
inline Design with_aig(const Design& d, Aig aig) {
  Design out;
  out.top = d.top;
  out.ports = d.ports;
  out.warnings = d.warnings;
  out.latches_from_loops = d.latches_from_loops;
  out.x_dont_cares = d.x_dont_cares;
  out.aig = std::move(aig);
  return out;
}

}  // namespace nandflow

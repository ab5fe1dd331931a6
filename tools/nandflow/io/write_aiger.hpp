// The combinational logic of an AIG as a binary AIGER file, the form Berkeley ABC
// reads (map/abc_map.hpp hands designs to ABC this way).
//
// Flip-flops are cut: the file's inputs are the AIG's inputs, then its flip-flop
// outputs; its outputs are the AIG's outputs, then for every flip-flop its next
// state, clock, asynchronous reset and set. Inputs are named i0, i1, ... and outputs
// o0, o1, ... in the symbol table, so that a tool's answer can be matched back.
#pragma once

#include <string>

#include "network/aig.hpp"

namespace nandflow {

std::string write_aiger_combinational(const Aig& aig);

}  // namespace nandflow

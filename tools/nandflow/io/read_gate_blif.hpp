// Reads the netlist Berkeley ABC writes after mapping to nandflow's gate library
// (map/abc_map.hpp): a BLIF file of `.gate` lines over the cells NAND2 (A, B -> Y),
// INV, BUF (A -> Y), ZERO and ONE (-> Y), whose inputs are named i0, i1, ... and
// outputs o0, o1, ... (the names io/write_aiger.hpp gave them).
#pragma once

#include <string>
#include <vector>

#include "network/nand_network.hpp"

namespace nandflow {

// The gates, with input i<k> read as leaves[k]; `outputs` receives the signal of
// every o<k>, in order. INV becomes NAND(x, x); BUF, ZERO and ONE cost nothing.
// Throws std::runtime_error on anything else (it reads a tool's output, not the user's).
NandNetwork read_gate_blif(const std::string& text, const std::vector<NandSig>& leaves, std::size_t num_outputs);

}  // namespace nandflow

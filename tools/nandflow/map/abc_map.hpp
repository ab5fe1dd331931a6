// Starting points from Berkeley ABC: the AIG's combinational logic goes to ABC as
// AIGER (io/write_aiger.hpp), ABC optimises it with a script and maps it to a library
// of unit-cost NAND2 and INV gates (`map -a`, area), and the mapped netlist comes back
// as a NandNetwork (io/read_gate_blif.hpp). ABC is deterministic, so the same AIG and
// script give the same network.
#pragma once

#include <optional>
#include <string>

#include "network/aig.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

// The scripts nandflow runs, each ending in ABC's area mapping to NAND2 + INV.
struct AbcScript {
  const char* name;
  const char* commands;  // between reading the AIG and `map -a`
};
// ABC's strongest area script: dc2, two rounds of compress2rs, dch with choices.
extern const AbcScript kAbcStrongArea;
// The same after a SAT sweep (&fraig, bounded by a conflict count), which finds the
// redundancy of some designs (a divider: a third fewer gates) and costs others a few.
extern const AbcScript kAbcSweptArea;
// Global BDDs (up to a node limit, so it fails fast where they blow up) turned into a
// network of multiplexers, one per BDD node: the structure of shifters and decoders
// that rewriting does not find (a 128-bit barrel shifter: 2,695 NAND2 against 3,479).
extern const AbcScript kAbcBddMuxes;

// One round of dc2 only, for huge designs where the strong scripts take minutes (hyp,
// 214,335 AND nodes: dc2 and mapping 23 s; the strong script unfinished after 12 minutes).
extern const AbcScript kAbcLightArea;

struct abc_map_params {
  AbcScript script = kAbcStrongArea;
};

struct abc_map_stats {
  bool ran = false;        // false when no ABC binary is installed
  std::string message;     // why it did not run, or ABC's complaint
  double seconds = 0;
};

// The network ABC maps `aig` to, with the AIG's inputs, outputs and flip-flops in
// order; an empty optional when ABC is not installed or fails (stats say why).
std::optional<NandNetwork> abc_map(const Aig& aig, const abc_map_params& ps = {}, abc_map_stats* st = nullptr);

// The ABC binary found on PATH ("berkeley-abc", or Yosys's "yosys-abc"), or "".
std::string abc_binary();

}  // namespace nandflow

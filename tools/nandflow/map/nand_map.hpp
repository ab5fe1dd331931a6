// AIG to NAND2 mapping with inverter sharing.
//
// An AND node v = a & b becomes one NAND gate computing !v. Its complement is
// therefore free and its true polarity costs one more NAND (an inverter),
// built at most once and shared by every fanout that needs it. The same holds
// for inputs and flip-flop outputs in their complemented polarity.
#pragma once

#include "network/aig.hpp"
#include "network/nand_network.hpp"

namespace nandflow {

struct nand_map_params {};

struct nand_map_stats {
  std::size_t and_gates = 0;   // NANDs standing for AIG nodes
  std::size_t inverters = 0;   // NANDs used as inverters
};

NandNetwork nand_map(const Aig& aig, const nand_map_params& ps = {}, nand_map_stats* st = nullptr);

}  // namespace nandflow

namespace nandflow {

// The other way: a NAND network as an AIG (each gate an AND node whose output is used
// complemented), with its inputs, flip-flops (their pins only: names, edges and initial
// values are not carried) and outputs in order. For handing a network back to ABC.
Aig aig_of_nand(const NandNetwork& net);

}  // namespace nandflow

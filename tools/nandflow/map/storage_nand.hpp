// Storage elements as NAND gates: the circuit each nf_* cell stands for.
//
// nandflow's netlists keep flip-flops and latches as nf_* cells (cells/nf_cells.v), which
// every simulator and FPGA tool understands; each one is priced in the report at the size
// of the all-NAND circuit below, and `synth --pure-nand` writes that circuit instead of
// the cell. One builder serves both, so a price is always the gate count written.
//
//   a gated D latch (4 NAND2):  s = nand(D, E)   r = nand(s, E)
//                               Q = nand(s, Qn)  Qn = nand(r, Q)
//   while E = 1, s = !D and r = D set or reset the cross-coupled pair; while E = 0,
//   s = r = 1 and the pair holds. An active-low enable takes one inverter more.
//   Asynchronous reset/set force the latch open (E' = E | R) with the forced value on
//   its data input. A flip-flop is two latches, master and slave, open on opposite
//   clock levels (the master while the clock is low, for a rising edge), sharing one
//   clock inverter and the inverted reset/set.
#pragma once

#include <array>
#include <vector>

#include "network/aig.hpp"

namespace nandflow {

struct StorageType {
  bool latch = false;    // level-sensitive (a latch), else edge-triggered (a flip-flop)
  bool negedge = false;  // falling edge; a latch: enable active low
  bool reset = false;    // asynchronous reset to 0 (active high)
  bool set = false;      // asynchronous set to 1 (active high); reset wins over it
  bool operator==(const StorageType&) const = default;
};

StorageType storage_type(const Latch& l);

// The cell's name in cells/nf_cells.v: nf_dff, nf_dffnr, nf_dlatch, nf_dlatchrs, ...
const char* storage_cell_name(const StorageType& t);

// The all-NAND circuit of a cell. Signal ids: 0 = D, 1 = C (clock, or a latch's
// enable), 2 = R, 3 = S; gate k is signal kFirstGate + k. Gates may refer to later gates
// (the cross-coupled pairs).
struct StorageCircuit {
  static constexpr int kD = 0, kC = 1, kR = 2, kS = 3, kFirstGate = 4;
  std::vector<std::array<int, 2>> gates;
  int q = -1;         // the signal that is Q
  int master_q = -1;  // a flip-flop's master latch's Q (-1 for a latch)
};
const StorageCircuit& storage_nand_circuit(const StorageType& t);

// Its size in NAND2 gates: the price the report counts for the cell.
int storage_nand_price(const StorageType& t);
inline int storage_nand_price(const Latch& l) { return storage_nand_price(storage_type(l)); }

// Every cell type, flip-flops first, in the order of cells/nf_cells.v.
std::vector<StorageType> all_storage_types();

}  // namespace nandflow

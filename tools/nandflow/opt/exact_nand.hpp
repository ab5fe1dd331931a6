// SAT-based exact synthesis of NAND2 networks (CaDiCaL).
//
// Given up to 4 inputs and a few output truth tables, finds a network of the
// fewest 2-input NAND gates computing every output at some gate, with internal
// gates shared between outputs (the 4-NAND XOR and the 9-NAND full adder need
// that sharing). Inputs come uncomplemented; an inverter is NAND(x, x).
//
// Encoding: gate i picks its two fanins (j <= k, earlier nodes) with one-hot
// selection variables; each gate has one value variable per truth-table row;
// each output picks the gate that computes it; every gate must be used.
// Gate counts are tried upward, so the first satisfiable count is the minimum
// (when every smaller count was proven unsatisfiable, `optimal` is set).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace nandflow {

using TruthTable = std::uint16_t;  // up to 4 inputs: bit t is the value for input row t

// A NAND chain: node j < num_inputs is input j; node num_inputs + i is gate i.
struct NandChain {
  int num_inputs = 0;
  std::vector<std::array<int, 2>> gates;
  std::vector<int> outputs;  // node computing each output
};

struct exact_nand_params {
  int max_gates = 12;                   // give up above this many gates
  // Search from max_gates downward instead of upward: the first call answers "can it be
  // done in at most max_gates?", the common question when rewriting, and each network
  // found is then asked to shrink by one gate until that is refuted or undecided.
  bool downward = false;
  std::int64_t conflict_limit = 20000;  // per SAT call; 0 = no limit
};

struct exact_nand_stats {
  int sat_calls = 0;
  bool optimal = false;  // every smaller gate count was proven impossible
};

// Truth table of input j over `num_inputs` inputs.
TruthTable input_truth_table(int j, int num_inputs);
// Mask of the valid rows for `num_inputs` inputs.
TruthTable truth_table_mask(int num_inputs);

// The smallest chain computing every function of `outputs` (each masked to the
// rows of num_inputs), or nothing when none with at most max_gates gates was found.
// Outputs equal to an input are computed by that input node, with no gate.
std::optional<NandChain> exact_nand_synthesis(int num_inputs, const std::vector<TruthTable>& outputs,
                                              const exact_nand_params& ps = {}, exact_nand_stats* st = nullptr);

// Simulates a chain: the truth table of every node.
std::vector<TruthTable> simulate_chain(const NandChain& chain);

}  // namespace nandflow

// The all-NAND circuits of the storage cells (map/storage_nand): each one, simulated
// gate by gate with its feedback loops, behaves like the cell it stands for, and its
// size is the price cells/nf_cells.v states.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <regex>
#include <string>

#include "io/write_verilog.hpp"
#include "map/storage_nand.hpp"

using namespace nandflow;

namespace {

// Gate-level simulation of one circuit: gates re-evaluated in order until nothing
// changes (one input changes at a time, so the settling is race-free).
class CircuitSim {
 public:
  explicit CircuitSim(const StorageCircuit& c) : c_(c), value_(StorageCircuit::kFirstGate + c.gates.size(), false) {}
  bool step(bool d, bool clk, bool r, bool s) {
    value_[StorageCircuit::kD] = d, value_[StorageCircuit::kC] = clk;
    value_[StorageCircuit::kR] = r, value_[StorageCircuit::kS] = s;
    for (int round = 0; round < 100; ++round) {
      bool changed = false;
      for (std::size_t g = 0; g < c_.gates.size(); ++g) {
        bool v = !(value_[c_.gates[g][0]] && value_[c_.gates[g][1]]);
        if (v != value_[StorageCircuit::kFirstGate + g]) value_[StorageCircuit::kFirstGate + g] = v, changed = true;
      }
      if (!changed) return value_[c_.q];
    }
    ADD_FAILURE() << "the circuit oscillates";
    return false;
  }

 private:
  const StorageCircuit& c_;
  std::vector<bool> value_;
};

// The cell as nf_cells.v describes it.
struct CellModel {
  StorageType t;
  bool q = false, last_clk = false;
  bool step(bool d, bool clk, bool r, bool s) {
    bool active = t.negedge ? !clk : clk;
    bool edge = t.negedge ? (last_clk && !clk) : (!last_clk && clk);
    last_clk = clk;
    if (t.reset && r) return q = false;
    if (t.set && s) return q = true;
    if (t.latch ? active : edge) q = d;
    return q;
  }
};

}  // namespace

TEST(StorageNand, EveryCircuitBehavesAsItsCell) {
  for (const StorageType& t : all_storage_types()) {
    SCOPED_TRACE(storage_cell_name(t));
    const StorageCircuit& c = storage_nand_circuit(t);
    CircuitSim sim(c);
    CellModel model{t};
    // A known state first: a 0 stored the way the cell stores data.
    bool idle = t.negedge, active = !t.negedge;
    bool vals[][4] = {{false, idle, false, false}, {false, active, false, false}, {false, idle, false, false}};
    for (auto& v : vals) sim.step(v[0], v[1], v[2], v[3]), model.step(v[0], v[1], v[2], v[3]);
    std::mt19937 rng(7);
    bool in[4] = {false, idle, false, false};
    for (int i = 0; i < 4000; ++i) {
      int pin = static_cast<int>(rng() % 4);
      // Reset and set stay mostly inactive, so that data gets through.
      if (pin >= 2 && in[pin] == false && rng() % 4 != 0) continue;
      in[pin] = !in[pin];
      bool got = sim.step(in[0], in[1], in[2], in[3]);
      bool want = model.step(in[0], in[1], in[2], in[3]);
      ASSERT_EQ(got, want) << "step " << i << ": D=" << in[0] << " C/E=" << in[1] << " R=" << in[2] << " S=" << in[3];
    }
  }
}

TEST(StorageNand, PricesAreTheGateCountsTheCellLibraryStates) {
  const std::map<std::string, int> stated = {
      {"nf_dff", 9},      {"nf_dffn", 9},      {"nf_dffr", 14},     {"nf_dffnr", 14},
      {"nf_dffs", 15},    {"nf_dffns", 15},    {"nf_dffrs", 20},    {"nf_dffnrs", 20},
      {"nf_dlatch", 4},   {"nf_dlatchn", 5},   {"nf_dlatchr", 8},   {"nf_dlatchnr", 7},
      {"nf_dlatchs", 9},  {"nf_dlatchns", 8},  {"nf_dlatchrs", 13}, {"nf_dlatchnrs", 12}};
  std::vector<StorageType> types = all_storage_types();
  ASSERT_EQ(types.size(), stated.size());
  for (const StorageType& t : types) {
    std::string name = storage_cell_name(t);
    EXPECT_EQ(storage_nand_price(t), stated.at(name)) << name;
    // The cell library defines it, and its header comment states the same price.
    const std::string& lib = nf_cells_verilog();
    EXPECT_NE(lib.find("module " + name + " #("), std::string::npos) << name;
    std::string header = lib.substr(0, lib.find("\nmodule "));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(header, m, std::regex("// .*\\b" + name + "\\s+(\\d+)"))) << name;
    EXPECT_EQ(std::stoi(m[1].str()), storage_nand_price(t)) << name;
  }
}

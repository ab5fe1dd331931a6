// The AND-inverter graph with latches: nandflow's one network data structure.
//
// A node is the constant 0, a primary input, a latch output or a 2-input AND.
// Edges are literals (2*node + complement bit), so inverters cost nothing here;
// the NAND mapper decides later where real inverters are needed.
// AND nodes are structurally hashed: asking twice for the same AND returns the
// same node, and trivial cases (x&0, x&1, x&x, x&!x) fold on creation.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace nandflow {

using Lit = std::uint32_t;
using NodeId = std::uint32_t;

constexpr Lit kLit0 = 0;  // constant false
constexpr Lit kLit1 = 1;  // constant true

inline constexpr Lit make_lit(NodeId n, bool complemented = false) { return (n << 1) | (complemented ? 1u : 0u); }
inline constexpr NodeId lit_node(Lit l) { return l >> 1; }
inline constexpr bool lit_is_complemented(Lit l) { return (l & 1u) != 0; }
inline constexpr Lit lit_not(Lit l) { return l ^ 1u; }
inline constexpr Lit lit_not_if(Lit l, bool c) { return l ^ (c ? 1u : 0u); }
inline constexpr Lit lit_regular(Lit l) { return l & ~1u; }

enum class NodeKind : std::uint8_t { Const0, Input, LatchOut, And };

// Initial value of a flip-flop or latch: 0, 1, or unknown (x) in the source.
enum class InitValue : std::uint8_t { Zero, One, Unknown };

// A storage element: an edge-triggered flip-flop or a level-sensitive latch. Its output
// is node `out`; everything else is a literal in the same graph. Asynchronous controls are
// active high (Yosys's dfflegalize normalises polarity for us); an absent control is kLit0.
// When both are active, reset wins (Yosys $_DFFSR_ and $_DLATCHSR_ semantics).
// A latch is transparent while its enable (`clock`) is active: Q follows D; otherwise Q holds.
struct Latch {
  std::string name;          // the source signal it implements, e.g. "count[3]"
  NodeId out = 0;            // the LatchOut node
  Lit next = kLit0;          // D input
  Lit clock = kLit0;         // clock literal (normally an input); a latch's enable
  bool negedge = false;      // true: falling-edge triggered; a latch: enable active low
  bool level_sensitive = false;  // true: a latch, not a flip-flop
  Lit async_reset = kLit0;   // drives Q to 0
  Lit async_set = kLit0;     // drives Q to 1
  InitValue init = InitValue::Unknown;
  std::string src;           // source location, for messages
};

class Aig {
 public:
  Aig();

  NodeId create_input(std::string name);
  // Creates the latch's output node; fill in next/clock/... through latch(i) afterwards,
  // because the next-state logic usually depends on the latch's own output.
  std::size_t create_latch(std::string name);
  Lit create_and(Lit a, Lit b);
  Lit create_or(Lit a, Lit b) { return lit_not(create_and(lit_not(a), lit_not(b))); }
  Lit create_xor(Lit a, Lit b);
  Lit create_mux(Lit sel, Lit then_lit, Lit else_lit);

  std::size_t num_nodes() const { return kind_.size(); }
  std::size_t num_inputs() const { return inputs_.size(); }
  std::size_t num_latches() const { return latches_.size(); }
  std::size_t num_ands() const { return num_ands_; }

  NodeKind kind(NodeId n) const { return kind_[n]; }
  bool is_and(NodeId n) const { return kind_[n] == NodeKind::And; }
  Lit fanin0(NodeId n) const { return fanin_[n].first; }
  Lit fanin1(NodeId n) const { return fanin_[n].second; }

  const std::vector<NodeId>& inputs() const { return inputs_; }
  const std::string& input_name(std::size_t i) const { return input_names_[i]; }
  std::vector<Latch>& latches() { return latches_; }
  const std::vector<Latch>& latches() const { return latches_; }
  Latch& latch(std::size_t i) { return latches_[i]; }
  const Latch& latch(std::size_t i) const { return latches_[i]; }
  // Index of the input or latch that owns a node (valid for Input and LatchOut nodes).
  std::size_t source_index(NodeId n) const { return source_index_[n]; }

  // Named outputs ("y[3]"); combinational outputs of the network.
  void add_output(std::string name, Lit l) {
    outputs_.push_back(l);
    output_names_.push_back(std::move(name));
  }
  const std::vector<Lit>& outputs() const { return outputs_; }
  std::vector<Lit>& outputs() { return outputs_; }
  const std::string& output_name(std::size_t i) const { return output_names_[i]; }

 private:
  std::vector<NodeKind> kind_;
  std::vector<std::pair<Lit, Lit>> fanin_;
  std::vector<std::size_t> source_index_;
  std::vector<NodeId> inputs_;
  std::vector<std::string> input_names_;
  std::vector<Latch> latches_;
  std::vector<Lit> outputs_;
  std::vector<std::string> output_names_;
  std::unordered_map<std::uint64_t, NodeId> strash_;
  std::size_t num_ands_ = 0;
};

// Every literal the sequential network needs: outputs, then for each latch its
// next state, clock and asynchronous controls.
std::vector<Lit> all_roots(const Aig& aig);

// AND nodes reachable from `roots`, in topological order (fanins first).
std::vector<NodeId> topo_ands(const Aig& aig, const std::vector<Lit>& roots);

// Logic depth (AND levels) of each root, from inputs and latch outputs.
std::size_t and_depth(const Aig& aig, const std::vector<Lit>& roots);

// Rebuilds the graph keeping only what the roots need (dead logic removed,
// strashing redone). Inputs and latches are all kept, in order.
Aig cleanup(const Aig& aig);

}  // namespace nandflow

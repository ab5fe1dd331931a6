// Builds a NAND network gate by gate: NAND(a, b) asked twice is one gate, and a
// constant fanin folds (NAND(x, 0) = 1, NAND(1, 1) = 0, NAND(x, 1) = NAND(x, x)).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>

#include "network/nand_network.hpp"

namespace nandflow {

class NandBuilder {
 public:
  explicit NandBuilder(std::size_t num_inputs = 0) { net.num_inputs = num_inputs; }

  NandSig nand(NandSig a, NandSig b) {
    using K = NandSig::Kind;
    if (a.kind == K::Const0 || b.kind == K::Const0) return NandSig::const1();
    if (a.kind == K::Const1 && b.kind == K::Const1) return NandSig::const0();
    if (a.kind == K::Const1) a = b;
    if (b.kind == K::Const1) b = a;
    std::uint64_t ka = key_of(a), kb = key_of(b);
    if (ka > kb) std::swap(ka, kb), std::swap(a, b);
    auto [it, inserted] = hash_.try_emplace((ka << 32) | kb, static_cast<std::uint32_t>(net.gates.size()));
    if (inserted) net.gates.push_back({a, b});
    return NandSig::gate(it->second);
  }
  NandSig inv(NandSig a) { return nand(a, a); }

  NandNetwork net;

 private:
  // Kind in the top 3 bits, index below: exact for networks of fewer than 2^29 signals.
  static std::uint64_t key_of(const NandSig& s) { return (static_cast<std::uint64_t>(s.kind) << 29) | s.index; }
  std::unordered_map<std::uint64_t, std::uint32_t> hash_;
};

}  // namespace nandflow

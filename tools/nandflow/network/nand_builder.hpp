// Builds a NAND network gate by gate: NAND(a, b) asked twice is one gate, and a
// constant fanin folds (NAND(x, 0) = 1, NAND(1, 1) = 0, NAND(x, 1) = NAND(x, x)).
#pragma once

#include <cstdint>
#include <map>
#include <utility>

#include "network/nand_network.hpp"

namespace nandflow {

class NandBuilder {
 public:
  NandSig nand(NandSig a, NandSig b) {
    using K = NandSig::Kind;
    if (a.kind == K::Const0 || b.kind == K::Const0) return {K::Const1, 0};
    if (a.kind == K::Const1 && b.kind == K::Const1) return {K::Const0, 0};
    if (a.kind == K::Const1) a = b;
    if (b.kind == K::Const1) b = a;
    auto key_of = [](const NandSig& s) { return (static_cast<std::uint64_t>(s.kind) << 32) | s.index; };
    std::uint64_t ka = key_of(a), kb = key_of(b);
    if (ka > kb) std::swap(ka, kb), std::swap(a, b);
    auto it = hash_.find({ka, kb});
    if (it != hash_.end()) return {K::Gate, it->second};
    net.gates.push_back({a, b});
    auto g = static_cast<std::uint32_t>(net.gates.size() - 1);
    hash_[{ka, kb}] = g;
    return {K::Gate, g};
  }
  NandNetwork net;

 private:
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::uint32_t> hash_;
};

}  // namespace nandflow

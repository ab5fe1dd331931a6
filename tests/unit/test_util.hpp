// Helpers shared by the unit tests.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "network/aig.hpp"

#include "util/temp_dir.hpp"

namespace nandflow::test {

// Writes `text` to DIR/NAME and returns the path.
inline std::string write_source(const TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir.file(name);
  write_file_atomic(path, text);
  return path;
}

// A random AIG over 5 inputs and one flip-flop (six leaves: 64 patterns cover every
// assignment): `ands` random AND nodes, six outputs taken every `stride` nodes from the end.
inline Aig random_aig(std::uint64_t seed, int ands = 60, int stride = 3) {
  std::mt19937_64 rng(seed);
  Aig aig;
  std::vector<Lit> pool;
  for (int i = 0; i < 5; ++i) pool.push_back(make_lit(aig.create_input("i" + std::to_string(i))));
  pool.push_back(make_lit(aig.latch(aig.create_latch("q")).out));
  for (int i = 0; i < ands; ++i)
    pool.push_back(aig.create_and(lit_not_if(pool[rng() % pool.size()], rng() & 1),
                                  lit_not_if(pool[rng() % pool.size()], rng() & 1)));
  for (int i = 0; i < 6; ++i)
    aig.add_output("o" + std::to_string(i), lit_not_if(pool[pool.size() - 1 - static_cast<std::size_t>(stride * i)], i & 1));
  aig.latch(0).next = pool[pool.size() - 2];
  aig.latch(0).clock = pool[0];
  return aig;
}

}  // namespace nandflow::test

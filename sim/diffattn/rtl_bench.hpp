// The Verilated rtl/diffattn (NMAX = DMAX = DVMAX = 16, LANES = 4) driven through its register map, as
// a host would: load a head, start it, wait for done, read O. Used by diffattn-tb (the
// bit-exact check) and diffattn-demo.
#pragma once

#include <cstdint>
#include <memory>

#include "diffattn_model.hpp"

class Vdiffattn;
class VerilatedContext;
class VerilatedFstC;

namespace diffattn {

constexpr int kNMax = 16, kDMax = 16, kDvMax = 16, kLanes = 4;  // the parameters the model is built with

class RtlBench {
 public:
  // `trace`: an FST file to write, or nullptr.
  explicit RtlBench(const char* trace = nullptr);
  ~RtlBench();
  RtlBench(const RtlBench&) = delete;
  RtlBench& operator=(const RtlBench&) = delete;

  void write(std::uint32_t addr, std::uint32_t data);  // one bus cycle
  std::uint32_t read(std::uint32_t addr);              // one bus cycle
  // Loads a head, runs it and reads O back; `cycles` from the start write to done.
  // Returns false when done does not come within 10,000,000 cycles.
  bool run(const FixedInputs& in, Matrix<std::int32_t>& out, long* cycles);

 private:
  void tick();
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vdiffattn> top_;
  std::unique_ptr<VerilatedFstC> fst_;
  std::uint64_t time_ = 0;
  long cycles_ = 0;
};

}  // namespace diffattn

#include "rtl_bench.hpp"

#include <memory>

#include "Vdiffattn.h"
#include "tables_dir.hpp"
#include "verilated.h"
#include "verilated_fst_c.h"

namespace diffattn {

RtlBench::RtlBench(const char* trace) : ctx_(std::make_unique<VerilatedContext>()) {
  if (trace) ctx_->traceEverOn(true);
  top_ = std::make_unique<Vdiffattn>(ctx_.get(), "TOP");
  if (trace) {
    fst_ = std::make_unique<VerilatedFstC>();
    top_->trace(fst_.get(), 99);
    fst_->open(trace);
  }
  // The first evaluation runs the RTL's initial blocks, which read the tables by name.
  ScopedChdir in_tables(tables_dir());
  top_->reset = 1;
  tick();
  tick();
  top_->reset = 0;
}

RtlBench::~RtlBench() {
  if (fst_) fst_->close();
  top_->final();
}

void RtlBench::tick() {
  top_->clk = 0;
  top_->eval();
  if (fst_) fst_->dump(time_++);
  top_->clk = 1;
  top_->eval();
  if (fst_) fst_->dump(time_++);
  ++cycles_;
}

void RtlBench::write(std::uint32_t addr, std::uint32_t data) {
  top_->bus_write = 1;
  top_->bus_addr = addr;
  top_->bus_wdata = data;
  tick();
  top_->bus_write = 0;
}

std::uint32_t RtlBench::read(std::uint32_t addr) {
  top_->bus_read = 1;
  top_->bus_addr = addr;
  tick();
  top_->bus_read = 0;
  return top_->bus_rdata;
}

bool RtlBench::run(const FixedInputs& in, Matrix<std::int32_t>& out, long* cycles) {
  int n = in.q1.rows, dv = in.v.cols;
  for (const auto& [addr, data] : head_register_writes(in, kDMax, kDvMax)) write(addr, data);
  long start = cycles_;
  write(0, 1);
  while (!top_->done) {
    tick();
    if (cycles_ - start > 10'000'000) return false;
  }
  *cycles = cycles_ - start;
  out = Matrix<std::int32_t>(n, dv);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < dv; ++c)
      out.at(r, c) = static_cast<std::int32_t>(read(0x60000u + static_cast<std::uint32_t>(r * kDvMax + c)));
  return true;
}

}  // namespace diffattn

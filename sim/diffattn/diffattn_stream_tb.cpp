// diffattn-stream-tb: rtl/diffattn/diffattn_stream.v (the accelerator with valid/ready
// streams) in Verilator. Random heads go in through the input stream while in_valid and
// out_ready toggle at random; every O element must come out, in order, equal to the model's,
// with out_last on the final one. One head with both streams always ready checks the rates:
// one input beat and one output beat per cycle.
//   diffattn-stream-tb [--cases N] [--seed S]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "Vdiffattn_stream.h"
#include "diffattn_model.hpp"
#include "verilated.h"

namespace {

constexpr int kNMax = 16, kDMax = 16, kDvMax = 16;  // as verilated (CMakeLists.txt)

class StreamBench {
 public:
  StreamBench() : ctx_(std::make_unique<VerilatedContext>()), top_(std::make_unique<Vdiffattn_stream>(ctx_.get())) {
    top_->reset = 1;
    tick();
    tick();
    top_->reset = 0;
  }
  ~StreamBench() { top_->final(); }

  void tick() {
    top_->clk = 0;
    top_->eval();
    top_->clk = 1;
    top_->eval();
    ++cycles_;
  }
  void bus_write(std::uint32_t addr, std::uint32_t data) {
    top_->bus_write = 1, top_->bus_addr = addr, top_->bus_wdata = data;
    tick();
    top_->bus_write = 0;
  }

  struct Result {
    std::vector<std::int32_t> out;
    std::string problem;
    long in_cycles = 0, out_cycles = 0;  // first to last beat, inclusive
  };

  // Streams one head; p_valid and p_ready are the chances that in_valid and out_ready are high.
  Result run(const diffattn::FixedInputs& in, std::mt19937& rng, double p_valid, double p_ready) {
    int n = in.q1.rows, dv = in.v.cols;
    for (const auto& [addr, data] : diffattn::head_register_writes(in, kDMax, kDvMax, false)) bus_write(addr, data);
    std::vector<std::uint8_t> beats;
    for (const auto* m : {&in.q1, &in.k1, &in.q2, &in.k2, &in.v})
      for (std::int8_t x : m->data) beats.push_back(static_cast<std::uint8_t>(x));
    std::bernoulli_distribution valid(p_valid), ready(p_ready);
    Result res;
    std::size_t sent = 0, expected = static_cast<std::size_t>(n * dv);
    long first_in = -1, last_in = -1, first_out = -1, last_out = -1;
    for (long guard = 0; guard < 20'000'000 && res.out.size() < expected; ++guard) {
      top_->in_valid = sent < beats.size() && valid(rng);
      top_->in_data = sent < beats.size() ? beats[sent] : 0;
      top_->out_ready = ready(rng);
      top_->eval();  // the handshakes as the edge will see them
      bool in_beat = top_->in_valid && top_->in_ready, out_beat = top_->out_valid && top_->out_ready;
      if (out_beat) {
        res.out.push_back(static_cast<std::int32_t>(top_->out_data));
        bool last = res.out.size() == expected;
        if (top_->out_last != last) {
          res.problem = "out_last " + std::to_string(top_->out_last) + " on element " + std::to_string(res.out.size());
          return res;
        }
        if (first_out < 0) first_out = cycles_;
        last_out = cycles_;
      }
      if (in_beat) {
        if (first_in < 0) first_in = cycles_;
        last_in = cycles_;
        ++sent;
      }
      tick();
    }
    top_->in_valid = 0;
    top_->out_ready = 0;
    if (res.out.size() != expected) res.problem = "only " + std::to_string(res.out.size()) + " of " +
                                                  std::to_string(expected) + " outputs";
    // Nothing more may come out.
    for (int k = 0; k < 5 && res.problem.empty(); ++k) {
      top_->out_ready = 1;
      top_->eval();
      if (top_->out_valid) res.problem = "an extra output element";
      tick();
    }
    top_->out_ready = 0;
    res.in_cycles = last_in - first_in + 1;
    res.out_cycles = last_out - first_out + 1;
    return res;
  }

 private:
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vdiffattn_stream> top_;
  long cycles_ = 0;
};

diffattn::Matrix<std::int8_t> random_matrix(std::mt19937& rng, int rows, int cols) {
  std::uniform_int_distribution<int> u(-128, 127);
  diffattn::Matrix<std::int8_t> m(rows, cols);
  for (auto& x : m.data) x = static_cast<std::int8_t>(u(rng));
  return m;
}

diffattn::FixedInputs random_head(std::mt19937& rng) {
  std::uniform_int_distribution<int> size_n(1, kNMax), size_d(1, kDMax), size_dv(1, kDvMax), lam(-32768, 32767),
      mult(32768, 65535), shift(10, 30), coin(0, 1);
  int n = size_n(rng), d = size_d(rng), dv = size_dv(rng);
  diffattn::FixedInputs in;
  in.q1 = random_matrix(rng, n, d), in.k1 = random_matrix(rng, n, d);
  in.q2 = random_matrix(rng, n, d), in.k2 = random_matrix(rng, n, d);
  in.v = random_matrix(rng, n, dv);
  in.lambda_q14 = static_cast<std::int16_t>(lam(rng));
  in.score_mult = static_cast<std::uint16_t>(mult(rng));
  in.score_shift = shift(rng);
  in.causal = coin(rng);
  if (coin(rng)) {  // the RMSNorm
    std::uniform_int_distribution<int> gain(-32768, 32767);
    in.norm = true;
    for (int c = 0; c < dv; ++c) in.norm_gain.push_back(static_cast<std::int16_t>(gain(rng)));
    in.norm_eps = static_cast<std::uint32_t>(rng());
  }
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  int count = 200;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::printf("usage: diffattn-stream-tb [--cases N] [--seed S]\n");
      return 0;
    } else if (!std::strcmp(argv[i], "--cases") && i + 1 < argc) {
      count = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) {
      seed = static_cast<unsigned>(std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "diffattn-stream-tb: bad argument '%s'\n", argv[i]);
      return 2;
    }
  }
  StreamBench bench;
  std::mt19937 rng(seed);
  int failures = 0;
  auto check = [&](const std::string& name, const diffattn::FixedInputs& in, double pv, double pr) {
    StreamBench::Result r = bench.run(in, rng, pv, pr);
    if (r.problem.empty() && r.out != diffattn::fixed_attention(in).data) r.problem = "O differs from the model";
    if (!r.problem.empty()) {
      std::printf("FAIL %s (N=%d d=%d dv=%d): %s\n", name.c_str(), in.q1.rows, in.q1.cols, in.v.cols, r.problem.c_str());
      ++failures;
    }
    return r;
  };
  // Full rate: both streams always ready.
  diffattn::FixedInputs full = random_head(rng);
  full.q1 = random_matrix(rng, kNMax, kDMax), full.k1 = random_matrix(rng, kNMax, kDMax);
  full.q2 = random_matrix(rng, kNMax, kDMax), full.k2 = random_matrix(rng, kNMax, kDMax);
  full.v = random_matrix(rng, kNMax, kDvMax);
  StreamBench::Result r = check("full rate", full, 1.0, 1.0);
  long in_beats = 4L * kNMax * kDMax + kNMax * kDvMax, out_beats = kNMax * kDvMax;
  std::printf("full rate: %ld input beats in %ld cycles, %ld output beats in %ld cycles\n", in_beats, r.in_cycles,
              out_beats, r.out_cycles);
  if (r.in_cycles != in_beats || r.out_cycles != out_beats) {
    std::printf("FAIL: the streams do not run at one beat per cycle\n");
    ++failures;
  }
  for (int c = 0; c < count && failures < 5; ++c) {
    std::uniform_real_distribution<double> p(0.2, 1.0);
    check("head " + std::to_string(c), random_head(rng), p(rng), p(rng));
  }
  std::printf("%d random heads through the valid/ready streams (random stalls on both sides): %s\n", count,
              failures ? "FAILED" : "every output bit-exact against the model, in order, out_last on the last");
  return failures ? 1 : 0;
}

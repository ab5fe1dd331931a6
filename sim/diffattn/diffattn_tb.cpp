// diffattn-tb: the Verilated rtl/diffattn against the fixed-point model, bit for bit.
// Random heads (sizes, lambda, score scale, causal mask all drawn at random) and the edge
// cases: lambda 0, lambda 1 with equal maps, negative lambda, all-equal scores, the largest
// and smallest score ranges, the causal mask, N = 1.
//   diffattn-tb [--cases N] [--seed S] [--trace OUT.fst]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>

#include "diffattn_model.hpp"
#include "rtl_bench.hpp"
#include "nandflow_version.hpp"

namespace {

using diffattn::kDMax;
using diffattn::kDvMax;
using diffattn::kNMax;
using Bench = diffattn::RtlBench;

diffattn::Matrix<std::int8_t> random_matrix(std::mt19937& rng, int rows, int cols, int amplitude) {
  diffattn::Matrix<std::int8_t> m(rows, cols);
  std::uniform_int_distribution<int> u(-amplitude, amplitude);
  for (auto& x : m.data) x = static_cast<std::int8_t>(std::max(-128, u(rng)));
  return m;
}

diffattn::FixedInputs random_head(std::mt19937& rng) {
  std::uniform_int_distribution<int> size_n(1, kNMax), size_d(1, kDMax), size_dv(1, kDvMax);
  std::uniform_int_distribution<int> amp(1, 128), lam(-32768, 32767), mult(32768, 65535), shift(6, 30), coin(0, 1);
  int n = size_n(rng), d = size_d(rng), dv = size_dv(rng), a = amp(rng);
  diffattn::FixedInputs in;
  in.q1 = random_matrix(rng, n, d, a);
  in.k1 = random_matrix(rng, n, d, a);
  in.q2 = random_matrix(rng, n, d, a);
  in.k2 = random_matrix(rng, n, d, a);
  in.v = random_matrix(rng, n, dv, amp(rng));
  in.lambda_q14 = static_cast<std::int16_t>(lam(rng));
  in.score_mult = static_cast<std::uint16_t>(mult(rng));
  in.score_shift = shift(rng);
  in.causal = coin(rng);
  if (coin(rng)) {  // the RMSNorm: any gains, eps from none to large
    std::uniform_int_distribution<int> gain(-32768, 32767);
    std::uniform_int_distribution<std::uint32_t> eps(0, 1u << coin(rng) * 31);
    in.norm = true;
    for (int c = 0; c < dv; ++c) in.norm_gain.push_back(static_cast<std::int16_t>(gain(rng)));
    in.norm_eps = eps(rng);
  }
  return in;
}

struct Edge {
  const char* name;
  diffattn::FixedInputs in;
};

std::vector<Edge> edge_cases(std::mt19937& rng) {
  std::vector<Edge> cases;
  auto base = [&](int n) {
    diffattn::FixedInputs in;
    in.q1 = random_matrix(rng, n, kDMax, 127);
    in.k1 = random_matrix(rng, n, kDMax, 127);
    in.q2 = random_matrix(rng, n, kDMax, 127);
    in.k2 = random_matrix(rng, n, kDMax, 127);
    in.v = random_matrix(rng, n, kDvMax, 127);
    in.score_mult = 40000;
    in.score_shift = 16;
    return in;
  };
  diffattn::FixedInputs in = base(kNMax);
  in.lambda_q14 = 0;
  cases.push_back({"lambda 0 (plain softmax attention)", in});
  in = base(kNMax);
  in.lambda_q14 = 16384;
  in.q2 = in.q1;
  in.k2 = in.k1;
  cases.push_back({"lambda 1, Q1 = Q2, K1 = K2 (O = 0)", in});
  in = base(kNMax);
  in.lambda_q14 = -20000;
  cases.push_back({"negative lambda", in});
  in = base(kNMax);
  in.q1 = in.q2 = diffattn::Matrix<std::int8_t>(kNMax, kDMax);
  cases.push_back({"all-equal scores", in});
  in = base(kNMax);
  for (auto* m : {&in.q1, &in.k1, &in.q2, &in.k2})
    for (auto& x : m->data) x = x >= 0 ? 127 : -128;
  in.score_mult = 65535;
  in.score_shift = 0;
  cases.push_back({"largest score range", in});
  in = base(kNMax);
  in.score_mult = 32768;
  in.score_shift = 40;
  cases.push_back({"smallest score range", in});
  in = base(kNMax);
  in.causal = true;
  in.lambda_q14 = 13107;
  cases.push_back({"causal mask", in});
  in = base(1);
  in.lambda_q14 = -32768;
  cases.push_back({"N = 1", in});
  in = base(kNMax);
  in.norm = true;
  in.norm_gain.assign(kDvMax, 2048);
  cases.push_back({"RMSNorm (gain 1, eps 0)", in});
  for (auto& x : in.v.data) x = 0;
  cases.push_back({"RMSNorm of a zero output (S = 0)", in});
  in = base(kNMax);
  in.norm = true;
  in.norm_gain.assign(kDvMax, -32768);
  in.norm_eps = 0xffffffffu;
  in.lambda_q14 = -32768;
  cases.push_back({"RMSNorm, extreme gain, eps and lambda", in});
  return cases;
}

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "diffattn-tb")) return 0;
  int count = 1000;
  unsigned seed = 1;
  const char* trace = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help")) {
      std::printf("usage: diffattn-tb [--cases N] [--seed S] [--trace OUT.fst]\n");
      return 0;
    } else if (!std::strcmp(argv[i], "--cases") && i + 1 < argc) {
      count = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) {
      seed = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--trace") && i + 1 < argc) {
      trace = argv[++i];
    } else {
      std::fprintf(stderr, "diffattn-tb: bad argument '%s'\n", argv[i]);
      return 2;
    }
  }
  Bench bench(trace);
  std::mt19937 rng(seed);
  int failures = 0;
  long total_cycles = 0;
  auto check = [&](const std::string& name, const diffattn::FixedInputs& in) {
    diffattn::Matrix<std::int32_t> got, want = diffattn::fixed_attention(in);
    long cycles = 0;
    if (!bench.run(in, got, &cycles)) {
      std::printf("FAIL %s: no done after 10,000,000 cycles\n", name.c_str());
      ++failures;
      return;
    }
    total_cycles += cycles;
    long predicted = diffattn::head_cycles(in.q1.rows, in.q1.cols, in.v.cols, in.causal, in.norm, diffattn::kLanes);
    if (cycles != predicted) {
      std::printf("FAIL %s: %ld cycles, the cycle model (head_cycles) says %ld\n", name.c_str(), cycles, predicted);
      ++failures;
      return;
    }
    for (std::size_t e = 0; e < want.data.size(); ++e)
      if (got.data[e] != want.data[e]) {
        int r = static_cast<int>(e) / want.cols, c = static_cast<int>(e) % want.cols;
        std::printf("FAIL %s (N=%d d=%d dv=%d lambda=%d mult=%u shift=%d causal=%d): O[%d][%d] = %d, model %d\n",
                    name.c_str(), in.q1.rows, in.q1.cols, in.v.cols, in.lambda_q14, in.score_mult, in.score_shift,
                    in.causal, r, c, got.data[e], want.data[e]);
        ++failures;
        return;
      }
  };
  std::vector<Edge> edge_list = edge_cases(rng);
  std::size_t edges = edge_list.size();
  for (auto& e : edge_list) {
    int before = failures;
    long cycles_before = total_cycles;
    check(e.name, e.in);
    std::printf("%-40s %s, %ld cycles\n", e.name, failures > before ? "FAIL" : "bit-exact",
                total_cycles - cycles_before);
  }
  for (int c = 0; c < count && failures < 5; ++c) check("random head " + std::to_string(c), random_head(rng));
  std::printf("%d random heads, %zu edge cases: %s (%ld cycles in all)\n", count, edges,
              failures ? "FAILED" : "all bit-exact against the model, cycle counts as head_cycles predicts",
              total_cycles);
  return failures ? 1 : 0;
}

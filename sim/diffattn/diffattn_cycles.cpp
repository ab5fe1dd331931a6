// diffattn-cycles (make bench): cycles per head of rtl/diffattn for N in {16, 64, 256} and
// d = dv in {16, 64}, measured on the Verilated RTL (built with NMAX 256, DMAX = DVMAX 64, with
// the lanes of each FPGA configuration: for the UP5K 6 narrow DOT lanes and 4 OUT lanes side
// by side (SPLIT), 2 for the HX8K, 16 for the ECP5-25F)
// and from the formula (head_cycles); the lanes' utilisation; and the throughput at a clock.
// Writes a Markdown table on stdout. Then, on every build, random heads of every shape up to
// N = 40 (causal or not, with or without the RMSNorm), each checked against the model and the
// formula.
//   diffattn-cycles [--mhz-up5k F] [--mhz-hx8k F] [--mhz-ecp5 F] [--random HEADS]   the builds' clocks
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>

#include "Vdiffattn_lanes16.h"
#include "Vdiffattn_lanes2.h"
#include "Vdiffattn_split6.h"
#include "diffattn_model.hpp"
#include "verilated.h"

namespace {

constexpr int kNMax = 256, kDMax = 64, kDvMax = 64;  // as verilated (CMakeLists.txt)

template <class Model>
struct Rtl {
  std::unique_ptr<VerilatedContext> ctx = std::make_unique<VerilatedContext>();
  std::unique_ptr<Model> top = std::make_unique<Model>(ctx.get());
  void tick() {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
  }
  void write(std::uint32_t addr, std::uint32_t data) {
    top->bus_write = 1, top->bus_addr = addr, top->bus_wdata = data;
    tick();
    top->bus_write = 0;
  }
  // Cycles from the start write until done; checks O against the model.
  long run(const diffattn::FixedInputs& in, bool* exact) {
    for (const auto& [addr, data] : diffattn::head_register_writes(in, kDMax, kDvMax)) write(addr, data);
    long cycles = 1;
    write(0, 1);
    while (!top->done) tick(), ++cycles;
    diffattn::Matrix<std::int32_t> want = diffattn::fixed_attention(in);
    *exact = true;
    for (int r = 0; r < in.q1.rows; ++r)
      for (int c = 0; c < in.v.cols; ++c) {
        top->bus_read = 1, top->bus_addr = 0x60000u + static_cast<std::uint32_t>(r * kDvMax + c);
        tick();
        top->bus_read = 0;
        *exact = *exact && static_cast<std::int32_t>(top->bus_rdata) == want.at(r, c);
      }
    return cycles;
  }
};

// A build's lanes: `lanes` (DOT's too), narrow ones (8 x 8), and OUT's own (SPLIT) or 0.
struct Lanes {
  int lanes;
  bool narrow;
  int out_lanes;
};

// One table row per head size: measured, predicted, and what the lanes achieved.
template <class Model>
bool measure(const char* configuration, Lanes l, double mhz) {
  Rtl<Model> rtl;
  rtl.write(0, 0);
  bool all_exact = true;
  for (int n : {16, 64, 256})
    for (int d : {16, 64}) {
      diffattn::Case c = diffattn::gaussian_case(static_cast<unsigned>(n * 100 + d), n, d, d, 0.8, false);
      bool exact = false;
      long cycles = rtl.run(c.fixed, &exact);
      long formula = diffattn::head_cycles(n, d, d, false, false, l.lanes, l.narrow, l.out_lanes);
      all_exact = all_exact && exact && cycles == formula;
      // Useful multiply-accumulates: both maps' scores (2 N^2 d) and the output (N^2 dv). A
      // lane's products: one per MAC, but three for an output MAC of a narrow lane (digits),
      // which OUT's own lanes (SPLIT) are not.
      double macs = 3.0 * n * n * d;
      double products = (2.0 + (l.narrow && l.out_lanes == 0 ? 3 : 1)) * n * n * d;
      std::string lanes = std::to_string(l.lanes) + (l.narrow ? " narrow" : "");
      if (l.out_lanes > 0) lanes += " DOT + " + std::to_string(l.out_lanes) + " OUT";
      std::printf("| %s | %s | %d | %d | %ld | %ld | %.0f | %.2f | %.1f%% | %g | %.2e |\n", configuration,
                  lanes.c_str(), n, d, cycles, formula, macs, macs / cycles,
                  100.0 * products / (static_cast<double>(l.lanes + l.out_lanes) * cycles), mhz,
                  macs / cycles * mhz * 1e6);
    }
  return all_exact;
}

// Random heads of any shape (N 1..40, d and dv 1..64, lambda, causal mask, RMSNorm), each
// bit-exact and on the formula: the schedule's corner cases at every number of lanes.
template <class Model>
bool random_heads(Lanes l, int heads, unsigned seed) {
  Rtl<Model> rtl;
  rtl.write(0, 0);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> size_n(1, 40), size_d(1, kDMax), coin(0, 1);
  std::uniform_real_distribution<double> lambda(-0.5, 1.5), gain(0.5, 1.5);
  for (int h = 0; h < heads; ++h) {
    int n = size_n(rng), d = size_d(rng), dv = size_d(rng);
    bool causal = coin(rng), norm = coin(rng);
    diffattn::Case c = diffattn::gaussian_case(rng(), n, d, dv, lambda(rng), causal);
    if (norm) {
      std::vector<double> g(static_cast<std::size_t>(dv));
      for (double& x : g) x = gain(rng);
      diffattn::set_rmsnorm(c.fixed, g, 0.8, 1e-5, c.v_scale);
    }
    bool exact = false;
    long cycles = rtl.run(c.fixed, &exact);
    long formula = diffattn::head_cycles(n, d, dv, causal, norm, l.lanes, l.narrow, l.out_lanes);
    if (!exact || cycles != formula) {
      std::printf("MISMATCH: %d lanes (%d OUT lanes), N %d, d %d, dv %d, causal %d, RMSNorm %d: %s, %ld cycles, formula %ld\n",
                  l.lanes, l.out_lanes, n, d, dv, causal, norm, exact ? "bit-exact" : "output differs", cycles, formula);
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  double mhz_up5k = 12, mhz_hx8k = 12, mhz_ecp5 = 25;
  int random = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--mhz-up5k") && i + 1 < argc) {
      mhz_up5k = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--mhz-hx8k") && i + 1 < argc) {
      mhz_hx8k = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--mhz-ecp5") && i + 1 < argc) {
      mhz_ecp5 = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--random") && i + 1 < argc) {
      random = std::atoi(argv[++i]);
    } else {
      std::printf("usage: diffattn-cycles [--mhz-up5k F] [--mhz-hx8k F] [--mhz-ecp5 F] [--random HEADS]\n");
      return !std::strcmp(argv[i], "--help") ? 0 : 2;
    }
  }
  std::printf("| configuration | lanes | N | d = dv | cycles (RTL) | cycles (formula) | MACs | MACs / cycle | lane utilisation | clock MHz | MAC/s |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  const Lanes up5k{6, true, 4}, hx8k{2, false, 0}, ecp5{16, false, 0};
  bool all_exact = measure<Vdiffattn_split6>("UP5K (iCEBreaker)", up5k, mhz_up5k);
  all_exact = measure<Vdiffattn_lanes2>("HX8K (breakout)", hx8k, mhz_hx8k) && all_exact;
  all_exact = measure<Vdiffattn_lanes16>("ECP5-25F (ULX3S)", ecp5, mhz_ecp5) && all_exact;
  std::printf("\n%s\n", all_exact ? "Every head bit-exact against the model; measured cycles equal the formula."
                                   : "MISMATCH: a head differs from the model or the formula.");
  if (random > 0) {
    bool ok = random_heads<Vdiffattn_split6>(up5k, random, 3) && random_heads<Vdiffattn_lanes2>(hx8k, random, 1) &&
              random_heads<Vdiffattn_lanes16>(ecp5, random, 2);
    std::printf("\n%d random heads on each build (N 1 to 40, d and dv 1 to 64, causal or not, RMSNorm or not): %s\n",
                random, ok ? "all bit-exact against the model, cycles equal to the formula" : "MISMATCH (above)");
    all_exact = all_exact && ok;
  }
  return all_exact ? 0 : 1;
}

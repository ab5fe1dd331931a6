// diffattn-cycles (make bench): cycles per head of rtl/diffattn for N in {16, 64, 256} and
// d = dv in {16, 64}, measured on the Verilated RTL (built with NMAX 256, DMAX = DVMAX 64, with
// the lanes of each FPGA configuration: 8 narrow ones for the UP5K, 2 for the HX8K, 16 for the
// ECP5-25F)
// and from the formula (head_cycles); the lanes' utilisation; and the throughput at a clock.
// Writes a Markdown table on stdout. Then, on every build, random heads of every shape up to
// N = 40 (causal or not, with or without the RMSNorm), each checked against the model and the
// formula.
//   diffattn-cycles [--mhz8 F] [--mhz2 F] [--mhz16 F] [--random HEADS]   the builds' clocks
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>

#include "Vdiffattn_lanes16.h"
#include "Vdiffattn_lanes2.h"
#include "Vdiffattn_narrow8.h"
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

// One table row per head size: measured, predicted, and what the lanes achieved.
template <class Model>
bool measure(const char* configuration, int lanes, bool narrow, double mhz) {
  Rtl<Model> rtl;
  rtl.write(0, 0);
  bool all_exact = true;
  for (int n : {16, 64, 256})
    for (int d : {16, 64}) {
      diffattn::Case c = diffattn::gaussian_case(static_cast<unsigned>(n * 100 + d), n, d, d, 0.8, false);
      bool exact = false;
      long cycles = rtl.run(c.fixed, &exact);
      long formula = diffattn::head_cycles(n, d, d, false, false, lanes, narrow);
      all_exact = all_exact && exact && cycles == formula;
      // Useful multiply-accumulates: both maps' scores (2 N^2 d) and the output (N^2 dv). A
      // lane's products: one per MAC, but three for an output MAC of a narrow lane (digits).
      double macs = 3.0 * n * n * d;
      double products = (2.0 + (narrow ? 3 : 1)) * n * n * d;
      std::printf("| %s | %d%s | %d | %d | %ld | %ld | %.0f | %.2f | %.1f%% | %g | %.2e |\n", configuration, lanes,
                  narrow ? " narrow" : "", n, d, cycles, formula, macs, macs / cycles,
                  100.0 * products / (static_cast<double>(lanes) * cycles), mhz, macs / cycles * mhz * 1e6);
    }
  return all_exact;
}

// Random heads of any shape (N 1..40, d and dv 1..64, lambda, causal mask, RMSNorm), each
// bit-exact and on the formula: the schedule's corner cases at every number of lanes.
template <class Model>
bool random_heads(int lanes, bool narrow, int heads, unsigned seed) {
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
    if (!exact || cycles != diffattn::head_cycles(n, d, dv, causal, norm, lanes, narrow)) {
      std::printf("MISMATCH: %d lanes, N %d, d %d, dv %d, causal %d, RMSNorm %d: %s, %ld cycles, formula %ld\n", lanes, n,
                  d, dv, causal, norm, exact ? "bit-exact" : "output differs", cycles,
                  diffattn::head_cycles(n, d, dv, causal, norm, lanes, narrow));
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  double mhz8 = 12, mhz2 = 12, mhz16 = 25;
  int random = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--mhz8") && i + 1 < argc) {
      mhz8 = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--mhz2") && i + 1 < argc) {
      mhz2 = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--mhz16") && i + 1 < argc) {
      mhz16 = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--random") && i + 1 < argc) {
      random = std::atoi(argv[++i]);
    } else {
      std::printf("usage: diffattn-cycles [--mhz8 F] [--mhz2 F] [--mhz16 F] [--random HEADS]\n");
      return !std::strcmp(argv[i], "--help") ? 0 : 2;
    }
  }
  std::printf("| configuration | lanes | N | d = dv | cycles (RTL) | cycles (formula) | MACs | MACs / cycle | lane utilisation | clock MHz | MAC/s |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  bool all_exact = measure<Vdiffattn_narrow8>("UP5K (iCEBreaker)", 8, true, mhz8);
  all_exact = measure<Vdiffattn_lanes2>("HX8K (breakout)", 2, false, mhz2) && all_exact;
  all_exact = measure<Vdiffattn_lanes16>("ECP5-25F (ULX3S)", 16, false, mhz16) && all_exact;
  std::printf("\n%s\n", all_exact ? "Every head bit-exact against the model; measured cycles equal the formula."
                                   : "MISMATCH: a head differs from the model or the formula.");
  if (random > 0) {
    bool ok = random_heads<Vdiffattn_narrow8>(8, true, random, 3) && random_heads<Vdiffattn_lanes2>(2, false, random, 1) &&
              random_heads<Vdiffattn_lanes16>(16, false, random, 2);
    std::printf("\n%d random heads on each build (N 1 to 40, d and dv 1 to 64, causal or not, RMSNorm or not): %s\n",
                random, ok ? "all bit-exact against the model, cycles equal to the formula" : "MISMATCH (above)");
    all_exact = all_exact && ok;
  }
  return all_exact ? 0 : 1;
}

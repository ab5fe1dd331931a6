// diffattn-model: the differential-attention models from the command line.
//   diffattn-model --write-tables DIR     the tables the RTL loads ($readmemh)
//   diffattn-model --accuracy             fixed point against float64 on random heads
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "diffattn_model.hpp"
#include "nandflow_version.hpp"

namespace {

const char* kHelp =
    "usage: diffattn-model --write-tables DIR | --accuracy [--seeds N]\n"
    "\n"
    "  --write-tables DIR   write the hardware's tables (exp2.hex, rsqrt.hex) into DIR\n"
    "  --accuracy           the fixed-point model against the float64 reference on random\n"
    "                       Gaussian heads (N = 64, d = 16, int8 inputs): lambda 0.8, 0,\n"
    "                       -0.5, 1.5, causal, the strong-cancellation case, and lambda 0.8\n"
    "                       with the headwise RMSNorm\n"
    "  --seeds N            heads per case (default 20)\n";

void accuracy(int seeds) {
  struct Row {
    const char* name;
    double lambda;
    bool causal;
    double correlation;
    bool norm = false;
  };
  const Row rows[] = {{"lambda 0.8", 0.8, false, 0},           {"lambda 0 (softmax)", 0.0, false, 0},
                      {"lambda -0.5", -0.5, false, 0},         {"lambda 1.5", 1.5, false, 0},
                      {"lambda 0.8, causal", 0.8, true, 0},    {"cancellation (0.99, 0.95)", 0.95, false, 0.99},
                      {"lambda 0.8, RMSNorm", 0.8, false, 0, true}};
  std::printf("%-28s %12s %12s %14s %14s\n", "case (N=64, d=16, dv=16)", "out RMS", "RMS error", "RMS err / RMS",
              "max err / max");
  for (const Row& r : rows) {
    double rms = 0, err = 0, worst = 0;
    for (int s = 0; s < seeds; ++s) {
      diffattn::Case c = diffattn::gaussian_case(static_cast<unsigned>(1000 + s), 64, 16, 16, r.lambda, r.causal,
                                                 r.correlation);
      if (r.norm) diffattn::add_rmsnorm(c, static_cast<unsigned>(2000 + s), 0.8);
      diffattn::Accuracy a = diffattn::compare(c, diffattn::fixed_attention(c.fixed));
      rms += a.out_rms / seeds;
      err += a.rms_error / seeds;
      worst = std::max(worst, a.max_error / a.out_max);
    }
    std::printf("%-28s %12.5f %12.2e %13.3f%% %13.3f%%\n", r.name, rms, err, 100 * err / rms, 100 * worst);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "diffattn-model")) return 0;
  if (argc >= 2 && (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h"))) {
    std::cout << kHelp;
    return 0;
  }
  if (argc == 3 && !std::strcmp(argv[1], "--write-tables")) {
    for (const auto& [name, text] : diffattn::hex_tables()) {
      std::string path = std::string(argv[2]) + "/" + name;
      std::ofstream out(path, std::ios::binary);
      out << text;
      if (!out) {
        std::cerr << "diffattn-model: cannot write " << path << "\n";
        return 1;
      }
      std::cout << "wrote " << path << "\n";
    }
    return 0;
  }
  if (argc >= 2 && !std::strcmp(argv[1], "--accuracy")) {
    int seeds = 20;
    if (argc == 4 && !std::strcmp(argv[2], "--seeds")) seeds = std::max(1, std::atoi(argv[3]));
    accuracy(seeds);
    return 0;
  }
  std::cerr << kHelp;
  return 2;
}

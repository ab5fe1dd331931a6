// nandflow-gen-exact: precomputes the exact-synthesis library's answers
// (opt/exact_library.hpp) for every single function of 3 and 4 inputs and every pair
// of functions of 3 inputs, written in the library's cache format to opt/exact_seed.txt,
// which is compiled into nandflow. The answers are exactly what the library would
// compute on first use (same search, same bounds), so the seed only saves that time.
//
//   nandflow-gen-exact --part 0/2 -o p0.txt & nandflow-gen-exact --part 1/2 -o p1.txt
//   (cat p0.txt; tail -n +2 p1.txt | sort) > opt/exact_seed.txt
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "opt/exact_library.hpp"

using namespace nandflow;

int main(int argc, char** argv) {
  int part = 0, parts = 1;
  bool pairs = true, singles4 = true;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help")) {
      std::cout << "usage: nandflow-gen-exact [--part K/N] [--no-pairs] [--no-4] -o FILE\n"
                   "Computes the exact-synthesis library's answer for every function of 3 and 4\n"
                   "inputs and every pair of functions of 3 inputs (part K of N of them), in the\n"
                   "library's cache format.\n";
      return 0;
    }
    if (!std::strcmp(argv[i], "--part") && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%d/%d", &part, &parts) != 2 || parts < 1 || part < 0 || part >= parts) {
        std::cerr << "nandflow-gen-exact: --part expects K/N with 0 <= K < N\n";
        return 2;
      }
    } else if (!std::strcmp(argv[i], "--no-pairs")) {
      pairs = false;
    } else if (!std::strcmp(argv[i], "--no-4")) {
      singles4 = false;
    } else if (!std::strcmp(argv[i], "-o") && i + 1 < argc) {
      out = argv[++i];
    } else {
      std::cerr << "nandflow-gen-exact: unknown option " << argv[i] << "\n";
      return 2;
    }
  }
  // The library appends every answer it computes to its file, after the version line.
  {
    std::FILE* f = std::fopen(out.c_str(), "w");
    if (!f) {
      std::cerr << "nandflow-gen-exact: cannot write " << out << "\n";
      return 1;
    }
    std::fprintf(f, "# %s\n", ExactLibrary::version().c_str());
    std::fclose(f);
  }
  ExactLibrary library(out, /*load=*/false);
  std::size_t job = 0;
  auto mine = [&] { return static_cast<int>(job++ % static_cast<std::size_t>(parts)) == part; };
  if (out.empty()) {
    std::cerr << "nandflow-gen-exact: -o FILE is required\n";
    return 2;
  }
  for (unsigned f = 1; f < 255; ++f)
    if (mine()) library.chain(3, {static_cast<TruthTable>(f)});
  for (unsigned f = 1; pairs && f < 255; ++f)
    for (unsigned g = f + 1; g < 255; ++g)
      if (mine()) library.chain(3, {static_cast<TruthTable>(f), static_cast<TruthTable>(g)});
  for (unsigned f = 1; singles4 && f < 65535; ++f) {
    if (!mine()) continue;
    library.chain(4, {static_cast<TruthTable>(f)});
    if ((f & 1023) == 0) std::fprintf(stderr, "nandflow-gen-exact: 4-input functions up to %u\n", f);
  }
  return 0;
}

// diffattn-demo: what differential attention does that softmax attention cannot, computed by
// the RTL (Verilated rtl/diffattn) and checked bit for bit against the model.
//
// Eight queries and eight keys. Each key has an identity (one of the first eight dimensions)
// and some "noise" (random values in the last eight) that every query also has: in map 1
// (Q1 K1) a query sees the noise plus, for six of the eight queries, the identity of the one
// key it is looking for; map 2 (Q2 K2) sees the noise alone. Softmax spreads each query's
// attention over the distractors; the difference a1 - lambda a2 (lambda = 1) cancels it: the
// relevant key keeps a positive weight, the distractors get negative ones, and the two
// queries with nothing to find get exactly zero everywhere (a softmax row always sums to 1).
//
// The weights are read through the RTL itself: with V = 127 I (dv = N), O = 127 W exactly.
// A second run, with one value per key, shows an output outside the convex hull of the
// values, which no single softmax can produce.
//
//   diffattn-demo [-o heatmap.png]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "diffattn_model.hpp"
#include "png.hpp"
#include "rtl_bench.hpp"

namespace {

constexpr int kN = 8, kD = 16;
constexpr int kNothing[] = {2, 6};  // queries with no relevant key

int relevant_key(int query) { return (3 * query + 5) % kN; }
bool has_relevant(int query) { return std::find(std::begin(kNothing), std::end(kNothing), query) == std::end(kNothing); }

diffattn::FixedInputs scenario(double lambda) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> noise(-20, 20);
  diffattn::FixedInputs in;
  in.q1 = in.k1 = in.q2 = in.k2 = diffattn::Matrix<std::int8_t>(kN, kD);
  for (int j = 0; j < kN; ++j) {
    in.k1.at(j, j) = 60;  // identity
    for (int c = kN; c < kD; ++c) in.k1.at(j, c) = in.k2.at(j, c) = static_cast<std::int8_t>(noise(rng));
  }
  for (int i = 0; i < kN; ++i) {
    if (has_relevant(i)) in.q1.at(i, relevant_key(i)) = 60;
    for (int c = kN; c < kD; ++c) in.q1.at(i, c) = in.q2.at(i, c) = static_cast<std::int8_t>(noise(rng));
  }
  in.v = diffattn::Matrix<std::int8_t>(kN, kN);
  for (int j = 0; j < kN; ++j) in.v.at(j, j) = 127;
  in.lambda_q14 = diffattn::lambda_to_q14(lambda);
  int shift = 0;
  diffattn::score_scale(1.0 / 21, 1.0 / 21, kD, &in.score_mult, &shift);
  in.score_shift = shift;
  return in;
}

// Runs a head on the RTL, checks it against the model, returns O.
diffattn::Matrix<std::int32_t> run_rtl(diffattn::RtlBench& rtl, const diffattn::FixedInputs& in, const char* what,
                                       bool* ok) {
  diffattn::Matrix<std::int32_t> out;
  long cycles = 0;
  if (!rtl.run(in, out, &cycles) || out.data != diffattn::fixed_attention(in).data) {
    std::printf("FAIL: the RTL's %s differs from the model\n", what);
    *ok = false;
  }
  return out;
}

// W (Q2.15) from O = 127 W.
std::vector<long> weights(const diffattn::Matrix<std::int32_t>& o) {
  std::vector<long> w;
  for (std::int32_t x : o.data) w.push_back(x / 127);
  return w;
}

void print_map(const char* title, const std::vector<long>& w) {
  std::printf("\n%s (rows: queries, columns: keys; * marks the relevant key)\n      ", title);
  for (int j = 0; j < kN; ++j) std::printf("   key %d", j);
  std::printf("\n");
  for (int i = 0; i < kN; ++i) {
    std::printf("q%d%s  ", i, has_relevant(i) ? " " : "-");
    for (int j = 0; j < kN; ++j) {
      long x = w[static_cast<std::size_t>(i * kN + j)];
      std::printf(" %7.4f%s", static_cast<double>(x) / 32768, has_relevant(i) && j == relevant_key(i) ? "*" : " ");
    }
    std::printf("\n");
  }
}

// Three heat maps side by side: red positive, blue negative, white exactly zero; one colour
// scale for all three (the largest magnitude in any of them).
void write_heatmaps(const std::string& path, const std::vector<std::vector<long>>& maps) {
  const int cell = 28, gap = 20, border = 10;
  int width = border * 2 + static_cast<int>(maps.size()) * kN * cell + (static_cast<int>(maps.size()) - 1) * gap;
  int height = border * 2 + kN * cell;
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width * height * 3), 255);
  auto put = [&](int x, int y, int r, int g, int b) {
    std::size_t at = static_cast<std::size_t>((y * width + x) * 3);
    rgb[at] = static_cast<std::uint8_t>(r), rgb[at + 1] = static_cast<std::uint8_t>(g), rgb[at + 2] = static_cast<std::uint8_t>(b);
  };
  long peak = 1;
  for (const auto& map : maps)
    for (long x : map) peak = std::max(peak, std::labs(x));
  for (std::size_t m = 0; m < maps.size(); ++m) {
    int x0 = border + static_cast<int>(m) * (kN * cell + gap);
    for (int i = 0; i < kN; ++i)
      for (int j = 0; j < kN; ++j) {
        long v = maps[m][static_cast<std::size_t>(i * kN + j)];
        double t = std::sqrt(static_cast<double>(std::labs(v)) / static_cast<double>(peak));  // sqrt: small weights stay visible
        int fade = static_cast<int>(std::lround(255 * (1 - t)));
        int r = v > 0 ? 255 : v < 0 ? fade : 255, g = v == 0 ? 255 : fade, b = v < 0 ? 255 : v > 0 ? fade : 255;
        for (int y = 0; y < cell; ++y)
          for (int x = 0; x < cell; ++x) {
            bool edge = x == 0 || y == 0 || x == cell - 1 || y == cell - 1;
            if (edge) put(x0 + j * cell + x, border + i * cell + y, 190, 190, 190);
            else put(x0 + j * cell + x, border + i * cell + y, r, g, b);
          }
      }
  }
  hack::write_png_rgb(path, width, height, rgb);
}

}  // namespace

int main(int argc, char** argv) {
  std::string png = "diffattn-demo.png";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::printf(
          "usage: diffattn-demo [-o heatmap.png]\n"
          "Runs softmax and differential attention on the accelerator's RTL (Verilator) for a query\n"
          "that must find one key among distractors; prints the weight maps and writes them as a PNG\n"
          "heat map (softmax(Q1K1), softmax(Q2K2), their difference; red positive, blue negative,\n"
          "white exactly zero); then shows an output outside the convex hull of the values.\n");
      return 0;
    } else if (!std::strcmp(argv[i], "-o") && i + 1 < argc) {
      png = argv[++i];
    } else {
      std::fprintf(stderr, "diffattn-demo: bad argument '%s'\n", argv[i]);
      return 2;
    }
  }
  bool ok = true;
  diffattn::RtlBench rtl;

  // Map 1 alone (lambda 0), map 2 alone (Q2, K2 as map 1, lambda 0), and the difference.
  diffattn::FixedInputs diff = scenario(1.0), soft1 = scenario(0.0), soft2 = scenario(0.0);
  soft2.q1 = soft2.q2, soft2.k1 = soft2.k2;
  std::vector<long> a1 = weights(run_rtl(rtl, soft1, "softmax(Q1K1)", &ok));
  std::vector<long> a2 = weights(run_rtl(rtl, soft2, "softmax(Q2K2)", &ok));
  std::vector<long> w = weights(run_rtl(rtl, diff, "differential map", &ok));

  std::printf("diffattn-demo: %d queries, %d keys, d = %d, lambda = 1; every number below came out of the RTL\n", kN,
              kN, kD);
  print_map("softmax(Q1 K1 / sqrt d): ordinary attention", a1);
  print_map("softmax(Q2 K2 / sqrt d): the noise alone", a2);
  print_map("differential: softmax(Q1 K1) - lambda softmax(Q2 K2)", w);

  int zeros = 0, negatives = 0;
  for (long x : w) zeros += x == 0, negatives += x < 0;
  std::printf("\nrelevant key  query  softmax weight  differential weight  largest |distractor|: softmax  differential\n");
  for (int i = 0; i < kN; ++i) {
    if (!has_relevant(i)) continue;
    int r = relevant_key(i);
    long soft_d = 0, diff_d = 0;
    for (int j = 0; j < kN; ++j)
      if (j != r) {
        soft_d = std::max(soft_d, std::labs(a1[static_cast<std::size_t>(i * kN + j)]));
        diff_d = std::max(diff_d, std::labs(w[static_cast<std::size_t>(i * kN + j)]));
      }
    std::printf("%12d  %5d  %14.4f  %19.4f  %30.4f  %12.4f\n", r, i, a1[static_cast<std::size_t>(i * kN + r)] / 32768.0,
                w[static_cast<std::size_t>(i * kN + r)] / 32768.0, soft_d / 32768.0, diff_d / 32768.0);
  }
  bool nothing_is_zero = true;
  for (int i : kNothing)
    for (int j = 0; j < kN; ++j) nothing_is_zero = nothing_is_zero && w[static_cast<std::size_t>(i * kN + j)] == 0;
  std::printf("\nexactly zero weights: %d (the rows of queries %d and %d, which have nothing to find: %s)\n", zeros,
              kNothing[0], kNothing[1], nothing_is_zero ? "all zero" : "NOT all zero");
  std::printf("negative weights: %d (the distractors; a softmax weight is never negative)\n", negatives);
  if (!nothing_is_zero || negatives == 0) ok = false;

  write_heatmaps(png, {a1, a2, w});
  std::printf("heat map: %s (left to right: softmax(Q1K1), softmax(Q2K2), differential; red positive,\n"
              "blue negative, white exactly zero)\n", png.c_str());

  // Outside the convex hull: one value per key, 10 to 115; query 0 looks for key 5.
  diffattn::FixedInputs hull = scenario(0.8), hull_soft = scenario(0.0);
  hull.v = hull_soft.v = diffattn::Matrix<std::int8_t>(kN, 1);
  for (int j = 0; j < kN; ++j) hull.v.at(j, 0) = hull_soft.v.at(j, 0) = static_cast<std::int8_t>(10 + 15 * ((j + 3) % kN));
  diffattn::Matrix<std::int32_t> o = run_rtl(rtl, hull, "convex-hull case", &ok);
  diffattn::Matrix<std::int32_t> o_soft = run_rtl(rtl, hull_soft, "convex-hull case (softmax)", &ok);
  std::printf("\nconvex hull: values v_j = ");
  for (int j = 0; j < kN; ++j) std::printf("%d%s", hull.v.at(j, 0), j + 1 < kN ? ", " : "");
  std::printf(" (hull [10, 115]); lambda = 0.8\n query  softmax output  differential output\n");
  int outside = 0, soft_outside = 0;
  for (int i = 0; i < kN; ++i) {
    double od = o.at(i, 0) / 32768.0, os = o_soft.at(i, 0) / 32768.0;
    bool out = od < 10 || od > 115;
    outside += out, soft_outside += os < 10 || os > 115;
    std::printf("%6d  %14.3f  %19.3f%s\n", i, os, od, out ? "  outside the hull" : "");
  }
  std::printf("%d of %d differential outputs lie outside the convex hull of the values; softmax outputs: %d\n", outside,
              kN, soft_outside);
  if (outside == 0 || soft_outside != 0) ok = false;
  std::printf("%s\n", ok ? "diffattn-demo: every number from the RTL, bit-exact against the model" : "diffattn-demo: FAILED");
  return ok ? 0 : 1;
}

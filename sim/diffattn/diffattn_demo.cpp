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
//   diffattn-demo [-o figure.svg | heatmap.png]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "diffattn_model.hpp"
#include "png.hpp"
#include "rtl_bench.hpp"
#include "nandflow_version.hpp"

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

// A weight's colour: red positive, blue negative, white exactly zero, on one scale for all
// maps (peak: the largest magnitude in any of them); sqrt, so that small weights stay visible.
struct Rgb {
  int r, g, b;
};
Rgb weight_colour(long v, long peak) {
  double t = std::sqrt(static_cast<double>(std::labs(v)) / static_cast<double>(peak));
  int fade = static_cast<int>(std::lround(255 * (1 - std::min(1.0, t))));
  return {v > 0 ? 255 : v < 0 ? fade : 255, v == 0 ? 255 : fade, v < 0 ? 255 : v > 0 ? fade : 255};
}

long peak_of(const std::vector<std::vector<long>>& maps) {
  long peak = 1;
  for (const auto& map : maps)
    for (long x : map) peak = std::max(peak, std::labs(x));
  return peak;
}

// Three heat maps side by side, as bare pixels (the labelled figure is the SVG).
void write_heatmaps_png(const std::string& path, const std::vector<std::vector<long>>& maps) {
  const int cell = 28, gap = 20, border = 10;
  int width = border * 2 + static_cast<int>(maps.size()) * kN * cell + (static_cast<int>(maps.size()) - 1) * gap;
  int height = border * 2 + kN * cell;
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width * height * 3), 255);
  auto put = [&](int x, int y, Rgb c) {
    std::size_t at = static_cast<std::size_t>((y * width + x) * 3);
    rgb[at] = static_cast<std::uint8_t>(c.r), rgb[at + 1] = static_cast<std::uint8_t>(c.g), rgb[at + 2] = static_cast<std::uint8_t>(c.b);
  };
  long peak = peak_of(maps);
  for (std::size_t m = 0; m < maps.size(); ++m) {
    int x0 = border + static_cast<int>(m) * (kN * cell + gap);
    for (int i = 0; i < kN; ++i)
      for (int j = 0; j < kN; ++j) {
        Rgb c = weight_colour(maps[m][static_cast<std::size_t>(i * kN + j)], peak);
        for (int y = 0; y < cell; ++y)
          for (int x = 0; x < cell; ++x) {
            bool edge = x == 0 || y == 0 || x == cell - 1 || y == cell - 1;
            put(x0 + j * cell + x, border + i * cell + y, edge ? Rgb{190, 190, 190} : c);
          }
      }
  }
  hack::write_png_rgb(path, width, height, rgb);
}

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

// The figure as in a paper: a title over each panel, queries down and keys across with
// their numbers, the relevant key of each query outlined, and a diverging colour bar
// (blue negative, white zero, red positive; sqrt scale) with zero marked.
void write_heatmaps_svg(const std::string& path, const std::vector<std::vector<long>>& maps,
                        const std::vector<std::string>& titles) {
  const int cell = 30, gap = 70, left = 70, top = 90, bar_w = 18, bar_gap = 40;
  const int panel = kN * cell;
  const int bar_x = left + static_cast<int>(maps.size()) * (panel + gap) - gap + bar_gap;
  const int width = bar_x + bar_w + 110, height = top + panel + 80;
  const long peak = peak_of(maps);
  std::string svg;
  auto add = [&](const std::string& text) { svg += text + "\n"; };
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">",
                width, height, width, height);
  add(buf);
  add("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
  for (std::size_t m = 0; m < maps.size(); ++m) {
    const int x0 = left + static_cast<int>(m) * (panel + gap);
    std::snprintf(buf, sizeof buf, "<g class=\"panel\" id=\"panel%zu\">", m);
    add(buf);
    // "title|subtitle": the subtitle in grey on a second line.
    std::string title = titles[m], subtitle;
    if (std::size_t bar = title.find('|'); bar != std::string::npos) subtitle = title.substr(bar + 1), title.resize(bar);
    std::snprintf(buf, sizeof buf, "<text class=\"title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" "
                                   "font-weight=\"bold\">%s</text>", x0 + panel / 2, top - 54, title.c_str());
    add(buf);
    std::snprintf(buf, sizeof buf, "<text class=\"subtitle\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
                                   "fill=\"#555555\">%s</text>", x0 + panel / 2, top - 38, subtitle.c_str());
    add(buf);
    for (int i = 0; i < kN; ++i)
      for (int j = 0; j < kN; ++j) {
        long v = maps[m][static_cast<std::size_t>(i * kN + j)];
        bool relevant = has_relevant(i) && j == relevant_key(i);
        std::snprintf(buf, sizeof buf,
                      "<rect class=\"cell\" data-query=\"%d\" data-key=\"%d\" data-weight=\"%.5f\" x=\"%d\" y=\"%d\" "
                      "width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                      i, j, static_cast<double>(v) / 32768, x0 + j * cell, top + i * cell, cell, cell,
                      hex(weight_colour(v, peak)).c_str(), relevant ? "#000000" : "#c8c8c8", relevant ? "2" : "1");
        add(buf);
      }
    for (int k = 0; k < kN; ++k) {
      std::snprintf(buf, sizeof buf, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%d</text>",
                    x0 + k * cell + cell / 2, top - 6, k);
      add(buf);
      std::snprintf(buf, sizeof buf, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%d</text>", x0 - 6,
                    top + k * cell + cell / 2 + 4, k);
      add(buf);
    }
    std::snprintf(buf, sizeof buf, "<text class=\"xlabel\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">key j</text>",
                  x0 + panel / 2, top - 20);
    add(buf);
    std::snprintf(buf, sizeof buf, "<text class=\"ylabel\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                                   "transform=\"rotate(-90 %d %d)\">query i</text>",
                  x0 - 26, top + panel / 2, x0 - 26, top + panel / 2);
    add(buf);
    add("</g>");
  }
  // The colour bar: top +peak, middle 0, bottom -peak; position ~ signed sqrt(|w| / peak).
  add("<g class=\"colourbar\">");
  const int steps = 64;
  for (int s = 0; s < steps; ++s) {
    double pos = 1 - 2.0 * (s + 0.5) / steps;  // +1 at the top
    long v = std::lround((pos < 0 ? -1 : 1) * pos * pos * static_cast<double>(peak));
    std::snprintf(buf, sizeof buf, "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\"/>", bar_x,
                  top + static_cast<double>(panel) * s / steps, bar_w, static_cast<double>(panel) / steps + 0.5,
                  hex(weight_colour(v, peak)).c_str());
    add(buf);
  }
  std::snprintf(buf, sizeof buf, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#555555\"/>",
                bar_x, top, bar_w, panel);
  add(buf);
  for (double pos : {1.0, 0.5, 0.0, -0.5, -1.0}) {
    double w = (pos < 0 ? -1 : 1) * pos * pos * static_cast<double>(peak) / 32768;
    double y = top + panel * (1 - pos) / 2;
    std::snprintf(buf, sizeof buf, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000000\" stroke-width=\"%s\"/>",
                  bar_x - (pos == 0 ? 4 : 0), y, bar_x + bar_w + 4, y, pos == 0 ? "2" : "1");
    add(buf);
    char label[32];
    std::snprintf(label, sizeof label, pos == 0 ? "0 (exactly)" : "%.3f", std::trunc(w * 1000) / 1000);  // 3 digits, cut
    std::snprintf(buf, sizeof buf, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" font-size=\"11\">%s</text>",
                  bar_x + bar_w + 7, y + 4, label);
    add(buf);
  }
  std::snprintf(buf, sizeof buf, "<text class=\"barlabel\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">weight</text>",
                bar_x + bar_w / 2, top - 20);
  add(buf);
  std::snprintf(buf, sizeof buf, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555555\">(sqrt scale)</text>",
                bar_x + bar_w / 2, top - 6);
  add(buf);
  add("</g>");
  const char* caption[] = {
      "Computed by the accelerator's RTL (Verilator), bit-exact with the fixed-point model: 8 queries and keys, d = 16, "
      "&#955; = 1.",
      "Outlined: the key each query looks for (queries 2 and 6 have none, and differential attention gives them "
      "exactly 0)."};
  for (int line = 0; line < 2; ++line) {
    std::snprintf(buf, sizeof buf, "<text class=\"caption\" x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#333333\">%s</text>",
                  left - 40, top + panel + 34 + 17 * line, caption[line]);
    add(buf);
  }
  add("</svg>");
  std::ofstream out(path, std::ios::binary);
  out << svg;
  if (!out.flush()) {
    std::fprintf(stderr, "diffattn-demo: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

void write_heatmaps(const std::string& path, const std::vector<std::vector<long>>& maps,
                    const std::vector<std::string>& titles) {
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".svg") == 0)
    write_heatmaps_svg(path, maps, titles);
  else
    write_heatmaps_png(path, maps);
}

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "diffattn-demo")) return 0;
  std::string png = "diffattn-demo.svg";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::printf(
          "usage: diffattn-demo [-o figure.svg | heatmap.png]\n"
          "Runs softmax and differential attention on the accelerator's RTL (Verilator) for a query\n"
          "that must find one key among distractors; prints the weight maps and draws them as heat\n"
          "maps (softmax(Q1K1), softmax(Q2K2), their difference; red positive, blue negative, white\n"
          "exactly zero): a labelled figure with titles, axes and a colour bar when -o ends in .svg\n"
          "(the default, diffattn-demo.svg), bare pixels for .png; then shows an output outside the\n"
          "convex hull of the values.\n");
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

  write_heatmaps(png, {a1, a2, w},
                 {"softmax(Q\u2081K\u2081\u1d40/\u221ad)|map 1: ordinary attention",
                  "softmax(Q\u2082K\u2082\u1d40/\u221ad)|map 2: the noise alone",
                  "map 1 \u2212 \u03bb \u00b7 map 2|differential attention"});
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

// diffattn-host: runs differential-attention heads on the accelerator behind its serial
// bridge (rtl/soc/diffattn_top.v) and checks every output against the bit-exact model.
//   diffattn-host --port /dev/ttyUSB1 [--cases 10]     a board (iCEBreaker: the FTDI's 2nd port)
//   diffattn-host --port /dev/pts/N                    the Verilated SoC (diffattn-soc-sim)
//   diffattn-host --script req.txt                     one head's commands, for a simulation
//   diffattn-host --script req.txt --replies rep.txt   ... and check what that simulation answered
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "bridge_protocol.hpp"
#include "serial_link.hpp"
#include "nandflow_version.hpp"

namespace {

const char* kUsage =
    "usage: diffattn-host --port PATH [options]      run heads on the accelerator, check them\n"
    "       diffattn-host --script FILE [options]    write one head's commands for a simulation\n"
    "       diffattn-host --script FILE --replies R  check the replies that simulation wrote\n"
    "options:\n"
    "  --baud B          serial speed (default 1000000, the SoC's)\n"
    "  --timeout-ms T    how long a reply may take (default 2000; a head's 'D' ten times that)\n"
    "  --cases N         heads to run (default 5; --script: 1)\n"
    "  --seed S          random heads from seed S (default 1)\n"
    "  --n N --d D --dv DV   head size (default: random up to the accelerator's maxima)\n"
    "  --lambda L        lambda (default 0.8)\n"
    "  --causal          the causal mask\n"
    "  --nmax N --dmax D --dvmax DV   the accelerator's maxima, for --script (default 64 16 16;\n"
    "                    over a port they are read from the accelerator)\n";

// Records the commands as a script for the post-packing testbench (tests/soc/diffattn_pb_tb.v):
// one line per command, "bytes b0 b1 ... reply_bytes", decimal. Replies as the bridge sends
// them on success ('k', 'd', and zeros for reads).
class ScriptLink : public diffattn::Link {
 public:
  explicit ScriptLink(std::ofstream& out) : out_(out) {}
  std::vector<std::uint8_t> exchange(const diffattn::Command& c) override {
    out_ << c.bytes.size();
    for (std::uint8_t b : c.bytes) out_ << ' ' << static_cast<int>(b);
    out_ << ' ' << c.reply_bytes << '\n';
    if (c.bytes[0] == 'R') return std::vector<std::uint8_t>(c.reply_bytes, 0);
    return {static_cast<std::uint8_t>(c.bytes[0] == 'D' ? 'd' : 'k')};
  }

 private:
  std::ofstream& out_;
};

// Replays the replies a simulation recorded (one byte per line, hex), in order.
class ReplayLink : public diffattn::Link {
 public:
  explicit ReplayLink(const std::string& path) : path_(path), in_(path) {
    if (!in_) throw std::runtime_error(path + ": cannot open");
  }
  std::vector<std::uint8_t> exchange(const diffattn::Command& c) override {
    std::vector<std::uint8_t> reply;
    std::string word;
    while (reply.size() < c.reply_bytes && in_ >> word) {
      char* end = nullptr;
      unsigned long b = std::strtoul(word.c_str(), &end, 16);
      if (*end || b > 255) throw std::runtime_error(path_ + ": '" + word + "' is not a byte in hex");
      reply.push_back(static_cast<std::uint8_t>(b));
    }
    if (reply.size() < c.reply_bytes)
      throw std::runtime_error(path_ + ": the replies end before the reply to '" +
                               std::string(1, static_cast<char>(c.bytes[0])) + "'");
    return reply;
  }

 private:
  std::string path_;
  std::ifstream in_;
};

struct Options {
  std::string port, script, replies;
  int baud = 1000000, timeout_ms = 2000, cases = -1, n = 0, d = 0, dv = 0;
  unsigned seed = 1;
  double lambda = 0.8;
  bool causal = false;
  diffattn::Layout layout;
};

diffattn::FixedInputs make_head(const Options& o, const diffattn::Layout& l, std::mt19937& rng) {
  auto pick = [&](int given, int most) { return given ? given : std::uniform_int_distribution<int>(1, most)(rng); };
  int n = pick(o.n, l.nmax), d = pick(o.d, l.dmax), dv = pick(o.dv, l.dvmax);
  return diffattn::gaussian_case(static_cast<unsigned>(rng()), n, d, dv, o.lambda, o.causal).fixed;
}

// Runs one head over `link` and compares it with the model; prints one line.
bool check_head(diffattn::Link& link, const diffattn::FixedInputs& in, const diffattn::Layout& l, int index) {
  auto start = std::chrono::steady_clock::now();
  diffattn::Matrix<std::int32_t> got = diffattn::run_head(link, in, l);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  diffattn::Matrix<std::int32_t> want = diffattn::fixed_attention(in);
  std::printf("head %d: N %d, d %d, dv %d, lambda %.3f%s: ", index, in.q1.rows, in.q1.cols, in.v.cols,
              in.lambda_q14 / 16384.0, in.causal ? ", causal" : "");
  for (int r = 0; r < want.rows; ++r)
    for (int c = 0; c < want.cols; ++c)
      if (got.at(r, c) != want.at(r, c)) {
        std::printf("MISMATCH at O[%d][%d]: %d, the model says %d\n", r, c, got.at(r, c), want.at(r, c));
        return false;
      }
  std::printf("%d outputs bit-exact against the model (%.2f s)\n", want.rows * want.cols, seconds);
  return true;
}

int run(const Options& o) {
  std::mt19937 rng(o.seed);
  if (!o.script.empty()) {  // one head, as a script, or checked against recorded replies
    diffattn::FixedInputs in = make_head(o, o.layout, rng);
    if (o.replies.empty()) {
      std::ofstream out(o.script);
      if (!out) throw std::runtime_error(o.script + ": cannot write");
      ScriptLink link(out);
      diffattn::run_head(link, in, o.layout);
      out.close();
      if (!out) throw std::runtime_error(o.script + ": write failed");
      std::printf("wrote %s: one head, N %d, d %d, dv %d\n", o.script.c_str(), in.q1.rows, in.q1.cols, in.v.cols);
      return 0;
    }
    ReplayLink link(o.replies);
    return check_head(link, in, o.layout, 1) ? 0 : 1;
  }
  diffattn::SerialLink link(o.port, o.baud, o.timeout_ms);
  diffattn::Layout l = diffattn::read_layout(link);
  std::string lanes = std::to_string(l.lanes) + (l.narrow ? " narrow" : "");
  lanes += l.out_lanes > 0 ? " DOT lanes and " + std::to_string(l.out_lanes) + " OUT lanes" : " lanes";
  std::printf("%s: diffattn with NMAX %d, DMAX %d, DVMAX %d, %s%s\n", o.port.c_str(), l.nmax, l.dmax, l.dvmax,
              lanes.c_str(), l.has_norm ? ", RMSNorm" : "");
  int cases = o.cases < 0 ? 5 : o.cases, failed = 0;
  for (int i = 0; i < cases; ++i) failed += !check_head(link, make_head(o, l, rng), l, i + 1);
  std::printf("%d of %d heads bit-exact against the model\n", cases - failed, cases);
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "diffattn-host")) return 0;
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    auto number = [&]() {
      std::string v = value();
      char* end = nullptr;
      long x = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end || x < 0 || x > 100000000) throw std::invalid_argument(a + ": '" + v + "' is not a count");
      return static_cast<int>(x);
    };
    try {
      if (a == "--help" || a == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
      } else if (a == "--port") o.port = value();
      else if (a == "--script") o.script = value();
      else if (a == "--replies") o.replies = value();
      else if (a == "--baud") o.baud = number();
      else if (a == "--timeout-ms") o.timeout_ms = number();
      else if (a == "--cases") o.cases = number();
      else if (a == "--seed") o.seed = static_cast<unsigned>(number());
      else if (a == "--n") o.n = number();
      else if (a == "--d") o.d = number();
      else if (a == "--dv") o.dv = number();
      else if (a == "--nmax") o.layout.nmax = number();
      else if (a == "--dmax") o.layout.dmax = number();
      else if (a == "--dvmax") o.layout.dvmax = number();
      else if (a == "--causal") o.causal = true;
      else if (a == "--lambda") {
        std::string v = value();
        char* end = nullptr;
        o.lambda = std::strtod(v.c_str(), &end);
        if (v.empty() || *end || o.lambda < -2 || o.lambda >= 2)
          throw std::invalid_argument("--lambda: '" + v + "' is not a number in [-2, 2)");
      } else throw std::invalid_argument("unknown option '" + a + "'");
    } catch (const std::invalid_argument& e) {
      std::fprintf(stderr, "diffattn-host: %s\n%s", e.what(), kUsage);
      return 2;
    }
  }
  if (o.port.empty() == o.script.empty()) {
    std::fprintf(stderr, "diffattn-host: give --port or --script\n%s", kUsage);
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "diffattn-host: %s\n", e.what());
    return 2;
  }
}

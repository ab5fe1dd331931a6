// nandflow-random-design: writes a random Verilog module for differential testing
// (the VlogHammer approach): expressions over random widths and signedness with the
// operators Yosys accepts, plus registers with enables and resets, a small FSM and a
// small memory. The same seed always gives the same module.
//
//   nandflow-random-design SEED [-o FILE] [--comb] [--small]
//   (--comb: no clock, no registers; --small: narrow signals, shallow expressions)
//
// Every design is well defined in simulation, so RTL and netlist can be co-simulated:
// a division or remainder by zero is guarded (x / y becomes y != 1'b0 ? x / y : 1'b0), and
// every register has a reset or an initial value.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Signal {
  std::string name;
  int width;
  bool is_signed;
};

class Generator {
 public:
  Generator(unsigned seed, bool comb, bool small) : rng_(seed), comb_(comb), small_(small) {}

  std::string module() {
    std::ostringstream v;
    v << "// nandflow-random-design " << seed_line_ << "\nmodule random_design (\n";
    std::vector<std::string> ports;
    if (!comb_) {
      ports.push_back("    input wire clk");
      ports.push_back("    input wire rst");
    }
    int inputs = pick(2, 5);
    for (int i = 0; i < inputs; ++i) {
      Signal s{"in" + std::to_string(i), pick(1, small_ ? 4 : 8), coin()};
      signals_.push_back(s);
      ports.push_back("    input wire " + decl(s));
    }
    std::ostringstream body;
    int wires = small_ ? pick(2, 4) : pick(3, 8);
    for (int i = 0; i < wires; ++i) {
      Signal s{"w" + std::to_string(i), pick(1, small_ ? 5 : 10), coin()};
      body << "  wire " << decl(s) << " = " << expression(small_ ? 2 : 3, s.width) << ";\n";
      signals_.push_back(s);
    }
    if (!comb_) sequential(body);
    int outputs = pick(1, 4);
    for (int i = 0; i < outputs; ++i) {
      Signal s{"out" + std::to_string(i), pick(1, small_ ? 5 : 10), coin()};
      ports.push_back("    output wire " + decl(s));
      body << "  assign " << s.name << " = " << expression(2, s.width) << ";\n";
    }
    for (std::size_t i = 0; i < ports.size(); ++i) v << ports[i] << (i + 1 < ports.size() ? ",\n" : "\n");
    v << ");\n" << body.str() << "endmodule\n";
    return v.str();
  }

  void set_seed_line(const std::string& s) { seed_line_ = s; }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool coin() { return pick(0, 1) == 1; }
  const Signal& any() { return signals_[static_cast<std::size_t>(pick(0, static_cast<int>(signals_.size()) - 1))]; }

  static std::string decl(const Signal& s) {
    return std::string(s.is_signed ? "signed " : "") + (s.width > 1 ? "[" + std::to_string(s.width - 1) + ":0] " : "") +
           s.name;
  }

  std::string constant(int width) {
    unsigned v = static_cast<unsigned>(pick(0, (1 << std::min(width, 8)) - 1));
    return std::to_string(width) + "'d" + std::to_string(v);
  }

  // An operand: a signal, a part of one, a constant, or a cast.
  std::string leaf() {
    const Signal& s = any();
    switch (pick(0, 7)) {
      case 0: return constant(pick(1, 8));
      case 1: {
        if (s.width < 2) return s.name;
        int hi = pick(0, s.width - 1), lo = pick(0, hi);
        return s.name + "[" + std::to_string(hi) + ":" + std::to_string(lo) + "]";
      }
      case 2: {  // a variable part select: the index comes from another signal
        if (s.width < 3) return s.name;
        const Signal& idx = any();
        return s.name + "[$unsigned(" + idx.name + ") % 5'd" + std::to_string(s.width - 1) + " +: 2]";
      }
      case 3: return (s.is_signed ? "$unsigned(" : "$signed(") + s.name + ")";
      default: return s.name;
    }
  }

  std::string expression(int depth, int width) {
    if (depth == 0 || pick(0, 4) == 0) return leaf();
    std::string a = expression(depth - 1, width), b = expression(depth - 1, width);
    switch (pick(0, 18)) {
      case 0: return "(" + a + " + " + b + ")";
      case 1: return "(" + a + " - " + b + ")";
      case 2: return "(" + a + " * " + b + ")";
      // Sized zeros: an unsized 0 would make the whole expression 32 bits wide.
      case 3: return "((" + b + ") != 1'b0 ? (" + a + ") / (" + b + ") : 1'b0)";
      case 4: return "((" + b + ") != 1'b0 ? (" + a + ") % (" + b + ") : 1'b0)";
      case 5: return "(" + a + " << " + std::to_string(pick(0, 4)) + ")";
      case 6: return "(" + a + " >> " + b + ")";
      case 7: return "(" + a + " >>> " + std::to_string(pick(0, 4)) + ")";
      case 8: return "(" + a + " & " + b + ")";
      case 9: return "(" + a + " | " + b + ")";
      case 10: return "(" + a + " ^ " + b + ")";
      case 11: return "(~" + a + ")";
      case 12: return "(" + a + (coin() ? " < " : " >= ") + b + ")";
      case 13: return "(" + a + (coin() ? " == " : " != ") + b + ")";
      case 14: {
        const char* reduce[] = {"&", "|", "^", "~&", "~|", "~^", "!"};
        return "(" + std::string(reduce[pick(0, 6)]) + a + ")";
      }
      case 15: return "{" + a + ", " + b + "}";
      case 16: return "{" + std::to_string(pick(1, 3)) + "{" + leaf() + "}}";
      case 17: return "(" + a + (coin() ? " && " : " || ") + b + ")";
      default: return "(" + expression(depth - 1, 1) + " ? " + a + " : " + b + ")";
    }
  }

  // Registers with enables and resets (synchronous and asynchronous), an FSM, a memory.
  void sequential(std::ostringstream& body) {
    int regs = pick(1, 4);
    for (int i = 0; i < regs; ++i) {
      Signal r{"r" + std::to_string(i), pick(1, 8), coin()};
      std::string en = expression(1, 1), next = expression(2, r.width);
      switch (pick(0, 2)) {
        case 0:  // synchronous reset, enable (and an initial value: before the first clock
                 // edge a register with only a synchronous reset would be x)
          body << "  reg " << decl(r) << " = " << constant(r.width) << ";\n  always @(posedge clk)\n    if (rst) "
               << r.name << " <= "
               << constant(r.width) << ";\n    else if (" << en << ") " << r.name << " <= " << next << ";\n";
          break;
        case 1:  // asynchronous reset
          body << "  reg " << decl(r) << ";\n  always @(posedge clk or posedge rst)\n    if (rst) " << r.name
               << " <= " << constant(r.width) << ";\n    else " << r.name << " <= " << next << ";\n";
          break;
        default:  // an initial value, no reset
          body << "  reg " << decl(r) << " = " << constant(r.width) << ";\n  always @(posedge clk) if (" << en
               << ") " << r.name << " <= " << next << ";\n";
          break;
      }
      signals_.push_back(r);
    }
    if (coin()) {  // a small FSM
      body << "  reg [1:0] state = 2'd0;\n  always @(posedge clk)\n    if (rst) state <= 2'd0;\n    else case (state)\n";
      for (int s = 0; s < 4; ++s)
        body << "      2'd" << s << ": state <= (" << expression(1, 1) << ") ? 2'd" << pick(0, 3) << " : 2'd"
             << pick(0, 3) << ";\n";
      body << "    endcase\n";
      signals_.push_back({"state", 2, false});
    }
    if (coin()) {  // a small memory, written and read through signal-valued addresses
      int w = pick(2, 8);
      body << "  reg [" << w - 1 << ":0] mem [0:3];\n  integer k;\n  initial for (k = 0; k < 4; k = k + 1) mem[k] = 0;\n"
           << "  always @(posedge clk) if (" << expression(1, 1) << ") mem[$unsigned(" << leaf() << ") % 3'd4] <= " << expression(1, w)
           << ";\n  wire [" << w - 1 << ":0] mem_out = mem[$unsigned(" << leaf() << ") % 3'd4];\n";
      signals_.push_back({"mem_out", w, false});
    }
  }

  std::mt19937 rng_;
  bool comb_;
  bool small_;  // narrower signals and shallower expressions: quick to synthesise (make test)
  std::vector<Signal> signals_;
  std::string seed_line_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  bool comb = false, small = false;
  long seed = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << "usage: nandflow-random-design SEED [-o FILE] [--comb] [--small]\n\n"
                   "Writes a random Verilog module (random_design) for differential testing.\n";
      return 0;
    } else if (a == "-o" && i + 1 < argc) {
      out = argv[++i];
    } else if (a == "--comb") {
      comb = true;
    } else if (a == "--small") {
      small = true;
    } else if (!a.empty() && a.find_first_not_of("0123456789") == std::string::npos && a.size() < 10) {
      seed = std::stol(a);
    } else {
      std::cerr << "nandflow-random-design: bad argument '" << a << "'\n";
      return 2;
    }
  }
  if (seed < 0) {
    std::cerr << "nandflow-random-design: no seed (see --help)\n";
    return 2;
  }
  Generator g(static_cast<unsigned>(seed), comb, small);
  g.set_seed_line(std::to_string(seed) + (comb ? " --comb" : "") + (small ? " --small" : ""));
  std::string text = g.module();
  if (out.empty()) {
    std::cout << text;
  } else {
    std::ofstream f(out);
    f << text;
    if (!f) {
      std::cerr << "nandflow-random-design: cannot write " << out << "\n";
      return 1;
    }
  }
  return 0;
}

// nandflow-random-design: writes a random Verilog module for differential testing
// (the VlogHammer approach): expressions over random widths and signedness with the
// operators Yosys accepts, plus registers with enables and resets, a small FSM and a
// small memory. The same seed always gives the same module.
//
//   nandflow-random-design SEED [-o FILE] [--comb] [--small] [--testbench FILE [--cycles N]]
//   (--comb: no clock, no registers; --small: narrow signals, shallow expressions;
//    --testbench: also a self-checking Icarus testbench for the module and its netlist)
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
#include "nandflow_version.hpp"

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
      inputs_.push_back(s);
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
      outputs_.push_back(s);
      ports.push_back("    output wire " + decl(s));
      body << "  assign " << s.name << " = " << expression(2, s.width) << ";\n";
    }
    for (std::size_t i = 0; i < ports.size(); ++i) v << ports[i] << (i + 1 < ports.size() ? ",\n" : "\n");
    v << ");\n" << body.str() << "endmodule\n";
    return v.str();
  }

  void set_seed_line(const std::string& s) { seed_line_ = s; }

  // A self-checking testbench (call after module()): random_design and its netlist, renamed
  // random_design_net, under the same random inputs (and, with registers, a clock and a reset
  // that rises before the first clock edge, stays for two cycles and comes back now and then); after every input change and every
  // clock edge, each output bit the source defines (0 or 1) must be the same in the netlist.
  std::string testbench(int cycles) const {
    std::ostringstream t;
    t << "// Testbench for nandflow-random-design " << seed_line_ << ": source vs netlist (Icarus)\n"
      << "`timescale 1ns / 1ps\nmodule random_design_tb;\n";
    std::string conn_s, conn_n, all_s, all_n;
    int total = 0;
    if (!comb_) {
      t << "  reg clk = 1'b0, rst = 1'b0;\n";
      conn_s = conn_n = ".clk(clk), .rst(rst), ";
    }
    for (const Signal& s : inputs_) {
      t << "  reg " << range(s) << s.name << " = 0;\n";
      conn_s += "." + s.name + "(" + s.name + "), ";
      conn_n += "." + s.name + "(" + s.name + "), ";
    }
    for (std::size_t i = 0; i < outputs_.size(); ++i) {
      const Signal& s = outputs_[i];
      t << "  wire " << range(s) << s.name << "_s, " << s.name << "_n;\n";
      conn_s += "." + s.name + "(" + s.name + "_s)" + (i + 1 < outputs_.size() ? ", " : "");
      conn_n += "." + s.name + "(" + s.name + "_n)" + (i + 1 < outputs_.size() ? ", " : "");
      all_s += (all_s.empty() ? "" : ", ") + s.name + "_s";
      all_n += (all_n.empty() ? "" : ", ") + s.name + "_n";
      total += s.width;
    }
    t << "  random_design src (" << conn_s << ");\n  random_design_net net (" << conn_n << ");\n"
      << "  wire [" << total - 1 << ":0] got_s = {" << all_s << "}, got_n = {" << all_n << "};\n"
      << "  integer cycle, b, errors = 0;\n"
      << "  task check(input [39:0] when);\n"
      << "    for (b = 0; b < " << total << "; b = b + 1)\n"
      << "      if ((got_s[b] === 1'b0 || got_s[b] === 1'b1) && got_n[b] !== got_s[b]) begin\n"
      << "        if (errors < 5) $display(\"MISMATCH cycle %0d after %0s: output bit %0d, source %b, netlist %b\",\n"
      << "                                 cycle, when, b, got_s[b], got_n[b]);\n"
      << "        errors = errors + 1;\n"
      << "      end\n"
      << "  endtask\n"
      << "  initial begin\n";
    // A rising reset before the first clock edge: registers with an asynchronous reset and no
    // initial value start defined (a register that starts x makes the source ignore a write
    // to a memory it indexes, where the netlist, with the x made 0, writes: not a difference).
    if (!comb_) t << "    #1 rst = 1'b1;\n";
    t << "    for (cycle = 0; cycle < " << cycles << "; cycle = cycle + 1) begin\n";
    for (const Signal& s : inputs_) t << "      " << s.name << " = $random;\n";
    if (!comb_) {
      t << "      rst = cycle < 2 || ($random & 15) == 0;\n"
        << "      #1 check(\"inputs\");\n"
        << "      clk = 1'b1;\n      #1 check(\"rise\");\n"
        << "      clk = 1'b0;\n      #1 check(\"fall\");\n";
    } else {
      t << "      #1 check(\"inputs\");\n";
    }
    t << "    end\n"
      << "    if (errors != 0) $display(\"FAIL: %0d mismatches in " << cycles << " cycles\", errors);\n"
      << "    else $display(\"PASS: " << cycles << " cycles, " << total << " output bits\");\n"
      << "    $finish;\n  end\nendmodule\n";
    return t.str();
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool coin() { return pick(0, 1) == 1; }
  const Signal& any() { return signals_[static_cast<std::size_t>(pick(0, static_cast<int>(signals_.size()) - 1))]; }

  static std::string range(const Signal& s) { return s.width > 1 ? "[" + std::to_string(s.width - 1) + ":0] " : ""; }

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
  std::vector<Signal> inputs_, outputs_;
  std::string seed_line_;
};

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "nandflow-random-design")) return 0;
  std::string out, testbench;
  int cycles = 200;
  bool comb = false, small = false;
  long seed = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << "usage: nandflow-random-design SEED [-o FILE] [--comb] [--small] [--testbench FILE [--cycles N]]\n\n"
                   "Writes a random Verilog module (random_design) for differential testing; with\n"
                   "--testbench, also a self-checking Icarus testbench that runs it beside its netlist\n"
                   "(the netlist's module renamed random_design_net) for N cycles (default 200).\n";
      return 0;
    } else if (a == "-o" && i + 1 < argc) {
      out = argv[++i];
    } else if (a == "--testbench" && i + 1 < argc) {
      testbench = argv[++i];
    } else if (a == "--cycles" && i + 1 < argc) {
      cycles = std::atoi(argv[++i]);
      if (cycles < 1) {
        std::cerr << "nandflow-random-design: --cycles expects a positive number\n";
        return 2;
      }
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
  auto write = [](const std::string& path, const std::string& content) {
    std::ofstream f(path);
    f << content;
    if (!f) std::cerr << "nandflow-random-design: cannot write " << path << "\n";
    return static_cast<bool>(f);
  };
  if (out.empty()) std::cout << text;
  else if (!write(out, text)) return 1;
  if (!testbench.empty() && !write(testbench, g.testbench(cycles))) return 1;
  return 0;
}

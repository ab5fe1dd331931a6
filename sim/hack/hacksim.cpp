// hacksim: runs a Hack program on the Verilated Hack Computer (rtl/hack).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "VComputer.h"
#include "VComputer_Computer.h"
#include "VComputer_Memory.h"
#include "VComputer_RAM16K.h"
#include "VComputer_ROM32K.h"
#include "VComputer_Screen.h"
// Verilator 5.006 names the parameterised WordArray classes by parameter value:
// Ae is ADDRESS_BITS=14 (RAM16K), Ad is 13 (Screen).
#include "VComputer_WordArray__Ad.h"
#include "VComputer_WordArray__Ae.h"
#include "VComputer___024root.h"
#include "assembler.hpp"
#include "png.hpp"
#include "verilated.h"
#include "verilated_fst_c.h"

namespace {

const char* kHelp =
    "usage: hacksim PROGRAM.hack|PROGRAM.asm [options]\n"
    "\n"
    "Runs a Hack program on the Hack Computer RTL (rtl/hack/Computer.v) compiled by\n"
    "Verilator: reset for one cycle, then one instruction per clock.\n"
    "\n"
    "options:\n"
    "  --cycles N         clock cycles to run (default 10000)\n"
    "  --poke A=V         set RAM[A] to V before the run (repeatable)\n"
    "  --ram A-B          print RAM[A] .. RAM[B] after the run (repeatable; also --ram A)\n"
    "  --screen OUT.png   write the 512x256 screen as a PNG\n"
    "  --keys SCRIPT      key presses: lines 'CYCLE CODE', CODE a number or 'c' (0 = released)\n"
    "  --trace OUT.fst    write an FST waveform (GTKWave)\n";

[[noreturn]] void die(const std::string& msg, int code = 1) {
  std::cerr << "hacksim: " << msg << "\n";
  std::exit(code);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::uint16_t> load_program(const std::string& path) {
  std::string text = read_text(path);
  if (path.size() > 4 && path.substr(path.size() - 4) == ".asm") {
    try {
      return hack::assemble(text, path).words;
    } catch (const hack::AsmError& e) {
      die(e.what());
    }
  }
  std::vector<std::uint16_t> words;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line.size() != 16 || line.find_first_not_of("01") != std::string::npos)
      die(path + ":" + std::to_string(n) + ": not a 16-bit binary word: '" + line + "'");
    words.push_back(static_cast<std::uint16_t>(std::stoul(line, nullptr, 2)));
  }
  if (words.size() > 32768) die(path + ": longer than the 32K-word ROM");
  return words;
}

long number(const std::string& s, const std::string& what) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 0);
  if (s.empty() || *end) die("bad " + what + " '" + s + "'", 2);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  std::string program, screen, keys, trace;
  long cycles = 10000;
  std::vector<std::pair<long, long>> pokes, ranges;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(a + " needs a value", 2);
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      return 0;
    } else if (a == "--cycles") {
      cycles = number(value(), "cycle count");
    } else if (a == "--poke") {
      std::string v = value();
      auto eq = v.find('=');
      if (eq == std::string::npos) die("--poke expects ADDRESS=VALUE", 2);
      pokes.push_back({number(v.substr(0, eq), "address"), number(v.substr(eq + 1), "value")});
    } else if (a == "--ram") {
      std::string v = value();
      auto dash = v.find('-');
      long lo = number(v.substr(0, dash), "address");
      long hi = dash == std::string::npos ? lo : number(v.substr(dash + 1), "address");
      if (lo < 0 || hi > 32767 || lo > hi) die("bad RAM range '" + v + "'", 2);
      ranges.push_back({lo, hi});
    } else if (a == "--screen") {
      screen = value();
    } else if (a == "--keys") {
      keys = value();
    } else if (a == "--trace") {
      trace = value();
    } else if (!a.empty() && a[0] == '-') {
      die("unknown option '" + a + "'\n" + kHelp, 2);
    } else {
      program = a;
    }
  }
  if (program.empty()) die(std::string("no program\n") + kHelp, 2);
  std::vector<std::uint16_t> rom = load_program(program);

  std::map<long, int> key_events;  // cycle -> key code
  if (!keys.empty()) {
    std::istringstream in(read_text(keys));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream ls(line);
      std::string c, k;
      if (!(ls >> c >> k)) die(keys + ":" + std::to_string(n) + ": expected 'CYCLE CODE'");
      int code = (k.size() == 3 && k[0] == '\'' && k[2] == '\'') ? k[1] : static_cast<int>(number(k, "key code"));
      key_events[number(c, "cycle")] = code;
    }
  }

  auto ctx = std::make_unique<VerilatedContext>();
  if (!trace.empty()) ctx->traceEverOn(true);
  auto top = std::make_unique<VComputer>(ctx.get(), "TOP");
  std::unique_ptr<VerilatedFstC> tfp;
  if (!trace.empty()) {
    tfp = std::make_unique<VerilatedFstC>();
    top->trace(tfp.get(), 4);
    tfp->open(trace.c_str());
  }
  auto& root = *top->rootp;
  top->clk = 0;
  top->reset = 1;
  top->key = 0;
  top->eval();  // runs the initial blocks (memories cleared)
  for (std::size_t i = 0; i < rom.size(); ++i) root.Computer->rom->words[static_cast<int>(i)] = rom[i];
  for (auto [addr, val] : pokes) {
    if (addr < 0 || addr > 16383) die("--poke address " + std::to_string(addr) + " is outside RAM16K", 2);
    root.Computer->memory->ram->array->mem[static_cast<int>(addr)] = static_cast<std::uint16_t>(val);
  }
  std::uint64_t t = 0;
  auto half = [&](int clk) {
    top->clk = static_cast<CData>(clk);
    top->eval();
    if (tfp) tfp->dump(t);
    ++t;
  };
  // One reset cycle, then the program.
  half(1);
  half(0);
  top->reset = 0;
  for (long c = 0; c < cycles; ++c) {
    if (auto k = key_events.find(c); k != key_events.end()) top->key = static_cast<SData>(k->second);
    half(1);
    half(0);
  }
  top->final();
  if (tfp) tfp->close();

  auto ram = [&](long a) -> std::uint16_t {
    if (a < 16384) return root.Computer->memory->ram->array->mem[static_cast<int>(a)];
    if (a < 24576) return root.Computer->memory->screen->array->mem[static_cast<int>(a - 16384)];
    return a == 24576 ? top->key : 0;
  };
  for (auto [lo, hi] : ranges)
    for (long a = lo; a <= hi; ++a)
      std::printf("RAM[%ld] = %d\n", a, static_cast<int>(static_cast<std::int16_t>(ram(a))));
  if (!screen.empty()) {
    std::vector<std::uint16_t> words(8192);
    for (int i = 0; i < 8192; ++i) words[static_cast<std::size_t>(i)] = ram(16384 + i);
    try {
      hack::write_png_1bit(screen, 512, 256, hack::hack_screen_pixels(words));
    } catch (const std::exception& e) {
      die(e.what());
    }
  }
  return 0;
}

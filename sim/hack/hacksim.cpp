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

#include "VHackChips.h"
#include "chip_bench.hpp"
#include "assembler.hpp"
#include "png.hpp"
#include "nandflow_version.hpp"

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
  try {
    return hack::read_hack(text, path);
  } catch (const hack::AsmError& e) {
    die(e.what());
  }
}

long number(const std::string& s, const std::string& what) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 0);
  if (s.empty() || *end) die("bad " + what + " '" + s + "'", 2);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "hacksim")) return 0;
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

  hack::ChipBench bench;
  if (!trace.empty()) bench.trace(trace);
  VHackChips& top = bench.model();
  top.Computer_reset = 1;
  top.Computer_key = 0;
  bench.eval();
  try {
    bench.load_rom(rom);
    for (auto [addr, val] : pokes) {
      if (addr < 0 || addr > 16383) die("--poke address " + std::to_string(addr) + " is outside RAM16K", 2);
      bench.poke_ram(static_cast<int>(addr), static_cast<std::uint16_t>(val));
    }
  } catch (const std::exception& e) {
    die(e.what());
  }
  // One reset cycle, then the program.
  bench.cycle();
  top.Computer_reset = 0;
  for (long c = 0; c < cycles; ++c) {
    if (auto k = key_events.find(c); k != key_events.end()) top.Computer_key = static_cast<SData>(k->second);
    bench.cycle();
  }
  bench.finish();

  auto ram = [&](long a) { return bench.memory(static_cast<int>(a)); };
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

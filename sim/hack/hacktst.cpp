// hacktst: replays a nand2tetris test script (.tst) against the Verilated Hack chip it
// loads and compares the output with the script's .cmp file, as the course's hardware
// simulator does.
//
// Clocking. The course's simulator splits a cycle into `tick` (flip-flops sample their
// inputs) and `tock` (their outputs change); rows printed between the two show the old
// outputs with a '+' on the time, while built-ins like DRegister[] already show the new
// value. Our chips are posedge Verilog, so hacktst runs two copies of the model: the
// "shadow" copy takes the clock edge at tick (its state is what the built-ins show), the
// main copy takes it at tock, with the inputs as they were at tick. Both end every
// cycle in the same state.
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "assembler.hpp"
#include "chip_bench.hpp"
#include "tst_script.hpp"
#include "nandflow_version.hpp"

namespace {

namespace fs = std::filesystem;
using hack::tst::Command;
using Kind = Command::Kind;

const char* kHelp =
    "usage: hacktst SCRIPT.tst [options]\n"
    "\n"
    "Replays a nand2tetris test script against the chip it loads (the project 1 to 3\n"
    "chips, Memory, CPU, Computer from rtl/hack, compiled by Verilator) and compares\n"
    "each output row with the script's .cmp file: a '*' cell matches anything.\n"
    "Stops at the first differing row, prints it and exits 1.\n"
    "\n"
    "options:\n"
    "  -o, --out FILE    write the output rows here (default: the script's output-file,\n"
    "                    beside the script)\n"
    "  --no-out          write no .out file\n"
    "  --cmp FILE        compare with FILE instead of the script's compare-to\n"
    "  --key K           a key the simulated user presses when the script waits for one\n"
    "                    in a 'while' loop (Memory.tst): a character or a code; repeatable,\n"
    "                    used in order, each held until the next\n"
    "  --trace OUT.fst   write an FST waveform (GTKWave) of the run\n"
    "  -q, --quiet       print only failures\n";

constexpr long kWhileLimit = 100000;  // rounds; the official scripts need a handful

struct Failure {
  std::string message;
};

struct Options {
  std::string script, out, cmp, trace;
  bool no_out = false, quiet = false;
  std::deque<int> keys;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure{path + ": cannot open"};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A name the script reads or writes: a pin (maybe one bit of it), a built-in register,
// or RAM16K[i].
struct Target {
  const hack::PinInfo* pin = nullptr;
  int bit = -1;         // pin[bit]
  int ram_address = -1; // RAM16K[i]
};

class Runner {
 public:
  Runner(const Options& options, const hack::tst::Script& script)
      : options_(options), script_(script), dir_(fs::path(options.script).parent_path()), keys_(options.keys) {
    if (!options.trace.empty()) main_.trace(options.trace);
  }

  void run() {
    execute(script_.commands);
    if (!cmp_.empty() && rows_.size() < cmp_.size())
      fail(script_.commands.empty() ? 0 : script_.commands.back().line,
           "the script ended after " + std::to_string(rows_.size()) + " rows but " + cmp_name_ + " has " +
               std::to_string(cmp_.size()));
  }

  const std::vector<std::string>& rows() const { return rows_; }
  const std::string& out_name() const { return out_name_; }
  std::size_t compared() const { return cmp_.empty() ? 0 : rows_.size(); }

 private:
  [[noreturn]] void fail(int line, const std::string& msg) const {
    throw Failure{script_.path + ":" + std::to_string(line) + ": " + msg};
  }

  std::string resolve(const std::string& name) const { return (dir_ / name).string(); }

  Target target(const std::string& name, int line) const {
    if (chip_.empty()) fail(line, "'" + name + "' before any 'load'");
    Target t;
    std::string base = name;
    std::string index;
    if (auto open = name.find('['); open != std::string::npos) {
      base = name.substr(0, open);
      index = name.substr(open + 1, name.size() - open - 2);
    }
    if (base == "RAM16K" && chip_ == "Computer") {
      std::int64_t a = -1;
      if (!hack::tst::parse_value(index, a) || a < 0 || a > 16383) fail(line, "bad RAM16K address in '" + name + "'");
      t.ram_address = static_cast<int>(a);
      return t;
    }
    t.pin = hack::find_pin(chip_, base);
    if (!t.pin) fail(line, "chip " + chip_ + " has no pin or built-in '" + base + "'");
    if (t.pin->kind != hack::PinKind::Probe && name != base) {
      std::int64_t b = -1;
      if (!hack::tst::parse_value(index, b) || b < 0 || b >= t.pin->width)
        fail(line, "bad bit index in '" + name + "' (" + base + " has " + std::to_string(t.pin->width) + " bits)");
      t.bit = static_cast<int>(b);
    }
    return t;
  }

  // What the script sees: pins from the main copy, built-in state from the shadow copy.
  std::uint32_t read(const Target& t) const {
    if (t.ram_address >= 0) return shadow_.memory(t.ram_address);
    std::uint32_t v = t.pin->kind == hack::PinKind::Probe ? shadow_.get(*t.pin) : main_.get(*t.pin);
    return t.bit >= 0 ? (v >> t.bit) & 1 : v;
  }
  int width(const Target& t) const { return t.ram_address >= 0 ? 16 : t.bit >= 0 ? 1 : t.pin->width; }

  void write(const Target& t, std::int64_t value, int line) {
    if (t.ram_address >= 0) {
      for (auto* bench : {&main_, &shadow_}) bench->poke_ram(t.ram_address, static_cast<std::uint16_t>(value));
      return;
    }
    if (t.pin->kind != hack::PinKind::Input) fail(line, std::string(t.pin->pin) + " is not an input of " + chip_);
    std::uint32_t v = static_cast<std::uint32_t>(value);
    if (t.bit >= 0) {
      std::uint32_t old = main_.get(*t.pin);
      v = (old & ~(1u << t.bit)) | ((v & 1) << t.bit);
    }
    for (auto* bench : {&main_, &shadow_}) bench->set(*t.pin, v);
  }

  void load_chip(const Command& c) {
    std::string file = c.name;
    std::string stem = fs::path(file).stem().string(), ext = fs::path(file).extension().string();
    if (ext == ".asm" || ext == ".hack" || ext == ".tst")
      fail(c.line, "'load " + file + "' is a CPU-emulator script (project 4); run the program with hacksim");
    if (!hack::chip_exists(stem)) fail(c.line, "no chip named '" + stem + "' in rtl/hack");
    chip_ = stem;
    // The chip's inputs all start at 0, as in the course's simulator.
    for (const auto& p : hack::all_pins())
      if (chip_ == p.chip && p.kind == hack::PinKind::Input)
        for (auto* bench : {&main_, &shadow_}) bench->set(p, 0);
    eval();
  }

  void eval() {
    main_.eval();
    shadow_.eval();
  }

  std::vector<std::pair<const hack::PinInfo*, std::uint32_t>> inputs() const {
    std::vector<std::pair<const hack::PinInfo*, std::uint32_t>> values;
    for (const auto& p : hack::all_pins())
      if (chip_ == p.chip && p.kind == hack::PinKind::Input) values.push_back({&p, main_.get(p)});
    return values;
  }

  void tick() {
    if (plus_) return;
    at_tick_ = inputs();
    shadow_.cycle();
    main_.eval();
    plus_ = true;
  }

  void tock() {
    if (!plus_) tick();
    auto now = inputs();
    for (auto [pin, v] : at_tick_) main_.set(*pin, v);
    main_.cycle();
    for (auto [pin, v] : now) main_.set(*pin, v);
    eval();
    plus_ = false;
    ++time_;
  }

  void output(int line) {
    if (columns_.empty()) fail(line, "'output' before 'output-list'");
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].name == "time")
        cells.push_back(hack::tst::format_time(columns_[i], time_, plus_));
      else
        cells.push_back(hack::tst::format_cell(columns_[i], read(targets_[i]), width(targets_[i])));
    }
    emit(hack::tst::join_row(cells), line);
  }

  void emit(const std::string& row, int line) {
    rows_.push_back(row);
    std::size_t n = rows_.size();
    if (cmp_.empty()) return;
    if (n > cmp_.size())
      fail(line, "output row " + std::to_string(n) + " but " + cmp_name_ + " has only " + std::to_string(cmp_.size()) +
                     " lines");
    if (!hack::tst::rows_match(row, cmp_[n - 1]))
      fail(line, "comparison failure at line " + std::to_string(n) + " of " + cmp_name_ + "\n  expected: " +
                     cmp_[n - 1] + "\n  got:      " + row);
  }

  bool condition(const Command& c) const {
    Target t = target(c.name, c.line);
    std::uint32_t raw = read(t);
    int w = width(t);
    std::int64_t v = w == 16 ? static_cast<std::int16_t>(raw) : static_cast<std::int64_t>(raw);
    const std::string& op = c.op;
    return op == "=" ? v == c.value : op == "<>" ? v != c.value : op == "<" ? v < c.value
         : op == ">" ? v > c.value : op == "<=" ? v <= c.value : v >= c.value;
  }

  void press_next_key() {
    const hack::PinInfo* key = hack::find_pin(chip_, "key");
    if (!key || keys_.empty()) return;
    for (auto* bench : {&main_, &shadow_}) bench->set(*key, static_cast<std::uint32_t>(keys_.front()));
    keys_.pop_front();
  }

  void execute(const std::vector<Command>& commands) {
    for (const auto& c : commands) {
      switch (c.kind) {
        case Kind::Load: load_chip(c); break;
        case Kind::OutputFile: out_name_ = c.name; break;
        case Kind::CompareTo: {
          cmp_name_ = options_.cmp.empty() ? c.name : options_.cmp;
          std::string path = options_.cmp.empty() ? resolve(c.name) : options_.cmp;
          cmp_ = hack::tst::compare_lines(read_text(path));
          break;
        }
        case Kind::OutputList: {
          columns_ = c.columns;
          targets_.clear();
          std::vector<int> widths;
          for (const auto& col : columns_) {
            targets_.push_back(col.name == "time" ? Target{} : target(col.name, c.line));
            widths.push_back(col.name == "time" ? 4 : width(targets_.back()));
          }
          emit(hack::tst::header_row(columns_, widths), c.line);
          break;
        }
        case Kind::Set: write(target(c.name, c.line), c.value, c.line); break;
        case Kind::Eval: eval(); break;
        case Kind::Tick: tick(); break;
        case Kind::Tock: tock(); break;
        case Kind::TickTock:
          fail(c.line, "'ticktock' belongs to CPU-emulator scripts (project 4); run the program with hacksim");
        case Kind::Output: output(c.line); break;
        case Kind::Echo:
          if (!options_.quiet) std::cout << "  echo: " << c.name << "\n";
          break;
        case Kind::ClearEcho:
        case Kind::Breakpoint: break;
        case Kind::RomLoad: {
          if (chip_ != "Computer") fail(c.line, "'ROM32K load' needs the Computer chip loaded");
          std::string path = resolve(c.name), text = read_text(path);
          std::vector<std::uint16_t> words;
          try {
            words = fs::path(path).extension() == ".asm" ? hack::assemble(text, path).words
                                                         : hack::read_hack(text, path);
            for (auto* bench : {&main_, &shadow_}) bench->load_rom(words);
          } catch (const std::exception& e) {
            fail(c.line, e.what());
          }
          eval();
          break;
        }
        case Kind::Repeat:
          for (int i = 0; i < c.count; ++i) execute(c.body);
          break;
        case Kind::While: {
          press_next_key();
          long n = 0;
          while (condition(c)) {
            if (++n > kWhileLimit)
              fail(c.line, "the while loop is still running after " + std::to_string(kWhileLimit) +
                               " rounds: does the script wait for a key press? give one with --key");
            execute(c.body);
          }
          break;
        }
      }
    }
  }

  const Options& options_;
  const hack::tst::Script& script_;
  fs::path dir_;
  std::deque<int> keys_;
  hack::ChipBench main_{"main"}, shadow_{"shadow"};
  std::string chip_, out_name_, cmp_name_;
  std::vector<std::string> cmp_, rows_;
  std::vector<hack::tst::Column> columns_;
  std::vector<Target> targets_;
  std::vector<std::pair<const hack::PinInfo*, std::uint32_t>> at_tick_;
  std::uint64_t time_ = 0;
  bool plus_ = false;
};

int parse_key(const std::string& s) {
  if (s.size() == 1 && !std::isdigit(static_cast<unsigned char>(s[0]))) return static_cast<unsigned char>(s[0]);
  std::int64_t v = 0;
  if (!hack::tst::parse_value(s, v) || v < 0 || v > 0xFFFF) throw Failure{"bad --key '" + s + "'"};
  return static_cast<int>(v);
}

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "hacktst")) return 0;
  Options options;
  try {
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw Failure{a + " needs a value"};
        return argv[++i];
      };
      if (a == "--help" || a == "-h") {
        std::cout << kHelp;
        return 0;
      } else if (a == "-o" || a == "--out") {
        options.out = value();
      } else if (a == "--no-out") {
        options.no_out = true;
      } else if (a == "--cmp") {
        options.cmp = value();
      } else if (a == "--key") {
        options.keys.push_back(parse_key(value()));
      } else if (a == "--trace") {
        options.trace = value();
      } else if (a == "-q" || a == "--quiet") {
        options.quiet = true;
      } else if (!a.empty() && a[0] == '-') {
        throw Failure{"unknown option '" + a + "' (see --help)"};
      } else if (options.script.empty()) {
        options.script = a;
      } else {
        throw Failure{"one script at a time (see --help)"};
      }
    }
    if (options.script.empty()) throw Failure{"no script (see --help)"};
  } catch (const Failure& f) {
    std::cerr << "hacktst: " << f.message << "\n";
    return 2;
  }

  int status = 0;
  std::string out_path;
  std::vector<std::string> rows;
  std::size_t compared = 0;
  try {
    auto script = hack::tst::parse_script(read_text(options.script), options.script);
    Runner runner(options, script);
    try {
      runner.run();
      compared = runner.compared();
    } catch (const Failure& f) {
      std::cerr << "hacktst: " << f.message << "\n";
      status = 1;
    }
    // Whether it ran to the end or stopped at a failure, the rows produced so far.
    rows = runner.rows();
    if (!runner.out_name().empty()) out_path = (fs::path(options.script).parent_path() / runner.out_name()).string();
  } catch (const Failure& f) {  // before the run: the script cannot be read
    std::cerr << "hacktst: " << f.message << "\n";
    return 1;
  } catch (const hack::tst::ScriptError& e) {
    std::cerr << "hacktst: " << e.what() << "\n";
    return 1;
  }

  // The .out file, as the course's simulator writes it: every row produced, up to the
  // first failing one.
  if (!options.out.empty()) out_path = options.out;
  if (!options.no_out && !out_path.empty()) {
    std::ofstream out(out_path, std::ios::binary);
    for (const auto& r : rows) out << r << "\n";
    if (!out) std::cerr << "hacktst: warning: cannot write " << out_path << "\n";
  }
  if (status == 0 && !options.quiet) {
    if (compared)
      std::cout << "hacktst: " << options.script << ": " << compared << " lines match the compare file\n";
    else
      std::cout << "hacktst: " << options.script << ": " << rows.size() << " lines (no compare-to)\n";
  }
  return status;
}

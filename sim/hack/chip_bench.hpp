// ChipBench: the Verilated model of every Hack chip (sim/hack/generated/HackChips.v),
// with its pins reachable by chip and pin name, the clock, and the Computer's memories.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

class VHackChips;
class VerilatedContext;
class VerilatedFstC;

namespace hack {

enum class PinKind {
  Input,   // driven by the test
  Output,  // read by the test
  Probe,   // built-in state the course's scripts read, e.g. DRegister[] of the CPU
};

struct PinInfo {
  const char* chip;
  const char* pin;
  int width;
  PinKind kind;
  void (*write)(VHackChips&, std::uint32_t);  // null unless kind == Input
  std::uint32_t (*read)(const VHackChips&);
};

// Every pin of every chip, from the generated table.
const std::vector<PinInfo>& all_pins();
// The pin `pin` of `chip`, or null.
const PinInfo* find_pin(const std::string& chip, const std::string& pin);
bool chip_exists(const std::string& chip);

class ChipBench {
 public:
  // `name` must differ between the benches of one process (it names the model's scopes).
  explicit ChipBench(const std::string& name = "TOP");
  ~ChipBench();
  ChipBench(const ChipBench&) = delete;
  ChipBench& operator=(const ChipBench&) = delete;

  void set(const PinInfo& pin, std::uint32_t value);
  std::uint32_t get(const PinInfo& pin) const;
  void eval();
  // One clock cycle: the rising edge (every flip-flop samples), then the falling edge.
  void cycle();

  // The Hack Computer's ROM and its memory map (RAM16K, SCREEN, KBD = the key input).
  void load_rom(const std::vector<std::uint16_t>& words);
  std::uint16_t memory(int address) const;
  void poke_ram(int address, std::uint16_t value);  // RAM16K only: 0..16383

  // Writes an FST waveform of every signal from now on (call before the first eval).
  void trace(const std::string& path);
  void finish();  // flushes the waveform

  VHackChips& model() { return *model_; }

 private:
  void dump();
  std::unique_ptr<VHackChips> model_;
  std::unique_ptr<VerilatedFstC> fst_;
  std::uint64_t time_ = 0;
};

}  // namespace hack

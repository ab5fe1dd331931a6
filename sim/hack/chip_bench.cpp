#include "chip_bench.hpp"

#include <stdexcept>
#include <string_view>
#include <type_traits>

#include "VHackChips.h"
#include "VHackChips_Computer.h"
#include "VHackChips_HackChips.h"
#include "VHackChips_Memory.h"
#include "VHackChips_RAM16K.h"
#include "VHackChips_ROM32K.h"
#include "VHackChips_Screen.h"
// Verilator 5 names the parameterised WordArray classes by parameter value:
// Ae is ADDRESS_BITS = 14 (RAM16K), Ad is 13 (Screen).
#include "VHackChips_WordArray__Ad.h"
#include "VHackChips_WordArray__Ae.h"
#include "VHackChips___024root.h"
#include "verilated.h"
#include "verilated_fst_c.h"

namespace hack {
namespace {

// Used by the generated table: each Verilated port has its own integer type.
template <typename Port>
void assign_pin(Port& port, std::uint32_t value) {
  port = static_cast<std::remove_reference_t<Port>>(value);
}

const std::vector<PinInfo> kPins = {
#include "generated/hack_chips_pins.inc"
};

}  // namespace

const std::vector<PinInfo>& all_pins() { return kPins; }

const PinInfo* find_pin(const std::string& chip, const std::string& pin) {
  for (const auto& p : kPins)
    if (chip == p.chip && pin == p.pin) return &p;
  return nullptr;
}

bool chip_exists(const std::string& chip) {
  for (const auto& p : kPins)
    if (chip == p.chip) return true;
  return false;
}

namespace {
// One context for every model of the process. Verilator 5.006 unregisters a model's
// scopes from the thread's current context, so models living in separate contexts
// hang or crash when destroyed in the wrong order.
VerilatedContext& shared_context() {
  static VerilatedContext* context = [] {
    auto* c = new VerilatedContext;  // never deleted: must outlive every model
    c->traceEverOn(true);
    return c;
  }();
  return *context;
}
}  // namespace

ChipBench::ChipBench(const std::string& name) {
  model_ = std::make_unique<VHackChips>(&shared_context(), name.c_str());
  model_->clk = 0;
  model_->eval();  // runs the initial blocks: memories cleared
}

ChipBench::~ChipBench() {
  finish();
  model_->final();
}

void ChipBench::set(const PinInfo& pin, std::uint32_t value) {
  if (!pin.write) throw std::logic_error(std::string(pin.chip) + "." + pin.pin + " is not an input");
  pin.write(*model_, value);
}

std::uint32_t ChipBench::get(const PinInfo& pin) const { return pin.read(*model_); }

void ChipBench::eval() {
  model_->eval();
  dump();
}

void ChipBench::cycle() {
  model_->clk = 1;
  eval();
  model_->clk = 0;
  eval();
}

void ChipBench::dump() {
  if (fst_) fst_->dump(time_);
  ++time_;
}

void ChipBench::load_rom(const std::vector<std::uint16_t>& words) {
  if (words.size() > 32768) throw std::invalid_argument("program longer than the 32K-word ROM");
  auto& rom = model_->rootp->HackChips->Computer_i->rom->words;
  for (int i = 0; i < 32768; ++i)
    rom[i] = i < static_cast<int>(words.size()) ? words[static_cast<std::size_t>(i)] : 0;
}

std::uint16_t ChipBench::memory(int address) const {
  auto& computer = *model_->rootp->HackChips->Computer_i;
  if (address >= 0 && address < 16384) return computer.memory->ram->array->mem[address];
  if (address >= 16384 && address < 24576) return computer.memory->screen->array->mem[address - 16384];
  return address == 24576 ? model_->Computer_key : 0;
}

void ChipBench::poke_ram(int address, std::uint16_t value) {
  if (address < 0 || address >= 16384) throw std::invalid_argument("RAM16K address out of range");
  model_->rootp->HackChips->Computer_i->memory->ram->array->mem[address] = value;
}

void ChipBench::trace(const std::string& path) {
  fst_ = std::make_unique<VerilatedFstC>();
  model_->trace(fst_.get(), 99);
  fst_->open(path.c_str());
}

void ChipBench::finish() {
  if (fst_) {
    fst_->close();
    fst_.reset();
  }
}

}  // namespace hack

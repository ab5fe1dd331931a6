// libFuzzer target: the Hack assembler and the .hack reader. Any input must assemble or be
// refused with an AsmError; a program that assembles must survive the round trip through
// its .hack text unchanged (checked, since a wrong word is as bad as a crash).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "assembler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    hack::AsmResult result = hack::assemble(text, "fuzz.asm");
    if (hack::read_hack(hack::to_hack_text(result.words), "fuzz.hack") != result.words) std::abort();
  } catch (const hack::AsmError&) {
  }
  try {
    (void)hack::read_hack(text, "fuzz.hack");
  } catch (const hack::AsmError&) {
  }
  return 0;
}

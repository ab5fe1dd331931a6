// libFuzzer target: the AIGER check nandflow runs before Yosys's read_aiger
// (io/check_aiger). Any input must be accepted or refused with a UserError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/check_aiger.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)nandflow::check_aiger(text, "fuzz.aig");
  } catch (const nandflow::UserError&) {
  }
  return 0;
}

// libFuzzer target: nandflow's reader of Yosys JSON netlists (io/read_yosys_json). Any input
// must end in a Design or a UserError; every other outcome (another exception, a crash, a
// sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/read_yosys_json.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    nandflow::refuse_unsupported_cells_text(text, "fuzz.json");
  } catch (const nandflow::UserError&) {
  }
  try {
    nandflow::module_hierarchy_text(text, "fuzz.json");
  } catch (const nandflow::UserError&) {
  }
  try {
    nandflow::Design design = nandflow::read_yosys_json_text(text, "fuzz.json");
    (void)design.aig.num_latches();
  } catch (const nandflow::UserError&) {
  }
  return 0;
}

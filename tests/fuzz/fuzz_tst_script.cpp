// libFuzzer target: the nand2tetris test-script (.tst) parser and the .cmp reader/matcher
// that hacktst uses. Any input must parse or be refused with a ScriptError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tst_script.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    hack::tst::Script script = hack::tst::parse_script(text, "fuzz.tst");
    (void)script;
  } catch (const hack::tst::ScriptError&) {
  }
  // A .cmp file: its lines, and each compared with the next as got/expected rows.
  std::vector<std::string> lines = hack::tst::compare_lines(text);
  for (std::size_t i = 1; i < lines.size(); ++i) (void)hack::tst::rows_match(lines[i - 1], lines[i]);
  std::int64_t value = 0;
  (void)hack::tst::parse_value(text.substr(0, 64), value);
  return 0;
}

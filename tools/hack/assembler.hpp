// The Hack assembler (nand2tetris chapter 6) as a library: assembly text in,
// 16-bit instruction words out.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace hack {

// An error in an assembly program: "file:line: reason".
struct AsmError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct AsmResult {
  std::vector<std::uint16_t> words;
  std::map<std::string, int> labels;     // label -> ROM address
  std::map<std::string, int> variables;  // variable -> RAM address (from 16)
};

// Assembles `source`; `file` names it in error messages. Accepts any order of the
// letters A, D and M in a destination (MD, DM, AMD, ADM, ...). Throws AsmError.
AsmResult assemble(const std::string& source, const std::string& file = "<input>");

// The .hack text: one 16-character binary line per word.
std::string to_hack_text(const std::vector<std::uint16_t>& words);

// Reads a .hack file's text: one 16-character binary word per line (CRLF accepted,
// empty lines skipped). Throws AsmError naming the file and line of a bad word, or if
// the program does not fit the 32K-word ROM.
std::vector<std::uint16_t> read_hack(const std::string& text, const std::string& file = "<input>");

}  // namespace hack

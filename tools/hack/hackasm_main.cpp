// hackasm: the Hack assembler. hackasm FILE.asm [-o FILE.hack]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "assembler.hpp"
#include "nandflow_version.hpp"

namespace {

const char* kHelp =
    "usage: hackasm FILE.asm [-o FILE.hack]\n"
    "\n"
    "Assembles a Hack program (nand2tetris chapter 6): labels, variables from RAM[16],\n"
    "the predefined symbols (R0-R15, SP, LCL, ARG, THIS, THAT, SCREEN, KBD), and any\n"
    "order of A, D and M in a destination. Writes FILE.hack beside the source unless\n"
    "-o says otherwise. Errors name the file and line, and exit 1 with no output file.\n";

}  // namespace

int main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "hackasm")) return 0;
  std::string input, output;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::cout << kHelp;
      return 0;
    }
    if (!std::strcmp(argv[i], "-o")) {
      if (i + 1 >= argc) {
        std::cerr << "hackasm: -o needs a file name\n";
        return 2;
      }
      output = argv[++i];
    } else if (argv[i][0] == '-') {
      std::cerr << "hackasm: unknown option '" << argv[i] << "'\n" << kHelp;
      return 2;
    } else if (input.empty()) {
      input = argv[i];
    } else {
      std::cerr << "hackasm: more than one input file\n";
      return 2;
    }
  }
  if (input.empty()) {
    std::cerr << kHelp;
    return 2;
  }
  if (output.empty()) {
    output = input;
    auto dot = output.rfind('.');
    auto slash = output.rfind('/');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) output.erase(dot);
    output += ".hack";
  }
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "hackasm: " << input << ": cannot open\n";
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    hack::AsmResult r = hack::assemble(ss.str(), input);
    std::string tmp = output + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << hack::to_hack_text(r.words);
      if (!out) {
        std::cerr << "hackasm: " << output << ": cannot write\n";
        std::remove(tmp.c_str());
        return 1;
      }
    }
    if (std::rename(tmp.c_str(), output.c_str()) != 0) {
      std::cerr << "hackasm: " << output << ": cannot write\n";
      std::remove(tmp.c_str());
      return 1;
    }
  } catch (const hack::AsmError& e) {
    std::cerr << "hackasm: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

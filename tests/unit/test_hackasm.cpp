// The Hack assembler: encodings, symbols, and errors with file and line.
#include <gtest/gtest.h>

#include "assembler.hpp"

using hack::assemble;
using hack::AsmError;

namespace {
std::uint16_t one(const std::string& line) { return assemble(line + "\n").words.at(0); }

std::string error_of(const std::string& src) {
  try {
    assemble(src, "prog.asm");
  } catch (const AsmError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(HackAsm, EncodingsMatchTheSpecCrossCheckValues) {
  EXPECT_EQ(one("D=A"), 0xEC10);
  EXPECT_EQ(one("M=D"), 0xE308);
  EXPECT_EQ(one("0;JMP"), 0xEA87);
  EXPECT_EQ(one("D;JGT"), 0xE301);
  EXPECT_EQ(one("AM=M-1"), 0xFCA8);
  EXPECT_EQ(one("MD=M+1"), 0xFDD8);
  EXPECT_EQ(one("D=D-M"), 0xF4D0);
  EXPECT_EQ(one("A=-1"), 0xEEA0);
  EXPECT_EQ(one("D=D+A"), 0xE090);
  EXPECT_EQ(one("@SCREEN"), 0x4000);
  EXPECT_EQ(one("@KBD"), 0x6000);
  EXPECT_EQ(one("@32767"), 0x7FFF);
}

TEST(HackAsm, DestinationLettersInAnyOrder) {
  EXPECT_EQ(one("DM=D+1"), one("MD=D+1"));
  EXPECT_EQ(one("ADM=0"), one("AMD=0"));
  EXPECT_EQ(one("MA=1"), one("AM=1"));
}

TEST(HackAsm, LabelsVariablesAndPredefinedSymbols) {
  auto r = assemble(
      "// comment\n"
      "  @i      // variable 16\n"
      "  M=1\n"
      "(LOOP)\n"
      "  @sum    // variable 17\n"
      "  @LOOP\n"
      "  0;JMP\n"
      "  @END    // used before its definition\n"
      "(END)\n"
      "  @i\n"
      "  @R15\n"
      "  @THAT\n");
  ASSERT_EQ(r.words.size(), 9u);
  EXPECT_EQ(r.words[0], 16);
  EXPECT_EQ(r.words[2], 17);
  EXPECT_EQ(r.words[3], 2);  // LOOP is the address of @sum
  EXPECT_EQ(r.words[5], 6);  // END binds to the next instruction
  EXPECT_EQ(r.words[6], 16);
  EXPECT_EQ(r.words[7], 15);
  EXPECT_EQ(r.words[8], 4);
  EXPECT_EQ(r.labels.at("END"), 6);
  EXPECT_EQ(r.variables.size(), 2u);
}

TEST(HackAsm, HackTextIsSixteenBitsPerLine) {
  EXPECT_EQ(hack::to_hack_text({0xEA87, 5}), "1110101010000111\n0000000000000101\n");
}

TEST(HackAsm, ErrorsNameFileLineAndReason) {
  EXPECT_EQ(error_of("@1\nD=Q\n"), "prog.asm:2: unknown computation 'Q' in 'D=Q'");
  EXPECT_EQ(error_of("\n\n@32768\n"), "prog.asm:3: value 32768 out of range (0..32767)");
  EXPECT_EQ(error_of("(X)\n@1\n(X)\n"), "prog.asm:3: duplicate label 'X'");
  EXPECT_EQ(error_of("@1bad\n"), "prog.asm:1: bad number '1bad'");
  EXPECT_EQ(error_of("@a-b\n"), "prog.asm:1: bad symbol 'a-b'");
  EXPECT_EQ(error_of("0;JMPX\n"), "prog.asm:1: unknown jump 'JMPX'");
  EXPECT_EQ(error_of("X=D\n"), "prog.asm:1: unknown destination 'X'");
  EXPECT_EQ(error_of("DD=1\n"), "prog.asm:1: unknown destination 'DD'");
  EXPECT_EQ(error_of("(LOOP\n"), "prog.asm:1: label '(LOOP' has no closing ')'");
  EXPECT_EQ(error_of("@\n"), "prog.asm:1: '@' without a value or symbol");
}

// The nand2tetris test-script language: parsing both editions, the output-list column
// formats, and the .cmp comparison rule.
#include <gtest/gtest.h>

#include "tst_script.hpp"

using namespace hack::tst;
using Kind = Command::Kind;

namespace {
std::string error_of(const std::string& text) {
  try {
    parse_script(text, "t.tst");
  } catch (const ScriptError& e) {
    return e.what();
  }
  return "";
}
Column col(const std::string& item) {
  auto s = parse_script("output-list " + item + ";", "t.tst");
  return s.commands.at(0).columns.at(0);
}
}  // namespace

TEST(TstScript, ParsesTheCommandsOfACpuScript) {
  auto s = parse_script(
      "// comment\nload CPU.hdl,\noutput-file CPU.out,\ncompare-to CPU.cmp,\n"
      "output-list time%S0.4.0 inM%D0.6.0 DRegister[]%D1.6.1;\n"
      "/* a\n block */ set instruction %B0011000000111001, // @12345\n"
      "tick, output, tock, output;\n",
      "CPU.tst");
  ASSERT_EQ(s.commands.size(), 9u);
  EXPECT_EQ(s.commands[0].kind, Kind::Load);
  EXPECT_EQ(s.commands[0].name, "CPU.hdl");
  EXPECT_EQ(s.commands[3].columns.size(), 3u);
  EXPECT_EQ(s.commands[3].columns[2].name, "DRegister[]");
  EXPECT_EQ(s.commands[4].kind, Kind::Set);
  EXPECT_EQ(s.commands[4].line, 7);  // after the two-line block comment
  EXPECT_EQ(s.commands[4].value, 0x3039);
  EXPECT_EQ(s.commands[5].kind, Kind::Tick);
  EXPECT_EQ(s.commands[8].kind, Kind::Output);
}

TEST(TstScript, ParsesBlocksAndTheFirstEditionsCrlf) {
  auto s = parse_script(
      "load Computer.hdl,\r\nROM32K load Max.hack,\r\nset RAM16K[0] 3,\r\n"
      "repeat 14 {\r\n  tick, tock, output;\r\n}\r\n"
      "while out <> 75 {\r\n    tick, tock,\r\n}\r\necho \"hold 'K'\";\r\nclear-echo,\r\n",
      "ComputerMax.tst");
  ASSERT_EQ(s.commands.size(), 7u);
  EXPECT_EQ(s.commands[1].kind, Kind::RomLoad);
  EXPECT_EQ(s.commands[1].name, "Max.hack");
  EXPECT_EQ(s.commands[2].name, "RAM16K[0]");
  EXPECT_EQ(s.commands[3].kind, Kind::Repeat);
  EXPECT_EQ(s.commands[3].count, 14);
  EXPECT_EQ(s.commands[3].body.size(), 3u);
  EXPECT_EQ(s.commands[4].kind, Kind::While);
  EXPECT_EQ(s.commands[4].name, "out");
  EXPECT_EQ(s.commands[4].op, "<>");
  EXPECT_EQ(s.commands[4].value, 75);
  EXPECT_EQ(s.commands[4].body.size(), 2u);
  EXPECT_EQ(s.commands[5].name, "hold 'K'");
}

TEST(TstScript, ValuesInEveryRadix) {
  std::int64_t v = 0;
  EXPECT_TRUE(parse_value("%B0101", v));
  EXPECT_EQ(v, 5);
  EXPECT_TRUE(parse_value("%XFFFF", v));
  EXPECT_EQ(v, 0xFFFF);
  EXPECT_TRUE(parse_value("%D12", v));
  EXPECT_EQ(v, 12);
  EXPECT_TRUE(parse_value("-1", v));
  EXPECT_EQ(v, -1);
  EXPECT_FALSE(parse_value("%B012", v));
  EXPECT_FALSE(parse_value("twelve", v));
  EXPECT_FALSE(parse_value("", v));
}

TEST(TstScript, ErrorsNameFileLineAndProblem) {
  EXPECT_EQ(error_of("load And.hdl,\nfrobnicate;"), "t.tst:2: unknown command 'frobnicate'");
  EXPECT_EQ(error_of("set a %B2;"), "t.tst:1: bad value '%B2' (expected 12, -1, %B0101, %X1F or %D12)");
  EXPECT_EQ(error_of("\n\n/* never closed"), "t.tst:3: comment opened with /* is never closed");
  EXPECT_EQ(error_of("repeat 3 { tick,"), "t.tst:1: the script ends inside a '{' block");
  EXPECT_EQ(error_of("tick }"), "t.tst:1: '}' without a matching '{'");
  EXPECT_EQ(error_of("output-list a%Q1.1.1;"),
            "t.tst:1: bad output-list item 'a%Q1.1.1' (expected name or name%D1.6.1)");
  EXPECT_EQ(error_of("set a 1 set b 0;"), "t.tst:1: expected ',' or ';' after 'set' (line 1), found 'set'");
  EXPECT_EQ(error_of("echo \"unterminated\n\";"), "t.tst:1: string opened with \" is not closed on its line");
  EXPECT_EQ(error_of("set"), "t.tst:1: expected a pin name after 'set' but the script ends");
  EXPECT_EQ(error_of("while out ~ 3 { tick }"), "t.tst:1: bad while condition 'out ~ 3 ' (expected e.g. 'out <> 75')");
}

TEST(TstScript, HeaderCentresAndTruncatesNames) {
  std::vector<Column> cols = {col("time%S0.4.0"), col("DRegister[]%D1.6.1"), col("addressM%D0.5.0"),
                              col("address%B1.15.1"), col("a")};
  EXPECT_EQ(header_row(cols, {4, 16, 15, 15, 1}), "|time|DRegiste|addre|     address     | a |");
  EXPECT_EQ(header_row({col("in%D1.6.1")}, {16}), "|   in   |");
  // Without a format a bus is printed in binary at its own width.
  EXPECT_EQ(header_row({col("in")}, {8}), "|    in    |");
}

TEST(TstScript, CellFormats) {
  EXPECT_EQ(format_cell(col("out%D1.6.1"), 0xFFFF, 16), "     -1 ");
  EXPECT_EQ(format_cell(col("out%D1.6.1"), 12345, 16), "  12345 ");
  // A 15-bit pin is never negative.
  EXPECT_EQ(format_cell(col("pc%D0.5.0"), 0x7FFF, 15), "32767");
  EXPECT_EQ(format_cell(col("sel%B2.3.2"), 5, 3), "  101  ");
  EXPECT_EQ(format_cell(col("a"), 1, 1), " 1 ");
  EXPECT_EQ(format_cell(col("a"), 0xA5, 8), " 10100101 ");
  EXPECT_EQ(format_cell(col("x%X1.4.1"), 0x4fcf, 16), " 4FCF ");
  EXPECT_EQ(format_time(col("time%S1.3.1"), 0, true), " 0+  ");
  EXPECT_EQ(format_time(col("time%S0.4.0"), 12, false), "12  ");
  EXPECT_EQ(format_time(col("time%S1.4.1"), 7, true), " 7+   ");
  EXPECT_EQ(join_row({" 0 ", " 1 "}), "| 0 | 1 |");
}

TEST(TstScript, ComparisonTrimsCellsAndHonoursDontCares) {
  EXPECT_TRUE(rows_match("|0+  |     0|      5|", "| 0+ |0|*******|"));
  EXPECT_TRUE(rows_match("|  12 |", "|12|"));
  EXPECT_FALSE(rows_match("|  12 |", "|13|"));
  EXPECT_FALSE(rows_match("| 1 | 2 |", "| 1 |"));
  auto lines = compare_lines("|a|b|\r\n| 0 | 1 |\r\n\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "| 0 | 1 |");
}

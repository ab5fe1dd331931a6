// The nand2tetris test-script language (.tst) and its output format (.out/.cmp):
// parsing, the column formats of output-list, and the official comparison rule.
// Running a script against a chip is hacktst's job (sim/hack/hacktst.cpp); this part
// needs no simulator, so it is unit-tested on its own.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace hack::tst {

// A problem in a script: the message names the file and line.
struct ScriptError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One output-list item: name%<radix><pad_left>.<width>.<pad_right>, e.g. out%D1.6.1.
// Without a format the course prints binary, one space either side.
struct Column {
  std::string name;  // pin, "time", or a built-in like DRegister[] or RAM16K[3]
  char radix = 'B';  // B binary, D decimal, X hex, S string (the time column)
  int pad_left = 1, width = 0, pad_right = 1;  // width 0: the pin's own width
  bool has_format = false;
};

struct Command {
  enum class Kind {
    Load, OutputFile, CompareTo, OutputList, Set, Eval, Tick, Tock, TickTock, Output,
    Echo, ClearEcho, Breakpoint, RomLoad, Repeat, While,
  };
  Kind kind = Kind::Eval;
  int line = 0;
  std::string name;   // load/output-file/compare-to/ROM32K load: the file; set/while: the target; echo: the text
  std::int64_t value = 0;      // set / while: the value
  std::string op;              // while: = <> < > <= >=
  int count = 0;               // repeat
  std::vector<Column> columns; // output-list
  std::vector<Command> body;   // repeat / while
};

struct Script {
  std::string path;
  std::vector<Command> commands;
};

// Parses a script (either edition: CRLF or LF, // and /* */ comments).
Script parse_script(const std::string& text, const std::string& path);

// A value as the scripts write it: 12, -1, %B0101, %XFFFF, %D12.
// Returns false if `text` is not a value.
bool parse_value(const std::string& text, std::int64_t& value);

// The header row of an output-list: each name centred in its column.
// `widths` gives each column's pin width, used when a column has no format.
std::string header_row(const std::vector<Column>& columns, const std::vector<int>& widths);

// One cell: `value` of a pin `pin_width` bits wide, formatted as the column says.
std::string format_cell(const Column& column, std::uint32_t value, int pin_width);
// The time cell: "12" after tock, "12+" after tick.
std::string format_time(const Column& column, std::uint64_t time, bool plus);
// Joins cells into a row: |a|b|c|
std::string join_row(const std::vector<std::string>& cells);

// The official rule: rows match cell by cell after trimming spaces, and an expected cell
// containing '*' matches anything.
bool rows_match(const std::string& got, const std::string& expected);

// The lines of a .cmp file, '\r' removed, trailing empty lines dropped.
std::vector<std::string> compare_lines(const std::string& text);

}  // namespace hack::tst

#include "tst_script.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace hack::tst {
namespace {

struct Token {
  std::string text;
  int line;
  bool quoted = false;  // a "string"
};

bool is_punct(char c) { return c == ',' || c == ';' || c == '{' || c == '}'; }

std::vector<Token> tokenize(const std::string& text, const std::string& path) {
  std::vector<Token> tokens;
  int line = 1;
  std::size_t i = 0, n = text.size();
  auto error = [&](const std::string& msg) { throw ScriptError(path + ":" + std::to_string(line) + ": " + msg); };
  while (i < n) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      int start = line;
      i += 2;
      while (i + 1 < n && !(text[i] == '*' && text[i + 1] == '/')) {
        if (text[i] == '\n') ++line;
        ++i;
      }
      if (i + 1 >= n) {
        line = start;
        error("comment opened with /* is never closed");
      }
      i += 2;
    } else if (c == '"') {
      std::size_t end = text.find('"', i + 1);
      if (end == std::string::npos || text.find('\n', i + 1) < end) error("string opened with \" is not closed on its line");
      tokens.push_back({text.substr(i + 1, end - i - 1), line, true});
      i = end + 1;
    } else if (is_punct(c)) {
      tokens.push_back({std::string(1, c), line});
      ++i;
    } else {
      std::size_t start = i;
      while (i < n && !std::isspace(static_cast<unsigned char>(text[i])) && !is_punct(text[i]) && text[i] != '"' &&
             !(text[i] == '/' && i + 1 < n && (text[i + 1] == '/' || text[i + 1] == '*')))
        ++i;
      tokens.push_back({text.substr(start, i - start), line});
    }
  }
  return tokens;
}

bool parse_column(const std::string& item, Column& column) {
  static const std::regex with_format(R"(^([A-Za-z_][A-Za-z0-9_]*(\[[0-9]*\])?)%([BDXS])([0-9]+)\.([0-9]+)\.([0-9]+)$)");
  static const std::regex plain(R"(^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]*\])?$)");
  std::smatch m;
  if (std::regex_match(item, m, with_format)) {
    try {
      column = {m[1].str(), m[3].str()[0], std::stoi(m[4].str()), std::stoi(m[5].str()), std::stoi(m[6].str()), true};
    } catch (const std::out_of_range&) {
      return false;
    }
    return column.pad_left <= 100 && column.width >= 1 && column.width <= 100 && column.pad_right <= 100;
  }
  if (std::regex_match(item, plain)) {
    column = Column{item};
    return true;
  }
  return false;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string path) : tokens_(std::move(tokens)), path_(std::move(path)) {}

  std::vector<Command> block(bool nested) {
    std::vector<Command> commands;
    while (pos_ < tokens_.size()) {
      if (peek() == "}") {
        if (!nested) error(tokens_[pos_].line, "'}' without a matching '{'");
        return commands;
      }
      if (peek() == "," || peek() == ";") {  // an empty command
        ++pos_;
        continue;
      }
      commands.push_back(command());
    }
    if (nested) error(tokens_.back().line, "the script ends inside a '{' block");
    return commands;
  }

 private:
  [[noreturn]] void error(int line, const std::string& msg) const {
    throw ScriptError(path_ + ":" + std::to_string(line) + ": " + msg);
  }
  std::string peek() const { return pos_ < tokens_.size() && !tokens_[pos_].quoted ? tokens_[pos_].text : ""; }
  bool at_end() const { return pos_ >= tokens_.size(); }
  const Token& next(const std::string& what, int line) {
    if (at_end()) error(line, "expected " + what + " but the script ends");
    return tokens_[pos_++];
  }
  std::string word(const std::string& what, int line) {
    const Token& t = next(what, line);
    if (t.quoted || is_punct(t.text[0])) error(t.line, "expected " + what + ", found '" + t.text + "'");
    return t.text;
  }
  // After a command: ',' or ';', or nothing before '}' and at the end of the script.
  void separator(const Command& c, const std::string& keyword) {
    if (at_end() || peek() == "}") return;
    if (peek() == "," || peek() == ";") {
      ++pos_;
      return;
    }
    error(tokens_[pos_].line, "expected ',' or ';' after '" + keyword + "' (line " + std::to_string(c.line) +
                                  "), found '" + tokens_[pos_].text + "'");
  }
  std::vector<Command> braced_body(int line) {
    if (peek() != "{") error(at_end() ? line : tokens_[pos_].line, "expected '{'");
    ++pos_;
    auto body = block(true);
    ++pos_;  // the '}'
    if (peek() == "," || peek() == ";") ++pos_;
    return body;
  }

  Command command() {
    const Token& t = tokens_[pos_++];
    if (t.quoted) error(t.line, "unexpected string \"" + t.text + "\"");
    using K = Command::Kind;
    Command c;
    c.line = t.line;
    const std::string& k = t.text;
    if (k == "load" || k == "output-file" || k == "compare-to") {
      c.kind = k == "load" ? K::Load : k == "output-file" ? K::OutputFile : K::CompareTo;
      c.name = word("a file name after '" + k + "'", t.line);
    } else if (k == "output-list") {
      c.kind = K::OutputList;
      while (!at_end() && peek() != "," && peek() != ";" && peek() != "}") {
        const Token& item = tokens_[pos_++];
        Column column;
        if (item.quoted || !parse_column(item.text, column))
          error(item.line, "bad output-list item '" + item.text + "' (expected name or name%D1.6.1)");
        c.columns.push_back(column);
      }
      if (c.columns.empty()) error(t.line, "output-list names no columns");
    } else if (k == "set") {
      c.kind = K::Set;
      c.name = word("a pin name after 'set'", t.line);
      std::string v = word("a value after 'set " + c.name + "'", t.line);
      if (!parse_value(v, c.value)) error(t.line, "bad value '" + v + "' (expected 12, -1, %B0101, %X1F or %D12)");
    } else if (k == "eval" || k == "tick" || k == "tock" || k == "ticktock" || k == "output" || k == "clear-echo" ||
               k == "breakpoint") {
      c.kind = k == "eval" ? K::Eval : k == "tick" ? K::Tick : k == "tock" ? K::Tock : k == "ticktock" ? K::TickTock
             : k == "output" ? K::Output : k == "clear-echo" ? K::ClearEcho : K::Breakpoint;
    } else if (k == "echo") {
      c.kind = K::Echo;
      const Token& s = next("a \"text\" after 'echo'", t.line);
      if (!s.quoted) error(s.line, "expected a \"text\" after 'echo'");
      c.name = s.text;
    } else if (k == "ROM32K") {
      c.kind = K::RomLoad;
      if (word("'load' after 'ROM32K'", t.line) != "load") error(t.line, "expected 'ROM32K load FILE'");
      c.name = word("a file name after 'ROM32K load'", t.line);
    } else if (k == "repeat") {
      c.kind = K::Repeat;
      std::string n = word("a count after 'repeat'", t.line);
      std::int64_t count = 0;
      if (!parse_value(n, count) || count < 0 || count > 100000000)
        error(t.line, "bad repeat count '" + n + "'");
      c.count = static_cast<int>(count);
      c.body = braced_body(t.line);
      return c;
    } else if (k == "while") {
      c.kind = K::While;
      std::string cond;
      while (!at_end() && peek() != "{" && peek() != "," && peek() != ";") cond += tokens_[pos_++].text + " ";
      static const std::regex condition(R"(^\s*(\S+?)\s*(<>|<=|>=|=|<|>)\s*(\S+)\s*$)");
      std::smatch m;
      if (!std::regex_match(cond, m, condition) || !parse_value(m[3].str(), c.value))
        error(t.line, "bad while condition '" + cond + "' (expected e.g. 'out <> 75')");
      c.name = m[1].str();
      c.op = m[2].str();
      c.body = braced_body(t.line);
      return c;
    } else {
      error(t.line, "unknown command '" + k + "'");
    }
    separator(c, k);
    return c;
  }

  std::vector<Token> tokens_;
  std::string path_;
  std::size_t pos_ = 0;
};

std::string repeat_char(char c, int n) { return std::string(static_cast<std::size_t>(std::max(n, 0)), c); }

}  // namespace

Script parse_script(const std::string& text, const std::string& path) {
  Parser parser(tokenize(text, path), path);
  return {path, parser.block(false)};
}

bool parse_value(const std::string& text, std::int64_t& value) {
  static const std::regex binary("^%B([01]{1,32})$"), hex("^%X([0-9A-Fa-f]{1,8})$"), decimal("^(%D)?(-?[0-9]{1,10})$");
  std::smatch m;
  if (std::regex_match(text, m, binary)) {
    value = static_cast<std::int64_t>(std::stoull(m[1].str(), nullptr, 2));
  } else if (std::regex_match(text, m, hex)) {
    value = static_cast<std::int64_t>(std::stoull(m[1].str(), nullptr, 16));
  } else if (std::regex_match(text, m, decimal)) {
    value = std::stoll(m[2].str());
  } else {
    return false;
  }
  return true;
}

std::string header_row(const std::vector<Column>& columns, const std::vector<int>& widths) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    int width = c.width ? c.width : (i < widths.size() ? widths[i] : 1);
    int total = c.pad_left + width + c.pad_right;
    std::string name = c.name.substr(0, static_cast<std::size_t>(total));
    int space = total - static_cast<int>(name.size());
    cells.push_back(repeat_char(' ', space / 2) + name + repeat_char(' ', space - space / 2));
  }
  return join_row(cells);
}

std::string format_cell(const Column& column, std::uint32_t value, int pin_width) {
  int width = column.width ? column.width : pin_width;
  std::string text;
  switch (column.radix) {
    case 'D': {
      // Pins are 16-bit words in the course's simulator: a 16-bit pin is two's complement,
      // a narrower one (address, pc) is never negative.
      std::uint32_t masked = pin_width >= 32 ? value : (value & ((1u << pin_width) - 1));
      long v = pin_width == 16 ? static_cast<std::int16_t>(masked) : static_cast<long>(masked);
      text = std::to_string(v);
      if (static_cast<int>(text.size()) < width) text = repeat_char(' ', width - static_cast<int>(text.size())) + text;
      break;
    }
    case 'X': {
      static const char* digits = "0123456789ABCDEF";
      for (int i = width - 1; i >= 0; --i) text += i < 8 ? digits[(value >> (4 * i)) & 15] : '0';
      break;
    }
    default:  // 'B' (and 'S' on a pin, which the course prints as binary too)
      for (int i = width - 1; i >= 0; --i) text += i < 32 && ((value >> i) & 1) ? '1' : '0';
      break;
  }
  return repeat_char(' ', column.pad_left) + text + repeat_char(' ', column.pad_right);
}

std::string format_time(const Column& column, std::uint64_t time, bool plus) {
  std::string text = std::to_string(time) + (plus ? "+" : "");
  int width = column.width ? column.width : 4;
  if (static_cast<int>(text.size()) < width) text += repeat_char(' ', width - static_cast<int>(text.size()));
  return repeat_char(' ', column.pad_left) + text + repeat_char(' ', column.pad_right);
}

std::string join_row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const auto& c : cells) row += c + "|";
  return row;
}

namespace {
std::vector<std::string> split_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (char c : row) {
    if (c == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(cell);
  for (auto& c : cells) {
    auto b = c.find_first_not_of(" \t"), e = c.find_last_not_of(" \t");
    c = b == std::string::npos ? "" : c.substr(b, e - b + 1);
  }
  return cells;
}
}  // namespace

bool rows_match(const std::string& got, const std::string& expected) {
  auto g = split_cells(got), e = split_cells(expected);
  if (g.size() != e.size()) return false;
  for (std::size_t i = 0; i < g.size(); ++i)
    if (g[i] != e[i] && e[i].find('*') == std::string::npos) return false;
  return true;
}

std::vector<std::string> compare_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else if (c != '\r') {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(line);
  while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string::npos) lines.pop_back();
  return lines;
}

}  // namespace hack::tst

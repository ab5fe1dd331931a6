#include "io/check_aiger.hpp"

#include <vector>

#include "util/error.hpp"

namespace nandflow {
namespace {

// Large enough for any circuit nandflow can hold, small enough that the table of defined
// variables below stays a few tens of megabytes whatever a header claims.
constexpr unsigned long kMaxVar = 1ul << 28;

class AigerChecker {
 public:
  AigerChecker(const std::string& text, const std::string& path) : text_(text), path_(path) {}

  check_aiger_stats run() {
    std::vector<unsigned long> header = read_header();
    binary_ = header_kind_ == "aig";
    check_aiger_stats& s = stats_;
    s.max_var = header[0], s.inputs = header[1], s.latches = header[2], s.outputs = header[3], s.ands = header[4];
    for (std::size_t i = 5; i < header.size(); ++i)
      if (header[i] != 0)
        fail("the header declares bad-state, constraint, justice or fairness properties; nandflow reads "
             "combinational and sequential logic only");
    if (s.max_var > kMaxVar) fail("maximum variable index " + std::to_string(s.max_var) + " is too large");
    if (s.inputs + s.latches + s.ands > s.max_var)
      fail("the header's M = " + std::to_string(s.max_var) + " is less than I + L + A = " +
           std::to_string(s.inputs + s.latches + s.ands));
    if (binary_ && s.inputs + s.latches + s.ands != s.max_var)
      fail("a binary AIGER file needs M = I + L + A");
    defined_.assign(s.max_var + 1, false);
    defined_[0] = true;  // the constants

    std::vector<unsigned long> used;  // literals read before their variable may be defined
    if (binary_) {
      for (unsigned long i = 1; i <= s.inputs; ++i) defined_[i] = true;
    } else {
      for (unsigned long i = 0; i < s.inputs; ++i) define(read_line_literals(1, 1, "input")[0], "input");
    }
    for (unsigned long i = 0; i < s.latches; ++i) {
      std::vector<unsigned long> l = read_line_literals(binary_ ? 1 : 2, binary_ ? 2 : 3, "latch");
      std::size_t next = 0;
      if (!binary_) define(l[0], "latch"), next = 1;
      else defined_[s.inputs + i + 1] = true;
      check_range(l[next]);
      used.push_back(l[next]);
      if (l.size() > next + 1) {
        unsigned long reset = l[next + 1];
        unsigned long self = binary_ ? 2 * (s.inputs + i + 1) : l[0];
        if (reset != 0 && reset != 1 && reset != self)
          fail("latch reset value " + std::to_string(reset) + " is not 0, 1 or the latch's own literal");
      }
    }
    for (unsigned long i = 0; i < s.outputs; ++i) {
      unsigned long lit = read_line_literals(1, 1, "output")[0];
      check_range(lit);
      used.push_back(lit);
    }
    if (binary_) {
      read_binary_ands();
    } else {
      for (unsigned long i = 0; i < s.ands; ++i) {
        std::vector<unsigned long> a = read_line_literals(3, 3, "AND gate");
        check_range(a[1]), check_range(a[2]);
        used.push_back(a[1]), used.push_back(a[2]);
        define(a[0], "AND gate");
      }
    }
    // Inputs, latches and gates may be given in any order in ASCII files, so undefined
    // variables are found once everything is read.
    for (unsigned long lit : used)
      if (!defined_[lit / 2])
        fail_at(0, "literal " + std::to_string(lit) + " uses variable " + std::to_string(lit / 2) +
                       ", which no input, latch or AND gate defines");
    // The rest is the optional symbol table and comment section, which Yosys reads.
    return stats_;
  }

 private:
  [[noreturn]] void fail(const std::string& msg) { fail_at(line_, msg); }
  [[noreturn]] void fail_at(unsigned long line, const std::string& msg) {
    throw UserError(path_ + (line ? ":" + std::to_string(line) : std::string()) + ": " + msg);
  }

  std::vector<unsigned long> read_header() {
    line_ = 1;
    std::size_t eol = text_.find('\n');
    std::string line = text_.substr(0, eol);
    pos_ = eol == std::string::npos ? text_.size() : eol + 1;
    if (line.rfind("aag ", 0) == 0) header_kind_ = "aag";
    else if (line.rfind("aig ", 0) == 0) header_kind_ = "aig";
    else fail("not an AIGER file: the first line must start with 'aag' or 'aig'");
    std::vector<unsigned long> numbers = parse_numbers(line.substr(4), "header");
    if (numbers.size() < 5 || numbers.size() > 9)
      fail("the header needs M I L O A (and optionally B C J F), found " + std::to_string(numbers.size()) +
           " numbers");
    if (eol == std::string::npos) fail("the file ends after the header");
    return numbers;
  }

  // Splits one line into unsigned decimal numbers separated by single spaces.
  std::vector<unsigned long> parse_numbers(const std::string& line, const char* what) {
    std::vector<unsigned long> out;
    std::size_t i = 0;
    while (i < line.size()) {
      if (line[i] < '0' || line[i] > '9')
        fail(std::string("unexpected character in the ") + what + " line: '" + printable(line[i]) + "'");
      unsigned long v = 0;
      while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
        v = v * 10 + static_cast<unsigned long>(line[i] - '0');
        if (v > 2 * kMaxVar + 1) fail(std::string("number too large in the ") + what + " line");
        ++i;
      }
      out.push_back(v);
      if (i < line.size()) {
        if (line[i] != ' ' || i + 1 == line.size())
          fail(std::string("unexpected character in the ") + what + " line: '" + printable(line[i]) + "'");
        ++i;
      }
    }
    return out;
  }

  std::vector<unsigned long> read_line_literals(std::size_t min, std::size_t max, const char* what) {
    ++line_;
    if (pos_ >= text_.size()) fail(std::string("the file ends where ") + article(what) + what + " line was expected");
    std::size_t eol = text_.find('\n', pos_);
    if (eol == std::string::npos) fail(std::string("the ") + what + " line has no end (missing newline)");
    std::string line = text_.substr(pos_, eol - pos_);
    pos_ = eol + 1;
    std::vector<unsigned long> v = parse_numbers(line, what);
    if (v.size() < min || v.size() > max)
      fail(std::string(article(what)) + what + " line needs " + std::to_string(min) +
           (min == max ? "" : " to " + std::to_string(max)) + (max == 1 ? " number" : " numbers") + ", found " + std::to_string(v.size()));
    return v;
  }

  void check_range(unsigned long lit) {
    if (lit / 2 > stats_.max_var)
      fail("literal " + std::to_string(lit) + " exceeds the maximum variable index " + std::to_string(stats_.max_var));
  }

  void define(unsigned long lit, const char* what) {
    check_range(lit);
    if (lit % 2 != 0) fail(std::string("the ") + what + " literal " + std::to_string(lit) + " is odd (negated)");
    if (lit < 2) fail(std::string("the ") + what + " literal " + std::to_string(lit) + " is a constant");
    if (defined_[lit / 2]) fail("variable " + std::to_string(lit / 2) + " is defined twice");
    defined_[lit / 2] = true;
  }

  // Binary AND gates: for gate i, lhs = 2 (I + L + i + 1), then two 7-bit varints, the
  // deltas lhs - rhs0 and rhs0 - rhs1, with rhs0 < lhs and rhs1 <= rhs0.
  void read_binary_ands() {
    const check_aiger_stats& s = stats_;
    for (unsigned long i = 0; i < s.ands; ++i) {
      unsigned long lhs = 2 * (s.inputs + s.latches + i + 1);
      std::size_t start = pos_;
      unsigned long d0 = read_varint(i), d1 = read_varint(i);
      if (d0 == 0 || d0 > lhs)
        fail_binary(start, i, "first delta " + std::to_string(d0) + " is out of range for gate literal " + std::to_string(lhs));
      unsigned long rhs0 = lhs - d0;
      if (d1 > rhs0)
        fail_binary(start, i, "second delta " + std::to_string(d1) + " is larger than the first input literal " + std::to_string(rhs0));
      defined_[lhs / 2] = true;
    }
  }

  unsigned long read_varint(unsigned long gate) {
    unsigned long v = 0;
    std::size_t start = pos_;
    for (int shift = 0;; shift += 7) {
      if (pos_ >= text_.size()) fail_binary(start, gate, "the file ends inside the AND gates");
      if (shift > 28) fail_binary(start, gate, "a delta is longer than five bytes");
      unsigned char byte = static_cast<unsigned char>(text_[pos_++]);
      v |= static_cast<unsigned long>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
  }

  [[noreturn]] void fail_binary(std::size_t byte, unsigned long gate, const std::string& msg) {
    throw UserError(path_ + ": byte " + std::to_string(byte) + " (AND gate " + std::to_string(gate) + "): " + msg);
  }

  static std::string printable(char c) {
    if (c == '\r') return "\\r";
    if (c == '\t') return "\\t";
    if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126) {
      static const char* hex = "0123456789abcdef";
      unsigned char u = static_cast<unsigned char>(c);
      return std::string("\\x") + hex[u >> 4] + hex[u & 15];
    }
    return std::string(1, c);
  }
  static const char* article(const char* word) {
    return word[0] == 'A' || word[0] == 'i' || word[0] == 'o' ? "an " : "a ";
  }

  const std::string& text_;
  const std::string& path_;
  std::string header_kind_;
  bool binary_ = false;
  std::size_t pos_ = 0;
  unsigned long line_ = 0;
  check_aiger_stats stats_;
  std::vector<bool> defined_;
};

}  // namespace

check_aiger_stats check_aiger(const std::string& text, const std::string& path) {
  return AigerChecker(text, path).run();
}

}  // namespace nandflow

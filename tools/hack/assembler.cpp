#include "assembler.hpp"

#include <cctype>
#include <sstream>

namespace hack {
namespace {

// comp mnemonic -> the 7 bits a c1..c6 (HACK_SPEC.md section 3).
const std::map<std::string, int>& comp_table() {
  static const std::map<std::string, int> t = {
      {"0", 0x2A},   {"1", 0x3F},   {"-1", 0x3A},  {"D", 0x0C},   {"A", 0x30},   {"!D", 0x0D},
      {"!A", 0x31},  {"-D", 0x0F},  {"-A", 0x33},  {"D+1", 0x1F}, {"A+1", 0x37}, {"D-1", 0x0E},
      {"A-1", 0x32}, {"D+A", 0x02}, {"D-A", 0x13}, {"A-D", 0x07}, {"D&A", 0x00}, {"D|A", 0x15},
      {"M", 0x70},   {"!M", 0x71},  {"-M", 0x73},  {"M+1", 0x77}, {"M-1", 0x72}, {"D+M", 0x42},
      {"D-M", 0x53}, {"M-D", 0x47}, {"D&M", 0x40}, {"D|M", 0x55},
      // Commutative spellings the web IDE also accepts.
      {"A+D", 0x02}, {"M+D", 0x42}, {"A&D", 0x00}, {"M&D", 0x40}, {"A|D", 0x15}, {"M|D", 0x55},
  };
  return t;
}

const std::map<std::string, int>& jump_table() {
  static const std::map<std::string, int> t = {{"JGT", 1}, {"JEQ", 2}, {"JGE", 3}, {"JLT", 4},
                                               {"JNE", 5}, {"JLE", 6}, {"JMP", 7}};
  return t;
}

const std::map<std::string, int>& predefined() {
  static const std::map<std::string, int> t = [] {
    std::map<std::string, int> m = {{"SP", 0},     {"LCL", 1},        {"ARG", 2},   {"THIS", 3},
                                    {"THAT", 4},   {"SCREEN", 16384}, {"KBD", 24576}};
    for (int i = 0; i < 16; ++i) m["R" + std::to_string(i)] = i;
    return m;
  }();
  return t;
}

bool symbol_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$' || c == ':';
}

bool valid_symbol(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!symbol_char(c)) return false;
  return true;
}

struct Line {
  int number;
  std::string text;  // without comments and whitespace
};

}  // namespace

AsmResult assemble(const std::string& source, const std::string& file) {
  auto fail = [&](int line, const std::string& why) -> AsmError {
    return AsmError(file + ":" + std::to_string(line) + ": " + why);
  };
  // Strip comments and all whitespace (Hack has no whitespace inside instructions).
  std::vector<Line> lines;
  std::istringstream in(source);
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    auto comment = raw.find("//");
    if (comment != std::string::npos) raw.erase(comment);
    std::string text;
    for (char c : raw)
      if (!std::isspace(static_cast<unsigned char>(c))) text += c;
    if (!text.empty()) lines.push_back({number, text});
  }

  // Pass 1: labels.
  AsmResult result;
  int rom = 0;
  for (const Line& l : lines) {
    if (l.text[0] != '(') {
      ++rom;
      continue;
    }
    if (l.text.back() != ')') throw fail(l.number, "label '" + l.text + "' has no closing ')'");
    std::string name = l.text.substr(1, l.text.size() - 2);
    if (!valid_symbol(name)) throw fail(l.number, "bad label name '" + name + "'");
    if (predefined().count(name)) throw fail(l.number, "label '" + name + "' redefines a predefined symbol");
    if (result.labels.count(name)) throw fail(l.number, "duplicate label '" + name + "'");
    result.labels[name] = rom;
  }

  // Pass 2: instructions.
  int next_variable = 16;
  for (const Line& l : lines) {
    const std::string& t = l.text;
    if (t[0] == '(') continue;
    if (t[0] == '@') {
      std::string v = t.substr(1);
      if (v.empty()) throw fail(l.number, "'@' without a value or symbol");
      int value;
      if (std::isdigit(static_cast<unsigned char>(v[0]))) {
        if (v.find_first_not_of("0123456789") != std::string::npos) throw fail(l.number, "bad number '" + v + "'");
        if (v.size() > 5 || std::stol(v) > 32767) throw fail(l.number, "value " + v + " out of range (0..32767)");
        value = static_cast<int>(std::stol(v));
      } else {
        if (!valid_symbol(v)) throw fail(l.number, "bad symbol '" + v + "'");
        if (auto p = predefined().find(v); p != predefined().end()) {
          value = p->second;
        } else if (auto lab = result.labels.find(v); lab != result.labels.end()) {
          value = lab->second;
        } else {
          auto [it, inserted] = result.variables.emplace(v, next_variable);
          if (inserted) ++next_variable;
          value = it->second;
        }
      }
      result.words.push_back(static_cast<std::uint16_t>(value));
      continue;
    }
    // C-instruction: dest=comp;jump
    std::string dest, comp = t, jump;
    if (auto eq = comp.find('='); eq != std::string::npos) {
      dest = comp.substr(0, eq);
      comp = comp.substr(eq + 1);
      if (dest.empty()) throw fail(l.number, "empty destination before '='");
    }
    if (auto semi = comp.find(';'); semi != std::string::npos) {
      jump = comp.substr(semi + 1);
      comp = comp.substr(0, semi);
      if (jump.empty()) throw fail(l.number, "empty jump after ';'");
    }
    int d = 0;
    for (char c : dest) {
      int bit = c == 'A' ? 4 : c == 'D' ? 2 : c == 'M' ? 1 : 0;
      if (!bit || (d & bit)) throw fail(l.number, "unknown destination '" + dest + "'");
      d |= bit;
    }
    auto c = comp_table().find(comp);
    if (c == comp_table().end()) throw fail(l.number, "unknown computation '" + comp + "' in '" + t + "'");
    int j = 0;
    if (!jump.empty()) {
      auto jt = jump_table().find(jump);
      if (jt == jump_table().end()) throw fail(l.number, "unknown jump '" + jump + "'");
      j = jt->second;
    }
    result.words.push_back(static_cast<std::uint16_t>(0xE000 | (c->second << 6) | (d << 3) | j));
  }
  if (result.words.size() > 32768) throw fail(number, "program longer than the 32K-word ROM");
  return result;
}

std::string to_hack_text(const std::vector<std::uint16_t>& words) {
  std::string out;
  out.reserve(words.size() * 17);
  for (std::uint16_t w : words) {
    for (int b = 15; b >= 0; --b) out += ((w >> b) & 1) ? '1' : '0';
    out += '\n';
  }
  return out;
}

std::vector<std::uint16_t> read_hack(const std::string& text, const std::string& file) {
  std::vector<std::uint16_t> words;
  std::size_t start = 0;
  int n = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line.size() != 16 || line.find_first_not_of("01") != std::string::npos)
      throw AsmError(file + ":" + std::to_string(n) + ": not a 16-bit binary word: '" + line.substr(0, 40) + "'");
    words.push_back(static_cast<std::uint16_t>(std::stoul(line, nullptr, 2)));
  }
  if (words.size() > 32768) throw AsmError(file + ": longer than the 32K-word ROM");
  return words;
}

}  // namespace hack

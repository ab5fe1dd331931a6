#include "io/read_gate_blif.hpp"

#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "network/nand_builder.hpp"

namespace nandflow {

namespace {

struct GateLine {
  std::string type;
  std::string a, b, y;
};

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("reading ABC's netlist: " + what); }

// "i12" -> 12 when the name has that form.
bool numbered(const std::string& name, char prefix, std::size_t* k) {
  if (name.size() < 2 || name[0] != prefix) return false;
  std::size_t v = 0;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
    v = v * 10 + static_cast<std::size_t>(name[i] - '0');
  }
  *k = v;
  return true;
}

}  // namespace

NandNetwork read_gate_blif(const std::string& text, const std::vector<NandSig>& leaves, std::size_t num_outputs) {
  // Logical lines: continuations joined, comments dropped.
  std::vector<std::vector<std::string>> lines;
  {
    std::istringstream in(text);
    std::string line, joined;
    while (std::getline(in, line)) {
      if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
      bool more = !line.empty() && line.back() == '\\';
      if (more) line.pop_back();
      joined += line + " ";
      if (more) continue;
      std::istringstream words(joined);
      std::vector<std::string> w;
      for (std::string t; words >> t;) w.push_back(t);
      if (!w.empty()) lines.push_back(std::move(w));
      joined.clear();
    }
  }
  std::unordered_map<std::string, std::size_t> driver;  // net -> index into gates
  std::vector<GateLine> gates;
  for (const auto& w : lines) {
    if (w[0] != ".gate") continue;
    GateLine g;
    g.type = w.size() > 1 ? w[1] : "";
    for (std::size_t i = 2; i < w.size(); ++i) {
      auto eq = w[i].find('=');
      if (eq == std::string::npos) fail("bad pin '" + w[i] + "'");
      std::string pin = w[i].substr(0, eq), net = w[i].substr(eq + 1);
      (pin == "A" ? g.a : pin == "B" ? g.b : pin == "Y" ? g.y : (fail("unknown pin " + pin), g.y)) = net;
    }
    if (g.y.empty()) fail("a gate without output");
    if (!driver.emplace(g.y, gates.size()).second) fail("net " + g.y + " driven twice");
    gates.push_back(std::move(g));
  }
  for (const auto& w : lines)
    if (w[0] == ".names" || w[0] == ".latch" || w[0] == ".subckt") fail("unexpected " + w[0]);

  NandBuilder b(0);
  std::unordered_map<std::string, NandSig> value;
  // Depth-first from each net, without recursion (netlists can be deep).
  auto resolve = [&](const std::string& root) -> NandSig {
    std::vector<std::string> stack{root};
    while (!stack.empty()) {
      const std::string net = stack.back();
      if (value.count(net)) {
        stack.pop_back();
        continue;
      }
      auto it = driver.find(net);
      if (it == driver.end()) {
        std::size_t k = 0;
        if (!numbered(net, 'i', &k) || k >= leaves.size()) fail("undriven net " + net);
        value[net] = leaves[k];
        stack.pop_back();
        continue;
      }
      const GateLine& g = gates[it->second];
      bool ready = true;
      for (const std::string* in : {&g.a, &g.b})
        if (!in->empty() && !value.count(*in)) {
          if (stack.size() > gates.size() + 2) fail("combinational loop at " + net);
          stack.push_back(*in), ready = false;
        }
      if (!ready) continue;
      stack.pop_back();
      if (g.type == "NAND2") value[net] = b.nand(value.at(g.a), value.at(g.b));
      else if (g.type == "INV") value[net] = b.inv(value.at(g.a));
      else if (g.type == "BUF") value[net] = value.at(g.a);
      else if (g.type == "ZERO") value[net] = NandSig::const0();
      else if (g.type == "ONE") value[net] = NandSig::const1();
      else fail("unknown gate " + g.type);
    }
    return value.at(root);
  };
  std::vector<std::string> outputs;
  for (const auto& w : lines)
    if (w[0] == ".outputs") outputs.insert(outputs.end(), w.begin() + 1, w.end());
  std::vector<NandSig> out_sig(num_outputs);
  std::vector<bool> seen(num_outputs, false);
  for (const std::string& o : outputs) {
    std::size_t k = 0;
    if (!numbered(o, 'o', &k) || k >= num_outputs) fail("unexpected output " + o);
    out_sig[k] = resolve(o);
    seen[k] = true;
  }
  for (std::size_t k = 0; k < num_outputs; ++k)
    if (!seen[k]) fail("output o" + std::to_string(k) + " missing");
  b.net.outputs = std::move(out_sig);
  return std::move(b.net);
}

}  // namespace nandflow

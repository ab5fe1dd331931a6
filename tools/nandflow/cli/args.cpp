#include "cli/args.hpp"

#include "util/error.hpp"

namespace nandflow {

Args::Args(int argc, char** argv, const std::set<std::string>& with_value, const std::set<std::string>& flags) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    } else if (a.rfind("--", 0) != 0 && a.size() > 2 && with_value.count(a.substr(0, 2))) {
      name = a.substr(0, 2);  // -DNAME, -Idir, -O2
      value = a.substr(2);
      inline_value = true;
    }
    if (flags.count(name)) {
      if (inline_value) throw UserError("option " + name + " takes no value");
      values_[name].push_back("");
    } else if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argc) throw UserError("option " + name + " needs a value");
        value = argv[++i];
      }
      values_[name].push_back(value);
    } else {
      throw UserError("unknown option '" + a + "' (see --help)");
    }
  }
}

std::string Args::get(const std::string& opt, const std::string& fallback) const {
  auto it = values_.find(opt);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::all(const std::string& opt) const {
  static const std::vector<std::string> none;
  auto it = values_.find(opt);
  return it == values_.end() ? none : it->second;
}

}  // namespace nandflow

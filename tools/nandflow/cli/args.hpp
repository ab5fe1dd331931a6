// A small command-line parser shared by the subcommands: options with values
// (--top NAME, --top=NAME, -DNAME, -D NAME), flags, and positional arguments.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace nandflow {

class Args {
 public:
  // `with_value`: options that take a value; `flags`: options that do not.
  Args(int argc, char** argv, const std::set<std::string>& with_value, const std::set<std::string>& flags);

  bool has(const std::string& opt) const { return values_.count(opt) > 0; }
  std::string get(const std::string& opt, const std::string& fallback = "") const;
  const std::vector<std::string>& all(const std::string& opt) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace nandflow

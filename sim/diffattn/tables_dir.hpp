// Where the accelerator's tables (exp2.hex, rsqrt.hex) are at run time. The Verilated
// models read them by relative name, from the working directory of their first evaluation,
// so that an installed program needs no source tree: the folder is $DIFFATTN_TABLES if set,
// else PROGRAM_DIR/../share/nandflow/diffattn/tables (the install layout; the build tree
// keeps a copy in the same place relative to build/bin).
#pragma once

#include <string>

namespace diffattn {

// The folder; exits with a message naming where it looked when the tables are not there.
std::string tables_dir();

// Works in another directory for its lifetime (paths the program was given stay valid only
// if made absolute first).
class ScopedChdir {
 public:
  explicit ScopedChdir(const std::string& dir);
  ~ScopedChdir();
  ScopedChdir(const ScopedChdir&) = delete;
  ScopedChdir& operator=(const ScopedChdir&) = delete;

 private:
  std::string previous_;
};

}  // namespace diffattn

// Helpers shared by the unit tests.
#pragma once

#include <string>

#include "util/temp_dir.hpp"

namespace nandflow::test {

// Writes `text` to DIR/NAME and returns the path.
inline std::string write_source(const TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir.file(name);
  write_file_atomic(path, text);
  return path;
}

}  // namespace nandflow::test

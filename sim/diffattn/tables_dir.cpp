#include "tables_dir.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace diffattn {

std::string tables_dir() {
  namespace fs = std::filesystem;
  std::string dir;
  if (const char* env = std::getenv("DIFFATTN_TABLES"); env && *env) {
    dir = env;
  } else {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    dir = (exe.parent_path().parent_path() / "share" / "nandflow" / "diffattn" / "tables").string();
  }
  if (!fs::exists(fs::path(dir) / "exp2.hex") || !fs::exists(fs::path(dir) / "rsqrt.hex")) {
    std::fprintf(stderr,
                 "diffattn: the accelerator's tables (exp2.hex, rsqrt.hex) are not in %s; set DIFFATTN_TABLES to "
                 "their folder (rtl/diffattn/tables in the source)\n",
                 dir.c_str());
    std::exit(1);
  }
  return dir;
}

ScopedChdir::ScopedChdir(const std::string& dir) {
  std::error_code ec;
  previous_ = std::filesystem::current_path(ec).string();
  if (chdir(dir.c_str()) != 0) {
    std::fprintf(stderr, "diffattn: cannot enter %s\n", dir.c_str());
    std::exit(1);
  }
}

ScopedChdir::~ScopedChdir() {
  if (!previous_.empty() && chdir(previous_.c_str()) != 0) std::fprintf(stderr, "diffattn: cannot return to %s\n", previous_.c_str());
}

}  // namespace diffattn

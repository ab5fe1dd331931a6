#include "util/temp_dir.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <vector>

#include "util/error.hpp"

namespace nandflow {
namespace fs = std::filesystem;

namespace {

// Live temporary directories, so that a signal handler can remove them.
std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}
std::set<std::string>& registry() {
  static std::set<std::string> r;
  return r;
}

volatile std::sig_atomic_t g_child = 0;

extern "C" void on_fatal_signal(int sig) {
  // First stop the tool running (on Ctrl-C it got the signal too; on a kill it did not),
  // so that it writes nothing more into the directories removed below.
  if (g_child > 0) {
    kill(static_cast<pid_t>(g_child), SIGTERM);
    waitpid(static_cast<pid_t>(g_child), nullptr, 0);
  }
  // Not strictly async-signal-safe, but the process is about to die anyway and
  // leaving gigabytes of Verilator output in /tmp is worse.
  for (const std::string& p : registry()) {
    std::error_code ec;
    fs::remove_all(p, ec);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void install_handlers_once() {
  static bool done = false;
  if (done) return;
  done = true;
  std::signal(SIGINT, on_fatal_signal);
  std::signal(SIGTERM, on_fatal_signal);
  std::signal(SIGHUP, on_fatal_signal);
}

}  // namespace

TempDir::TempDir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw UserError("cannot create a temporary directory under " + templ);
  path_ = buf.data();
  install_handlers_once();
  std::lock_guard<std::mutex> lock(registry_mutex());
  registry().insert(path_);
}

TempDir::~TempDir() {
  {
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry().erase(path_);
  }
  if (!keep_) remove_tree(path_);
}

void set_running_child(int pid) {
  install_handlers_once();
  g_child = pid;
}

void remove_tree(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

void write_file_atomic(const std::string& path, const std::string& content) {
  std::string tmp = path + ".nandflow-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw UserError(path + ": cannot open for writing");
    out << content;
    out.flush();
    if (!out) {
      out.close();
      remove_tree(tmp);
      throw UserError(path + ": write failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    remove_tree(tmp);
    throw UserError(path + ": cannot write (" + ec.message() + ")");
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

}  // namespace nandflow

#include "util/temp_dir.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "util/error.hpp"

namespace nandflow {
namespace fs = std::filesystem;

namespace {

// What must be cleaned up when nandflow is interrupted: live temporary directories and
// running child processes. One mutex guards both; the cleanup thread takes it and never
// gives it back, so nothing new is created while it cleans up and the process ends.
std::mutex& cleanup_mutex() {
  static std::mutex m;
  return m;
}
std::set<std::string>& registry() {
  static std::set<std::string> r;
  return r;
}
std::set<int>& children() {
  static std::set<int> c;
  return c;
}

[[noreturn]] void clean_up_and_die(int sig) {
  cleanup_mutex().lock();  // held until the process ends
  // First stop the tools running (on Ctrl-C they got the signal too; on a kill they did
  // not), so that they write nothing more into the directories removed below.
  for (int pid : children()) {
    kill(static_cast<pid_t>(pid), SIGTERM);
    waitpid(static_cast<pid_t>(pid), nullptr, 0);
  }
  for (const std::string& p : registry()) {
    std::error_code ec;
    fs::remove_all(p, ec);
  }
  // Die of the same signal, as the shell expects (exit status 128 + signal).
  std::signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
  std::_Exit(128 + sig);
}

}  // namespace

void install_signal_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SIGINT, SIGTERM and SIGHUP are blocked in this thread and every thread it starts
    // later, and taken by one thread that waits for them: cleaning up there is ordinary
    // code (locks, allocation), not a signal handler. Called first thing in main().
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
      int sig = 0;
      while (sigwait(&set, &sig) != 0) {
      }
      clean_up_and_die(sig);
    }).detach();
  });
}

TempDir::TempDir(const std::string& prefix) {
  install_signal_cleanup();
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  std::lock_guard<std::mutex> lock(cleanup_mutex());
  if (!mkdtemp(buf.data())) throw UserError("cannot create a temporary directory under " + templ);
  path_ = buf.data();
  registry().insert(path_);
}

TempDir::~TempDir() {
  {
    std::lock_guard<std::mutex> lock(cleanup_mutex());
    registry().erase(path_);
  }
  if (!keep_) remove_tree(path_);
}

int start_child(const std::function<int()>& fork_it) {
  install_signal_cleanup();
  std::lock_guard<std::mutex> lock(cleanup_mutex());
  int pid = fork_it();
  if (pid > 0) children().insert(pid);
  return pid;
}

void child_finished(int pid) {
  std::lock_guard<std::mutex> lock(cleanup_mutex());
  children().erase(pid);
}

void remove_tree(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

void create_parent_directories(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw UserError(parent.string() + ": cannot create directory (" + ec.message() + ")");
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

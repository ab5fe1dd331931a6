#include "util/subprocess.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/temp_dir.hpp"

extern char** environ;

namespace nandflow {

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::vector<std::string>& env) {
  ProcessResult result;
  char log_path[] = "/tmp/nandflow-log-XXXXXX";
  int log_fd = mkostemp(log_path, O_CLOEXEC);
  if (log_fd < 0) return result;
  unlink(log_path);  // the file lives as long as the descriptor

  // Everything the child needs is prepared before fork(): other threads of nandflow may
  // hold the allocator's locks at that moment, so the child must not allocate.
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    bool overridden = false;
    for (const std::string& o : env) overridden = overridden || kv.compare(0, o.find('=') + 1, o, 0, o.find('=') + 1) == 0;
    if (!overridden) env_strings.push_back(kv);
  }
  for (const std::string& o : env)
    if (o.find('=') != std::string::npos) env_strings.push_back(o);
  std::vector<char*> envp;
  for (std::string& kv : env_strings) envp.push_back(kv.data());
  envp.push_back(nullptr);
  int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);

  pid_t pid = start_child([&] {
    pid_t p = fork();
    if (p == 0) {
      // The child: signals back to their defaults (nandflow blocks them in every thread).
      sigset_t set;
      sigemptyset(&set);
      pthread_sigmask(SIG_SETMASK, &set, nullptr);
      if (devnull >= 0) dup2(devnull, 0);
      dup2(log_fd, 1);
      dup2(log_fd, 2);
      if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
      execvpe(args[0], args.data(), envp.data());
      _exit(127);
    }
    return p;
  });
  if (devnull >= 0) close(devnull);
  if (pid < 0) {
    close(log_fd);
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  child_finished(pid);
  if (WIFEXITED(status))
    result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    result.exit_code = 128 + WTERMSIG(status);

  lseek(log_fd, 0, SEEK_SET);
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = read(log_fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(log_fd);
  result.output = std::move(out);
  return result;
}

namespace {
constexpr int kFaultSignals[] = {SIGABRT, SIGBUS, SIGFPE, SIGSEGV};  // died_of_fault's
}  // namespace

bool died_of_fault(const ProcessResult& r) {
  for (int sig : kFaultSignals)
    if (r.exit_code == 128 + sig) return true;
  return false;
}

bool abc_crashed_inside_yosys(const ProcessResult& r) {
  // Yosys: "ERROR: ABC: execution of command ... failed: return code 134." (the shell's 128 + N)
  if (r.exit_code == 0 || r.output.find("ABC: execution of command") == std::string::npos) return false;
  for (int sig : kFaultSignals)
    if (r.output.find("failed: return code " + std::to_string(128 + sig) + ".") != std::string::npos) return true;
  return false;
}

bool program_exists(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace nandflow

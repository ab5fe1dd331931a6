#include "util/subprocess.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/temp_dir.hpp"

namespace nandflow {

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::vector<std::string>& env) {
  ProcessResult result;
  char log_path[] = "/tmp/nandflow-log-XXXXXX";
  int log_fd = mkstemp(log_path);
  if (log_fd < 0) return result;
  unlink(log_path);  // the file lives as long as the descriptor

  pid_t pid = fork();
  if (pid < 0) {
    close(log_fd);
    return result;
  }
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(log_fd, 1);
    dup2(log_fd, 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    for (const std::string& kv : env) {
      auto eq = kv.find('=');
      if (eq != std::string::npos) setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  set_running_child(pid);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  set_running_child(0);
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

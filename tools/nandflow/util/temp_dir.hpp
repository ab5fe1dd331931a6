// A scratch directory that is removed when it goes out of scope, and also when
// the process is interrupted (SIGINT/SIGTERM), so no temporary files are left behind.
#pragma once

#include <functional>
#include <string>

namespace nandflow {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "nandflow");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Keep the directory after exit (for debugging with --keep-temp).
  void keep() { keep_ = true; }

 private:
  std::string path_;
  bool keep_ = false;
};

// On SIGINT, SIGTERM or SIGHUP: stop the child processes running, remove every live
// TempDir, and die of the signal. Call it first in main(), before any thread starts
// (TempDir and start_child call it too, for programs with one thread).
void install_signal_cleanup();

// Runs fork_it (which forks and returns the child's pid, or -1) so that the child is
// known to the cleanup before an interruption can happen; child_finished() once it is
// reaped.
int start_child(const std::function<int()>& fork_it);
void child_finished(int pid);

// Removes a file or directory tree; ignores errors.
void remove_tree(const std::string& path);

// Writes `content` to `path` atomically: a temporary file beside it, then rename.
// A reader never sees a half-written file.
void write_file_atomic(const std::string& path, const std::string& content);

// Creates the folders `path` will sit in; a UserError naming the folder when it cannot.
void create_parent_directories(const std::string& path);

std::string read_file(const std::string& path);
bool file_exists(const std::string& path);

}  // namespace nandflow

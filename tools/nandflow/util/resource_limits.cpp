#include "util/resource_limits.hpp"

#include <sys/resource.h>
#include <unistd.h>

namespace nandflow {
namespace {

std::size_t g_limit_mb = 0;

bool under_address_sanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

}  // namespace

void limit_memory(std::size_t megabytes) {
  if (under_address_sanitizer()) return;
  rlimit lim;
  lim.rlim_cur = lim.rlim_max = megabytes == 0 ? RLIM_INFINITY : static_cast<rlim_t>(megabytes) << 20;
  // Only the soft limit: the hard one stays as it was, so a later call may raise it again.
  rlimit old;
  if (getrlimit(RLIMIT_AS, &old) == 0 && old.rlim_max != RLIM_INFINITY && lim.rlim_cur > old.rlim_max) return;
  lim.rlim_max = old.rlim_max;
  if (setrlimit(RLIMIT_AS, &lim) == 0) g_limit_mb = megabytes;
}

std::size_t memory_limit_mb() { return g_limit_mb; }

bool memory_limit_supported() { return !under_address_sanitizer(); }

std::size_t default_memory_limit_mb() {
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<std::size_t>(pages) / 4 * 3 * static_cast<std::size_t>(page) >> 20;
}

std::string out_of_memory_message(const std::string& who) {
  return who + " ran out of memory: the design needs more than the " + std::to_string(g_limit_mb) +
         " MB allowed (--max-memory MB; the default is three quarters of this machine's memory)";
}

}  // namespace nandflow

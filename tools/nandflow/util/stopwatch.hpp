// Wall-clock time, for reports only: no pass decides anything by it (passes are
// bounded by work: rounds, windows, SAT conflicts), except the optional safety cap
// below, which a run reports when it fires.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace nandflow {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_;
};

// A safety cap on a whole run (`--time-limit`). Passes poll expired() where stopping
// leaves a correct network; the first poll after the cap marks the run as cut short,
// so the report can say that this result, unlike an uncapped one, depends on the
// machine's speed. Copies share one flag (threads of one run see the same cap).
class Deadline {
 public:
  Deadline() = default;                                   // no cap
  explicit Deadline(double seconds) : limit_(seconds) {}  // <= 0: no cap
  bool expired() const {
    if (limit_ <= 0) return false;
    if (state_->hit.load(std::memory_order_relaxed)) return true;
    if (clock_.seconds() < limit_) return false;
    state_->hit.store(true, std::memory_order_relaxed);
    return true;
  }
  bool hit() const { return state_->hit.load(std::memory_order_relaxed); }
  double limit_seconds() const { return limit_; }

 private:
  struct State {
    std::atomic<bool> hit{false};
  };
  double limit_ = 0;
  Stopwatch clock_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace nandflow

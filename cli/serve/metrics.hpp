// Counters for GET /metrics, in the Prometheus text exposition format (version 0.0.4).
//
// Thread safety: every member may be called from any number of threads; counters are atomics,
// the per-rule map takes a short lock. Nothing here ever sees a reply's text.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace replylint::cli::serve {

class Metrics {
 public:
  // One finished request: its status, and its duration from the request line to the response
  // (negative: unknown, e.g. a request refused before routing; counted, not timed).
  void request(int status, double seconds);
  void replies_checked(std::uint64_t n) { replies_.fetch_add(n, std::memory_order_relaxed); }
  void violation(std::string_view rule);
  void reload(bool ok) { (ok ? reloads_ok_ : reloads_failed_).fetch_add(1, std::memory_order_relaxed); }

  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                    0.01,   0.025,   0.05,   0.1,   0.5,    1.0};
  std::array<std::atomic<std::uint64_t>, 600> by_status_{};
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> latency_{};  // last: +Inf
  std::atomic<std::uint64_t> latency_count_{0}, latency_micros_{0};
  std::atomic<std::uint64_t> replies_{0}, reloads_ok_{0}, reloads_failed_{0};
  mutable std::mutex rules_mutex_;
  std::map<std::string, std::uint64_t, std::less<>> by_rule_;
};

}  // namespace replylint::cli::serve

#include "metrics.hpp"

#include <cstdio>

namespace replylint::cli::serve {

void Metrics::request(int status, double seconds) {
  if (status >= 0 && status < static_cast<int>(by_status_.size())) by_status_[status].fetch_add(1, std::memory_order_relaxed);
  if (seconds < 0) return;
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  latency_[b].fetch_add(1, std::memory_order_relaxed);
  latency_count_.fetch_add(1, std::memory_order_relaxed);
  latency_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::violation(std::string_view rule) {
  std::lock_guard<std::mutex> lock(rules_mutex_);
  auto it = by_rule_.find(rule);
  if (it == by_rule_.end()) it = by_rule_.emplace(std::string(rule), 0).first;
  ++it->second;
}

std::string Metrics::render() const {
  auto n = [](const std::atomic<std::uint64_t>& a) { return std::to_string(a.load(std::memory_order_relaxed)); };
  std::string out =
      "# HELP replylint_http_requests_total HTTP requests answered, by status code.\n"
      "# TYPE replylint_http_requests_total counter\n";
  for (std::size_t code = 0; code < by_status_.size(); ++code)
    if (by_status_[code].load(std::memory_order_relaxed) != 0)
      out += "replylint_http_requests_total{code=\"" + std::to_string(code) + "\"} " + n(by_status_[code]) + '\n';
  out += "# HELP replylint_http_request_duration_seconds Time from request line to response.\n"
         "# TYPE replylint_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  char le[32];
  for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
    cumulative += latency_[b].load(std::memory_order_relaxed);
    if (b < kBuckets.size()) std::snprintf(le, sizeof le, "%g", kBuckets[b]);
    out += "replylint_http_request_duration_seconds_bucket{le=\"" + std::string(b < kBuckets.size() ? le : "+Inf") +
           "\"} " + std::to_string(cumulative) + '\n';
  }
  std::snprintf(le, sizeof le, "%.6f", static_cast<double>(latency_micros_.load(std::memory_order_relaxed)) / 1e6);
  out += "replylint_http_request_duration_seconds_sum " + std::string(le) + '\n';
  out += "replylint_http_request_duration_seconds_count " + n(latency_count_) + '\n';
  out += "# HELP replylint_replies_checked_total Replies checked, through every API.\n"
         "# TYPE replylint_replies_checked_total counter\n"
         "replylint_replies_checked_total " + n(replies_) + '\n';
  out += "# HELP replylint_violations_total Violations found, by rule.\n"
         "# TYPE replylint_violations_total counter\n";
  {
    std::lock_guard<std::mutex> lock(rules_mutex_);
    // Rule ids are lowercase letters, digits, '-' and '.' (pack schema): no label escaping needed.
    for (const auto& [rule, count] : by_rule_)
      out += "replylint_violations_total{rule=\"" + rule + "\"} " + std::to_string(count) + '\n';
  }
  out += "# HELP replylint_rule_reloads_total Rule reloads, by result.\n"
         "# TYPE replylint_rule_reloads_total counter\n"
         "replylint_rule_reloads_total{result=\"ok\"} " + n(reloads_ok_) + "\n"
         "replylint_rule_reloads_total{result=\"refused\"} " + n(reloads_failed_) + '\n';
  return out;
}

}  // namespace replylint::cli::serve

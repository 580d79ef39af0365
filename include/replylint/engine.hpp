// replylint/engine.hpp: compile rule packs once, check replies from any number of threads.
//
//   #include <replylint/engine.hpp>
//
//   auto engine = replylint::Engine::from_embedded();      // the packs built into the library
//   if (!engine) { /* engine.error().to_string() */ }
//   auto report = engine->check("亲,加我微信 abc12345");
//   if (report && !report->clean())
//     for (const auto& v : report->violations)
//       std::cout << v.rule << " " << v.points << " " << v.text << "\n";
//
// How a reply is checked: it is normalized (width, case, Traditional→Simplified, separators
// dropped, Chinese numerals in number runs read as digits; rules/README.md), one RE2::Set pass
// picks the rules that may fire, and only those are confirmed against their exceptions. Spans
// are mapped back to the original text.
//
// Ownership and lifetime: an Engine is a cheap handle to immutable compiled state; copies share
// it, and it lives as long as any copy does. Reports own their data.
// Thread safety: every const member may be called concurrently from any number of threads on
// the same Engine. To swap rules while running, build a new Engine and replace the handle.
// Errors: returned as values (replylint/status.hpp); nothing is thrown or printed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/pack.hpp"
#include "replylint/report.hpp"
#include "replylint/status.hpp"

namespace replylint {

struct EngineOptions {
  // Replies longer than this are refused with kTooLong rather than checked partially.
  std::size_t max_reply_bytes = 1 << 20;
};

// One loaded rule, for listings and `explain`.
struct RuleInfo {
  std::string id, pack, title, message, suggestion, source;
  int points = 0;
  std::vector<std::string> patterns;
};

class Engine {
 public:
  // Compiles packs into an engine. Errors: kInvalidArgument (no packs, no rules),
  // kDuplicateRule, kBadPattern (RE2 refused a pattern or exception, or a pattern can match
  // the empty string; names file:line:column and rule), kOutOfMemory (RE2's budget).
  static Result<Engine> compile(const std::vector<PackSpec>& packs, EngineOptions options = {});
  // compile(embedded_packs()).
  static Result<Engine> from_embedded(EngineOptions options = {});
  // compile(load_pack_dir(dir)).
  static Result<Engine> from_directory(const std::string& dir, EngineOptions options = {});

  // Checks one reply (any bytes; invalid UTF-8 is skipped and flagged in the report).
  // Errors: kTooLong when text.size() > options.max_reply_bytes.
  Result<Report> check(std::string_view text) const;

  const std::vector<RuleInfo>& rules() const;
  const RuleInfo* find_rule(std::string_view id) const;  // nullptr when unknown
  const std::vector<PackSpec>& packs() const;             // as compiled, examples included

 private:
  struct Impl;
  explicit Engine(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace replylint

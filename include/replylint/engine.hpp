// replylint/engine.hpp: compile rule packs once, check replies from any number of threads.
//
// 1. Build an engine, once, at start-up (compiling takes milliseconds to a second):
//
//   #include <replylint/engine.hpp>
//
//   auto engine = replylint::Engine::from_embedded();       // the packs built into the library
//   auto engine = replylint::Engine::from_directory("rules"); // every *.yaml of a folder
//   auto engine = replylint::Engine::from_yaml(yaml_text, "shop.yaml");   // pack text in memory
//   if (!engine) { show(engine.error().to_string()); return; }  // "shop.yaml:3:5: error: … [rule]"
//
// 2. Check each draft before it is sent (microseconds, no lock taken):
//
//   auto report = engine->check("亲,加我微信 abc12345");
//   if (!report) { /* report.error(): kTooLong, kInvalidArgument (bad options) */ }
//   for (const replylint::Violation& v : report->violations)
//     warn(v.rule, v.points, v.message, v.suggestion, v.utf16_start, v.utf16_end);
//
//    report->points is what the reply would cost the shop; each Violation has its span in bytes,
//    code points and UTF-16 code units (replylint/report.hpp), its rule, message and suggestion.
//
// 3. Per shop, per call: which packs or rules apply, points overrides, a length limit:
//
//   replylint::CheckOptions shop;
//   shop.skip = {"shipping-promise"};              // a pack id or a rule id
//   shop.points = {{"off-platform.wechat", 12}};   // this shop weighs it double
//   shop.max_reply_bytes = 2000;
//   auto report = engine->check(draft, shop);
//
// 4. Reload rules while the client runs: build a new engine beside the old one and swap it into
//    an EngineSlot (replylint/engine_slot.hpp). Checks in flight finish on the engine they
//    started with. See examples/reload_rules.cpp.
//
// How a reply is checked: it is normalized (width, case, Traditional→Simplified, separators
// dropped, Chinese numerals in number runs read as digits; rules/README.md), one RE2::Set pass
// picks the rules that may fire, and only those are confirmed against their exceptions. Spans
// are mapped back to the original text.
//
// Ownership and lifetime: an Engine is a cheap handle to immutable compiled state; copies share
// it (copying is one atomic increment), and the state lives as long as any copy does. Reports,
// RuleInfo lists returned by value and errors own their data; the references that rules(),
// find_rule() and packs() return live as long as the engine's state does.
// Thread safety: every const member may be called concurrently from any number of threads on
// the same Engine or on copies of it; each thread keeps its own small scratch memory. Assigning
// to an Engine variable that other threads read is a data race like for any object: share
// through an EngineSlot instead.
// Errors: returned as values (replylint/status.hpp); nothing is thrown out of the library and
// nothing is ever written to stdout or stderr.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/export.h"
#include "replylint/pack.hpp"
#include "replylint/report.hpp"
#include "replylint/status.hpp"

namespace replylint {

struct EngineOptions {
  // Replies longer than this are refused with kTooLong rather than checked partially. The
  // default for every check; CheckOptions::max_reply_bytes replaces it for one call.
  std::size_t max_reply_bytes = 1 << 20;
};

// A pack as YAML text held in memory, for Engine::from_yaml().
struct PackText {
  std::string file;  // a name for error messages and PackSpec::file ("shop.yaml")
  std::string yaml;  // the pack, rules/README.md
};

// Per-call choices of a client, typically one per shop. Plain data: build it once and reuse
// it for every reply; it is checked against the engine on each call (cheap: a few lookups).
// Each id is a pack id ("invoice") or a rule id ("invoice.refuse"). An id the engine does not
// know is an error (kInvalidArgument naming it), never silently ignored: after a reload that
// dropped a rule the client hears about it.
struct CheckOptions {
  struct Points {
    std::string rule;  // a rule id
    int points = 0;    // 0..kMaxPoints; 0 keeps the violation but it costs nothing
  };

  std::vector<std::string> only;  // when not empty: only rules named here, or in a pack named here
  std::vector<std::string> skip;  // never rules named here or in a pack named here; beats `only`
  std::vector<Points> points;     // points overrides; a rule may appear once
  std::size_t max_reply_bytes = 0;  // 0: the engine's EngineOptions::max_reply_bytes
};

// One loaded rule, for listings and `explain`.
struct RuleInfo {
  std::string id, pack, title, message, suggestion, source;
  int points = 0;
  std::string platform_rule;          // "<pack>.<name>": rules sharing it count once per reply
  std::vector<std::string> patterns;  // as written, word classes by name ({invoice})
  std::vector<std::string> expanded;  // the same with every word class expanded, as RE2 sees them
  std::vector<std::string> buyer;     // the buyer's message must match one of these (expanded); empty: no context needed
};

class REPLYLINT_API Engine {
 public:
  // Compiles packs into an engine. Errors: kInvalidArgument (no packs, no rules),
  // kDuplicateRule, kBadPattern (RE2 refused a pattern or exception, or a pattern can match
  // the empty string; names file:line:column and rule), kSchema (a rule flags one of its own
  // compliant examples; names the example's file:line:column and the rule), kOutOfMemory
  // (RE2's budget).
  static Result<Engine> compile(const std::vector<PackSpec>& packs, EngineOptions options = {});
  // compile(embedded_packs()), without re-running the examples at every start: the test suite
  // runs every example of the built-in packs before they ship.
  static Result<Engine> from_embedded(EngineOptions options = {});
  // compile(load_pack_dir(dir)). Errors also: kIo, kYamlSyntax, kSchema.
  static Result<Engine> from_directory(const std::string& dir, EngineOptions options = {});
  // Packs given as YAML text: load_pack() each, then compile(). Errors: as from_directory
  // (kInvalidArgument for an empty list), naming PackText::file.
  static Result<Engine> from_yaml(const std::vector<PackText>& packs, EngineOptions options = {});
  // One pack given as YAML text.
  static Result<Engine> from_yaml(std::string_view yaml, std::string_view file = "<memory>",
                                  EngineOptions options = {});

  // Checks one reply (any bytes; invalid UTF-8 is skipped and flagged in the report).
  // Errors: kTooLong when text.size() > options.max_reply_bytes.
  Result<Report> check(std::string_view text) const;
  // The same with per-call options. Errors also: kInvalidArgument when an id in `options` is
  // unknown to this engine, a rule has two points overrides, or points are outside 0..kMaxPoints (the
  // Error's `rule` names the id); kTooLong against the options' limit when it is set.
  Result<Report> check(std::string_view text, const CheckOptions& options) const;
  // Checks a reply with the buyer's last message as its context. Rules that say `buyer:`
  // (a buyer asked for a QQ number, a fake invoice amount, to close the order...) fire only
  // here, when the buyer's message matches and the reply consents; every other rule reads the
  // reply alone, as check() does. An empty `buyer` is the same as check(). Errors: as check();
  // kTooLong also when buyer.size() exceeds the length limit.
  Result<Report> check_with_buyer(std::string_view buyer, std::string_view reply,
                                  const CheckOptions& options = {}) const;

  const std::vector<RuleInfo>& rules() const;
  const RuleInfo* find_rule(std::string_view id) const;  // nullptr when unknown
  const std::vector<PackSpec>& packs() const;             // as compiled, examples included

 private:
  struct Impl;
  explicit Engine(std::shared_ptr<const Impl> impl);
  static Result<Engine> build(const std::vector<PackSpec>& packs, EngineOptions options, bool verify_examples);
  Result<Report> run(std::string_view buyer, std::string_view reply, const CheckOptions& options) const;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace replylint

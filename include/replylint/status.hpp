// replylint/status.hpp: errors as values.
//
// Every fallible call of the library returns a Result<T>: either a value or an Error that says
// what went wrong and where (file, line, column, rule id when known). The library never throws
// across its API and never prints; callers decide what to show.
//
//   replylint::Result<replylint::Engine> engine = replylint::Engine::from_embedded();
//   if (!engine) { std::cerr << engine.error().to_string() << '\n'; return 2; }
//   engine->check("亲,加我微信 abc12345");
//
// Thread safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include "replylint/export.h"

namespace replylint {

enum class ErrorCode : std::uint8_t {
  kOk = 0,
  kInvalidArgument,  // a caller passed something unusable (empty pack list, bad rule id...)
  kIo,               // a file or directory could not be read
  kYamlSyntax,       // a pack is not well-formed YAML
  kSchema,           // a pack is YAML but breaks rules/README.md (unknown key, wrong type...)
  kBadPattern,       // RE2 refused a pattern, or it can match the empty string
  kDuplicateRule,    // two loaded rules share an id
  kOutOfMemory,      // RE2's memory budget (or the allocator) ran out while compiling
  kTooLong,          // a reply is longer than the engine's max_reply_bytes
  kInternal,         // a bug in replylint; please report it with the input
};

struct REPLYLINT_API Error {
  ErrorCode code = ErrorCode::kOk;
  std::string message;  // one sentence, English, no trailing period
  std::string file;     // pack file or input name, when known
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based, in characters; 0 when unknown
  std::string rule;     // rule id, when the error is about one rule

  // "FILE:LINE:COLUMN: error: MESSAGE [RULE]", leaving out the parts that are unknown.
  std::string to_string() const;
};

// A value or an Error. [[nodiscard]] because an ignored error is a silent misconfiguration.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok(). Calling these on an error is undefined (asserted in debug builds).
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace replylint

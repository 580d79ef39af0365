// The only RE2 user: every rule's patterns in one RE2::Set to pick candidate rules, then each
// candidate confirmed with its own RE2 and its `unless` exceptions, all on normalized text.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "replylint/pack.hpp"
#include "replylint/status.hpp"

namespace replylint::detail {

struct Normalized;

// A confirmed rule: its index in compile order and the normalized byte range of its first
// unexcused match.
struct Hit {
  std::size_t rule;
  std::size_t begin, end;
};

class Matcher {
 public:
  // Errors: kBadPattern (with file:line:column and rule id), kOutOfMemory.
  static Result<std::shared_ptr<const Matcher>> build(const std::vector<PackSpec>& packs);

  // Appends one Hit per firing rule to `hits`. `candidates` is per-thread working memory.
  void match(const Normalized& text, std::vector<int>& candidates, std::vector<Hit>& hits) const;

  ~Matcher();

 private:
  struct Rule;
  struct Impl;
  Matcher();
  std::unique_ptr<Impl> impl_;
};

}  // namespace replylint::detail

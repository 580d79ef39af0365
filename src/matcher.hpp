// The only RE2 user: every rule's patterns in RE2::Sets (one per pack) to pick candidate rules, then each
// candidate confirmed with its own RE2 and its `unless` exceptions on normalized text.
//
// The Set reads the reply re-encoded in a compressed alphabet (compressed_alphabet.hpp): one
// or two bytes per character instead of three, with patterns rewritten to match; it is a
// filter that may pick a pattern that does not match, never miss one that does. Patterns and
// exceptions are parsed (and so checked) when the matcher is built and compiled when first
// needed. Thread safety: a built Matcher is immutable to its users; any number of threads may
// call its const members (RE2 guards its lazily built automata itself).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "replylint/pack.hpp"
#include "replylint/status.hpp"

namespace replylint::detail {

struct Normalized;
class Negation;
struct CandidateSpec;
struct Context;

// A confirmed rule: its index in compile order and the normalized byte range of its first
// unexcused match.
struct Hit {
  std::size_t rule;
  std::size_t begin, end;
};

class Matcher;

// The matcher of packs as written (word classes not yet expanded, lexicon among them or the
// built-in one), as Engine builds it: for tools that time the matcher's steps. In engine.cpp.
Result<std::shared_ptr<const Matcher>> build_matcher(const std::vector<PackSpec>& packs);

class Matcher {
 public:
  // Errors: kBadPattern (with file:line:column and rule id), kOutOfMemory.
  // `packs` hold expanded patterns (no word classes left); `negation` is the shared mechanism.
  // `validated`: the packs were built by this same code before (the built-in packs, checked by
  // the build), so the checks that refuse a bad pattern are skipped. `prebuilt`: the candidate
  // stage the build made for these same packs (candidate_spec()), used instead of making it:
  // its alphabet, its rewritten patterns and, when it has one that loads on this CPU, its
  // Hyperscan database in place of the RE2::Sets, for the matcher's whole life.
  static Result<std::shared_ptr<const Matcher>> build(const std::vector<PackSpec>& packs,
                                                      std::shared_ptr<const Negation> negation,
                                                      bool validated = false, const CandidateSpec* prebuilt = nullptr);

  // This matcher's candidate stage, for the build to compile in (without a Hyperscan database).
  CandidateSpec candidate_spec() const;
  // Whether candidates come from a Hyperscan database rather than an RE2::Set (now).
  bool uses_hyperscan() const;

  // Appends one Hit per firing rule to `hits`. `candidates` is per-thread working memory.
  // `buyer`, when not null, is the buyer's message the reply answers: rules with `buyer:`
  // patterns fire only with it.
  void match(const Normalized& text, std::vector<int>& candidates, std::vector<Hit>& hits,
             const Normalized* buyer = nullptr) const;

  // The same hits as match() without the candidate-selection step: every pattern of every
  // rule tried in turn (the per-rule loop the Set saves). For the benchmark and tests.
  void match_each_rule(const Normalized& text, std::vector<int>& candidates, std::vector<Hit>& hits) const;

  // The steps of match(), one by one, for `replylint rules profile` and the benchmark.
  // A "pattern" below is one entry of the Set: a pattern, or one part of an `all:` pattern.
  // The Set's candidate patterns (indexes in compile order, sorted); false when there are none.
  bool candidates(const Normalized& text, std::vector<int>& candidates) const;
  // The pattern that `pattern` belongs to, confirmed alone on a reply without a buyer's
  // message: the span of its first match that no exception excuses.
  bool confirm_pattern(std::size_t pattern, const Normalized& text, std::size_t& begin, std::size_t& end) const;
  std::size_t pattern_count() const;
  std::size_t pattern_rule(std::size_t pattern) const;  // the rule's index in compile order
  int program_size(std::size_t pattern) const;          // RE2's measure of its compiled size

  ~Matcher();

 private:
  struct Rule;
  struct Impl;
  Matcher();
  void confirm(Context& context, const std::vector<int>& candidates, std::vector<Hit>& hits) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace replylint::detail

// Hyperscan databases as the candidate stage of the built-in packs: the patterns of the
// compressed alphabet's Set (compressed_alphabet.hpp), compiled by the build (packs_gen.cpp)
// in databases of 150 patterns (one database of all took minutes more to compile than the
// sum of its parts) and compiled in. Unlike RE2::Set, whose lazy DFA builds its states while
// it reads the first hundred thousand replies of a process, they are as fast on the first
// reply as on the last, and loading them takes milliseconds.
//
// Like the RE2::Set it stands in for, it is a filter: it reports every pattern that matches
// (some possibly for a superset of their matches: without their anchors, which Hyperscan
// refuses inside a group; in its prefilter mode; or for every text, when it refused even that)
// and the matcher confirms each one with RE2. Only in builds with REPLYLINT_HYPERSCAN.
// Thread safety: a loaded set is immutable; match() may be called from any number of threads
// (each has its own scratch memory).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/status.hpp"

namespace replylint::detail {

class HyperscanSet {
 public:
  // How compile() turns patterns into a database. Raise it when that changes, so that the build
  // does not take a database made the old way for the same patterns (packs_gen.cpp).
  static constexpr std::uint32_t kRecipe = 1;

  // The serialized databases of `patterns` (RE2 syntax over single bytes, as the alphabet
  // writes them), pattern k reporting id k. Errors: kBadPattern naming a pattern Hyperscan
  // refused even as the empty pattern that stands in for one it cannot take otherwise.
  static Result<std::vector<std::string>> compile(const std::vector<std::string>& patterns);
  // The databases compile() wrote, in this build; `serialized` need not outlive the set.
  // Errors: kInternal (not databases of this Hyperscan version or platform), kOutOfMemory.
  static Result<std::unique_ptr<const HyperscanSet>> load(const std::vector<std::string_view>& serialized);

  // Appends the id of every pattern that matches `text` to `ids`, each once, in no order.
  // False when Hyperscan failed (out of scratch memory): the caller must not trust `ids`.
  bool match(std::string_view text, std::vector<int>& ids) const;

  ~HyperscanSet();

 private:
  HyperscanSet() = default;
  struct Database;
  Database* db_ = nullptr;
  std::uint64_t serial_ = 0;  // tells thread scratch that it was made for another database
};

}  // namespace replylint::detail

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
  // Where an image must lie: images() makes them at this alignment, and an image is valid at
  // any address with it (Hyperscan places the bytecode by the address modulo 64).
  static constexpr std::size_t kImageAlignment = 64;

  // The serialized databases of `patterns` (RE2 syntax over single bytes, as the alphabet
  // writes them), pattern k reporting id k. Errors: kBadPattern naming a pattern Hyperscan
  // refused even as the empty pattern that stands in for one it cannot take otherwise.
  static Result<std::vector<std::string>> compile(const std::vector<std::string>& patterns);
  // Each serialized database as it lies in memory once deserialized, for the build to compile
  // in: a process then scans the databases where they lie in its executable, with no copy (the
  // copy, and zeroing the memory for it, were half of a cold `replylint check` and 45 MB). This
  // relies on a deserialized database holding offsets, not pointers, which is how Hyperscan's
  // own hs_deserialize_database_at works; the ctest that compares this stage with the
  // RE2::Sets on 20,000 replies proves it for the Hyperscan the build links. Errors: kInternal
  // (not databases of this Hyperscan version or CPU), kOutOfMemory.
  static Result<std::vector<std::string>> images(const std::vector<std::string>& serialized);
  // The CPU features (hs_platform_info_t::cpu_features) that compile() compiled for: this
  // machine's, which a machine running the databases must have too.
  static std::uint32_t features();
  // The databases images() made, scanned in place: each view must start kImageAlignment-aligned
  // and outlive the set. `features` is what features() said where they were compiled. Errors:
  // kInternal when this CPU lacks one of `features` (the build machine's AVX-512, or under
  // valgrind) or a view is not a database of this Hyperscan version; the caller then falls back
  // to RE2::Sets.
  static Result<std::unique_ptr<const HyperscanSet>> load(const std::vector<std::string_view>& images,
                                                          std::uint32_t features);

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

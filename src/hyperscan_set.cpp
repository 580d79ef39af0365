#include "hyperscan_set.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <thread>

#include "regex_syntax.hpp"

namespace replylint::detail {

// The databases are images in the executable's read-only data (images()), used where they lie.
struct HyperscanSet::Database {
  std::vector<const hs_database_t*> dbs;
};

namespace {

// Each match reports a pattern once (the Set only needs to know which patterns match), and
// a pattern Hyperscan cannot take exactly is taken as a prefilter, which matches a superset.
constexpr unsigned kFlags = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;

std::atomic<std::uint64_t> g_serial{0};

// The scratch memory of one thread, grown for every database it has been used with.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::uint64_t serial = 0;
  ~ThreadScratch() { hs_free_scratch(scratch); }
};
thread_local ThreadScratch t_scratch;

int on_match(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  static_cast<std::vector<int>*>(context)->push_back(static_cast<int>(id));
  return 0;
}

// One database of patterns[from, to), reporting their indexes in `patterns` as ids.
Result<std::string> compile_chunk(const std::vector<std::string>& all, std::size_t from, std::size_t to) {
  const std::vector<std::string> patterns(all.begin() + static_cast<std::ptrdiff_t>(from), all.begin() + static_cast<std::ptrdiff_t>(to));
  // What stands in for each pattern, widened step by step while Hyperscan refuses it; every
  // step matches a superset of the one before, which the matcher confirms with RE2:
  enum Step { kExact, kNoAnchors, kPrefilter, kEverything };
  std::vector<Step> step(patterns.size(), kExact);
  std::vector<std::string> texts(patterns);
  std::vector<unsigned> flags(patterns.size(), kFlags), ids;
  for (std::size_t k = 0; k < patterns.size(); ++k) ids.push_back(static_cast<unsigned>(from + k));
  for (;;) {
    std::vector<const char*> expressions;
    for (const std::string& t : texts) expressions.push_back(t.c_str());
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                         HS_MODE_BLOCK, nullptr, &db, &error) == HS_SUCCESS) {
      char* bytes = nullptr;
      std::size_t length = 0;
      const bool ok = hs_serialize_database(db, &bytes, &length) == HS_SUCCESS;
      hs_free_database(db);
      if (!ok) return Error{ErrorCode::kOutOfMemory, "Hyperscan could not serialize its database"};
      std::string out(bytes, length);
      std::free(bytes);
      return out;
    }
    const int at = error->expression;
    const std::string message = error->message;
    hs_free_compile_error(error);
    // Refused exactly: without its anchors, which Hyperscan refuses inside a group or an
    // alternation ((?:^|[^不])…, the rules' way to say "at the start or after anything but 不");
    // refused even so: as a prefilter; then the empty pattern, which reports every text.
    // Refused after that, or not about one pattern: give up.
    if (at < 0 || step[static_cast<std::size_t>(at)] == kEverything)
      return Error{ErrorCode::kBadPattern,
                   "Hyperscan refused " + (at < 0 ? std::string("the patterns") : "pattern '" + patterns[static_cast<std::size_t>(at)] + "'") +
                       ": " + message};
    const auto k = static_cast<std::size_t>(at);
    step[k] = static_cast<Step>(step[k] + 1);
    if (step[k] == kNoAnchors && (texts[k] = without_anchors(patterns[k])) == patterns[k]) step[k] = kPrefilter;
    if (step[k] == kPrefilter) flags[k] |= HS_FLAG_PREFILTER;
    if (step[k] == kEverything) {
      texts[k].clear();
      flags[k] = kFlags;
    }
  }
}

}  // namespace

Result<std::vector<std::string>> HyperscanSet::compile(const std::vector<std::string>& patterns) {
  // Hyperscan's compile time grows much faster than the number of patterns: the 802 patterns of
  // 85 rules took 3 minutes in one database, the 1,172 of 109 rules more than 18. Databases of
  // kChunk patterns each take seconds, compiled two at a time; a reply is scanned once by each.
  constexpr std::size_t kChunk = 150;
  const std::size_t chunks = (patterns.size() + kChunk - 1) / kChunk;
  std::vector<std::optional<Result<std::string>>> done(chunks);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t c; (c = next++) < chunks;)
      done[c] = compile_chunk(patterns, c * kChunk, std::min(patterns.size(), (c + 1) * kChunk));
  };
  std::thread helper(work);
  work();
  helper.join();
  std::vector<std::string> out;
  for (auto& chunk : done) {
    if (!*chunk) return chunk->error();
    out.push_back(std::move(**chunk));
  }
  return out;
}

Result<std::vector<std::string>> HyperscanSet::images(const std::vector<std::string>& serialized) {
  std::vector<std::string> out;
  for (const std::string& bytes : serialized) {
    std::size_t size = 0;
    if (hs_serialized_database_size(bytes.data(), bytes.size(), &size) != HS_SUCCESS)
      return Error{ErrorCode::kInternal, "not a Hyperscan database of this version"};
    const std::size_t room = (size + kImageAlignment - 1) / kImageAlignment * kImageAlignment;
    std::unique_ptr<void, decltype(&std::free)> place(std::aligned_alloc(kImageAlignment, room), &std::free);
    if (!place) return Error{ErrorCode::kOutOfMemory, "no memory for a Hyperscan database"};
    if (hs_deserialize_database_at(bytes.data(), bytes.size(), static_cast<hs_database_t*>(place.get())) != HS_SUCCESS)
      return Error{ErrorCode::kInternal, "a Hyperscan database does not load on this machine"};
    out.emplace_back(static_cast<const char*>(place.get()), size);
  }
  return out;
}

std::uint32_t HyperscanSet::features() {
  hs_platform_info_t here{};
  if (hs_populate_platform(&here) != HS_SUCCESS) return 0;
  return static_cast<std::uint32_t>(here.cpu_features);
}

Result<std::unique_ptr<const HyperscanSet>> HyperscanSet::load(const std::vector<std::string_view>& images,
                                                               std::uint32_t features) {
  const Error bad{ErrorCode::kInternal, "the compiled-in Hyperscan databases do not run on this machine"};
  hs_platform_info_t here{};
  if (hs_valid_platform() != HS_SUCCESS || hs_populate_platform(&here) != HS_SUCCESS ||
      (features & ~static_cast<std::uint32_t>(here.cpu_features)) != 0)
    return bad;
  std::unique_ptr<HyperscanSet> set(new HyperscanSet());
  set->db_ = new Database();
  for (std::string_view image : images) {
    // hs_database_size() checks the header (Hyperscan's magic number and version): a database
    // of another Hyperscan, or not a database, is refused here rather than scanned.
    const auto* db = reinterpret_cast<const hs_database_t*>(image.data());
    std::size_t size = 0;
    if (reinterpret_cast<std::uintptr_t>(image.data()) % kImageAlignment != 0 || image.size() < 64 ||
        hs_database_size(db, &size) != HS_SUCCESS || size != image.size())
      return bad;
    set->db_->dbs.push_back(db);
  }
  set->serial_ = ++g_serial;
  return std::unique_ptr<const HyperscanSet>(std::move(set));
}

bool HyperscanSet::match(std::string_view text, std::vector<int>& ids) const {
  if (text.size() > 0xFFFFFFFFu) return false;  // hs_scan takes 32-bit lengths
  if (t_scratch.serial != serial_) {
    for (const hs_database_t* db : db_->dbs)  // one scratch, grown to fit every database
      if (hs_alloc_scratch(db, &t_scratch.scratch) != HS_SUCCESS) return false;
    t_scratch.serial = serial_;
  }
  static const char kEmpty = 0;
  for (const hs_database_t* db : db_->dbs)
    if (hs_scan(db, text.empty() ? &kEmpty : text.data(), static_cast<unsigned>(text.size()), 0, t_scratch.scratch,
                on_match, &ids) != HS_SUCCESS)
      return false;
  return true;
}

HyperscanSet::~HyperscanSet() { delete db_; }

}  // namespace replylint::detail

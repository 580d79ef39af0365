#include "hyperscan_set.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <optional>
#include <thread>

#include "regex_syntax.hpp"

namespace replylint::detail {

struct HyperscanSet::Database {
  std::vector<hs_database_t*> dbs;
};

namespace {

// Each match reports a pattern once (the Set only needs to know which patterns match), and
// a pattern Hyperscan cannot take exactly is taken as a prefilter, which matches a superset.
constexpr unsigned kFlags = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;

std::atomic<std::uint64_t> g_serial{0};

// The serialized form: the number of databases, then each one's length and Hyperscan's
// serialized bytes (numbers as little-endian uint32).
void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
bool get_u32(std::string_view& in, std::uint32_t& v) {
  if (in.size() < 4) return false;
  v = 0;
  for (std::size_t i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  in.remove_prefix(4);
  return true;
}

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

Result<std::string> HyperscanSet::compile(const std::vector<std::string>& patterns) {
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
  std::string out;
  put_u32(out, static_cast<std::uint32_t>(chunks));
  for (auto& chunk : done) {
    if (!*chunk) return chunk->error();
    put_u32(out, static_cast<std::uint32_t>((*chunk)->size()));
    out += **chunk;
  }
  return out;
}

Result<std::unique_ptr<const HyperscanSet>> HyperscanSet::load(std::string_view serialized) {
  std::unique_ptr<HyperscanSet> set(new HyperscanSet());
  set->db_ = new Database();
  const Error bad{ErrorCode::kInternal, "the compiled-in Hyperscan database does not load"};
  std::uint32_t count = 0;
  if (!get_u32(serialized, count)) return bad;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t length = 0;
    if (!get_u32(serialized, length) || length > serialized.size()) return bad;
    hs_database_t* db = nullptr;
    if (hs_deserialize_database(serialized.data(), length, &db) != HS_SUCCESS) return bad;
    set->db_->dbs.push_back(db);
    serialized.remove_prefix(length);
  }
  if (!serialized.empty()) return bad;
  set->serial_ = ++g_serial;
  return std::unique_ptr<const HyperscanSet>(std::move(set));
}

bool HyperscanSet::match(std::string_view text, std::vector<int>& ids) const {
  if (text.size() > 0xFFFFFFFFu) return false;  // hs_scan takes 32-bit lengths
  if (t_scratch.serial != serial_) {
    for (hs_database_t* db : db_->dbs)  // one scratch, grown to fit every database
      if (hs_alloc_scratch(db, &t_scratch.scratch) != HS_SUCCESS) return false;
    t_scratch.serial = serial_;
  }
  static const char kEmpty = 0;
  for (hs_database_t* db : db_->dbs)
    if (hs_scan(db, text.empty() ? &kEmpty : text.data(), static_cast<unsigned>(text.size()), 0, t_scratch.scratch,
                on_match, &ids) != HS_SUCCESS)
      return false;
  return true;
}

HyperscanSet::~HyperscanSet() {
  if (db_)
    for (hs_database_t* db : db_->dbs) hs_free_database(db);
  delete db_;
}

}  // namespace replylint::detail

// What `replylint check` reads: replies, each with the buyer's message it answers when there is
// one, from arguments, all of standard input, its lines, or its JSON lines (--jsonl).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "options.hpp"

namespace replylint::cli {

struct Draft {
  std::string reply;
  std::string buyer;  // empty: the reply is checked alone
  std::string error;  // not empty: the input could not be read as a reply; it is not checked
};

// One --jsonl line, {"reply": "…", "buyer": "…"} (buyer optional, may be null). A line that is
// not such an object gives a Draft whose `error` says why; it never throws.
Draft parse_json_line(std::string_view line);

// Reads the drafts in batches: all arguments, all of standard input, or up to kBatch lines.
class DraftReader {
 public:
  static constexpr std::size_t kBatch = 8192;
  explicit DraftReader(const Options& o) : o_(o) {}

  // Fills `batch` with the next drafts (numbered from first_number()); false at the end.
  bool next(std::vector<Draft>& batch);
  std::size_t first_number() const { return first_; }

 private:
  const Options& o_;
  std::size_t count_ = 0, first_ = 1;
};

}  // namespace replylint::cli

// What `replylint check` reads: replies, each with the buyer's message it answers when there is
// one, from arguments, all of standard input, its lines, or its JSON lines (--jsonl).
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "options.hpp"

namespace replylint::cli {

// Views valid until the reader's next call.
struct Draft {
  std::string_view reply;
  std::string_view buyer;  // empty: the reply is checked alone
  std::string error;       // not empty: the input could not be read as a reply; it is not checked
};

// One --jsonl line, {"reply": "…", "buyer": "…"} (buyer optional, may be null), decoded into
// `reply` and `buyer`. A line that is not such an object gives the reason (not empty); it never
// throws.
std::string parse_json_line(std::string_view line, std::string& reply, std::string& buyer);

// Reads the drafts a chunk at a time: all arguments, all of standard input (one reply), or the
// lines of standard input (--lines, --jsonl), about kChunk bytes of them at a time, so that
// memory stays flat however long the input is. Not thread-safe; the batch it fills may be read
// by any number of threads until the next call.
class DraftReader {
 public:
  static constexpr std::size_t kChunk = 1 << 20;
  explicit DraftReader(const Options& o) : o_(o) {}

  // Fills `batch` with the next drafts (numbered from first_number()), their views valid until
  // the next call; false at the end.
  bool next(std::vector<Draft>& batch);
  std::size_t first_number() const { return first_; }

 private:
  void lines(std::vector<Draft>& batch);

  const Options& o_;
  std::string buf_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  // the lines of buf_, [begin, end)
  std::size_t used_ = 0;  // bytes of buf_ handed out in the last batch
  bool eof_ = false;
  std::deque<std::string> decoded_;  // the --jsonl replies and buyers of the batch (stable addresses)
  std::size_t count_ = 0, first_ = 1;
};

}  // namespace replylint::cli

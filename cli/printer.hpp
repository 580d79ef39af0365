// How `replylint check` shows its results: one printer per output format, fed one reply at a
// time in input order, so that nothing waits for the end of the input.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "replylint/report.hpp"
#include "replylint/status.hpp"

namespace replylint::cli {

enum class Format { kText, kJson, kJsonl };

struct Totals {
  std::size_t replies = 0, flagged = 0, errors = 0;
  long long points = 0;
};

// A printer formats; it keeps no state between replies, so that the threads of `check
// --threads N` format their replies at the same time, each into its own buffer, which the
// command then writes in input order.
class Printer {
 public:
  virtual ~Printer() = default;
  // Appends what reply `number` shows to `out`; `first`: it is the first reply of the run.
  // `number` is the line number (--lines, --jsonl) or the argument's position. `shown` is the
  // reply as it may be shown: valid UTF-8 with contact and ID data masked unless
  // --show-matches, one character for each character of the reply, so the violations' char
  // offsets index it. `buyer` is the buyer's message it answers, shown the same way, or empty.
  // Both are empty for a reply without violations (nothing of it is shown).
  virtual void reply(std::string& out, std::size_t number, bool first, std::string_view shown,
                     std::string_view buyer, const Result<Report>& result) const = 0;
  virtual void finish(std::string& out, const Totals& totals) const = 0;
};

// `unit` names what `number` counts in text output: "line" or "reply".
std::unique_ptr<Printer> make_text_printer(std::string unit);
std::unique_ptr<Printer> make_json_printer(bool one_per_line);

// What may be printed of a reply or a buyer's message, by check, lint's neighbours and serve:
// `text` with one U+FFFD for each byte that is not well-formed UTF-8 (src/utf8.hpp), so that
// character offsets stay as the library counts them, and with phone, ID and card digits and e-mail local parts masked (the library's
// masking, through lint/mask.hpp) unless `show_matches`. One character per character of `text`,
// so violations' char offsets index it.
std::string shown_text(std::string_view text, bool show_matches);

// The byte offset of character `index` in `s`, counted as the library counts (s.size() past
// the end).
std::size_t byte_of_char(std::string_view s, std::size_t index);

}  // namespace replylint::cli

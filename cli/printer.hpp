// How `replylint check` shows its results: one printer per output format, fed one reply at a
// time in input order, so that nothing waits for the end of the input.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "output.hpp"
#include "replylint/report.hpp"
#include "replylint/status.hpp"

namespace replylint::cli {

enum class Format { kText, kJson, kJsonl };

struct Totals {
  std::size_t replies = 0, flagged = 0, errors = 0;
  long long points = 0;
};

class Printer {
 public:
  virtual ~Printer() = default;
  // `number` is the line number (--lines, --jsonl) or the argument's position. `shown` is the
  // reply as it may be shown: valid UTF-8 with contact and ID data masked unless
  // --show-matches, one character for each character of the reply, so the violations' char
  // offsets index it. `buyer` is the buyer's message it answers, shown the same way, or empty.
  // Both are empty for a reply without violations (nothing of it is shown).
  virtual void reply(std::size_t number, std::string_view shown, std::string_view buyer,
                     const Result<Report>& result) = 0;
  virtual void finish(const Totals& totals) = 0;
};

// `unit` names what `number` counts in text output: "line" or "reply".
std::unique_ptr<Printer> make_text_printer(Output& out, std::string unit);
std::unique_ptr<Printer> make_json_printer(Output& out, bool one_per_line);

// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD, one for each
// byte, so that character offsets stay as the library counts them.
std::string displayable(std::string_view s);

// What may be printed of a reply or a buyer's message, by check, lint's neighbours and serve:
// displayable(), with phone, ID and card digits and e-mail local parts masked (the library's
// masking, through lint/mask.hpp) unless `show_matches`. One character per character of `text`,
// so violations' char offsets index it.
std::string shown_text(std::string_view text, bool show_matches);

// The byte offset of character `index` in valid UTF-8 `s` (s.size() past the end).
std::size_t byte_of_char(std::string_view s, std::size_t index);

}  // namespace replylint::cli

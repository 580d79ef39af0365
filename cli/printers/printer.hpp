// The output formats of `check` and `lint`: one Printer per format, all found by name in one
// registry (registry.cpp). A new format is one file here and one line there.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings.hpp"

namespace replylint::cli {

class Printer {
 public:
  virtual ~Printer() = default;
  // Whether group() keeps no state between groups, so that the threads of `check --threads N`
  // may format their replies at the same time, each into its own buffer, which the command
  // then writes in input order. Otherwise groups come one at a time, in order.
  virtual bool concurrent() const { return false; }
  // Appends what the group shows to `out`; `first`: it is the first group of the run.
  virtual void group(std::string& out, const Group& g, bool first) = 0;
  // The end of the run. `rules`: every rule of the packs used, sorted by id, for formats that
  // describe them (SARIF).
  virtual void finish(std::string& out, const Summary& summary, const std::vector<RuleInfo>& rules) = 0;
};

struct FormatInfo {
  const char* name;
  const char* help;
  // `source`: what the groups will be, Source::kFile for lint; a format may print check's
  // replies and lint's files differently (text, json).
  std::unique_ptr<Printer> (*make)(Source source);
};

// Every format, in the order --help lists them.
const std::vector<FormatInfo>& formats();
// The format called `name`, or nullptr.
const FormatInfo* find_format(std::string_view name);

// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD, one for each
// byte, so that character offsets stay as the library counts them.
std::string displayable(std::string_view s);

// What may be printed of a reply or a buyer's message, by check, lint and serve: displayable(),
// with phone, ID and card digits and e-mail local parts masked (the library's masking, through
// lint/mask.hpp) unless `show_matches`. One character per character of `text`, so violations'
// char offsets index it.
std::string shown_text(std::string_view text, bool show_matches);

// The byte offset of character `index` in valid UTF-8 `s` (s.size() past the end).
std::size_t byte_of_char(std::string_view s, std::size_t index);

// For a violation that adds nothing to its reply's points (it shares its platform rule with a
// heavier one): the rule it is counted once with ("" if the report has none). nullopt for a
// counted violation.
std::optional<std::string_view> counted_with(const Report& report, const Violation& v);

// One line of display: line breaks and tabs shown as spaces.
std::string one_line(std::string_view s);

// A violation's span in its shown reply, with up to `chars` characters on each side (on one
// line), and whether the reply goes on beyond them. `trim_end`: trailing blanks of the reply
// are not shown (a line of a file may end in some).
struct Snippet {
  std::string_view text;
  std::string before, after;
  bool cut_before = false, cut_after = false;
};
Snippet snippet(std::string_view shown, const Violation& v, std::size_t chars, bool trim_end);

}  // namespace replylint::cli

// The one model of what `check` and `lint` found, which every output format prints: a Group
// (one reply of `check`, one file of `lint`) of Findings in output order, each a violation of a
// checked reply, an error or an unused suppression; a Summary last.
//
// A violation is the engine's own Violation (replylint/report.hpp: rule, spans in bytes and
// characters, points after the config's overrides, counted once per platform rule) of a
// ShownReply (where the reply came from, the reply and the buyer's message as they may be
// shown). Nothing is copied from the engine's report: `check --format jsonl` formats a reply
// without allocating (json_writer.hpp).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/engine.hpp"

namespace replylint::cli {

// The rule id under which unused suppressions are reported.
constexpr const char* kUnusedRule = "replylint.unused-suppression";

// Where a reply came from.
enum class Source {
  kReply,     // check TEXT… or --stdin: `number` is its position
  kLine,      // check --lines: line `number` of standard input, the reply all of it
  kJsonLine,  // check --jsonl: line `number`, the reply a JSON string in it (columns do not map)
  kFile,      // lint: a place in a file (Finding's line and column, or `cell`)
};

// A checked reply as it may be shown. Views, valid as long as the Group that holds the reply.
struct ShownReply {
  Source source = Source::kFile;
  std::size_t number = 0;   // kReply: the argument's position; kLine, kJsonLine: the line
  // Valid UTF-8, contact and ID data masked unless --show-matches, one character per character
  // of the reply, so that Violation::char_start indexes it. `check` leaves it empty for a
  // clean reply (nothing of it is shown).
  std::string_view text;
  std::string_view buyer;            // the buyer's message it answers, shown the same way; or ""
  const Report* report = nullptr;    // null: not checked, `error` says why
  std::string_view error;
  std::string_view hash;   // lint: the reply's hash (lint/suppress.hpp), for ignore-file entries
  std::string_view where;  // lint: "row 3, 内容", "groups[0].content"
  std::string_view cell;   // lint, workbooks: "售前!B7", in place of line and column
  bool fails = true;       // the reply reached --fail-on (check: every violation fails)
};

struct Finding {
  enum class Kind { kViolation, kError, kUnusedSuppression };
  Kind kind = Kind::kViolation;
  int line = 0, column = 0;          // 1-based, columns in characters; 0 when unknown
  int end_line = 0, end_column = 0;  // the character after the span (violations)
  const ShownReply* reply = nullptr;     // violations; an error about one reply
  const Violation* violation = nullptr;  // violations
  std::string rule;     // unused suppressions: the rule named
  std::string message;  // errors and unused suppressions: what is wrong
};

// A reply that the Group owns: a lint file's, or a `check` reply handed to a printer that
// keeps it until the end (SARIF, JUnit). `shown` views the strings beside it.
struct OwnedReply {
  std::string text, buyer, error, hash, where, cell;
  std::optional<Report> report;
  ShownReply shown;
  // Points `shown`'s views at the strings above; call after filling them.
  void bind();
};

struct Group {
  Source source = Source::kFile;
  // lint:
  std::string path;        // as shown
  std::string format;      // txt, csv, …; "" for a config or ignore file
  std::string encoding;    // what the file was read as; "" when it was not read
  std::size_t replies = 0;
  bool comments = false;   // inline suppressions possible (else the ignore file)
  std::string ignore_file; // as shown: where suppressions of this file go
  // check: the reply, also when it is clean (json and jsonl print every reply).
  const ShownReply* reply = nullptr;
  std::vector<Finding> findings;  // in output order
  std::vector<std::unique_ptr<OwnedReply>> owned;

  // A new reply owned by the group; bind() it once filled.
  OwnedReply& own() { return *owned.emplace_back(std::make_unique<OwnedReply>()); }
};

// A whole run, for the last lines of text output, the JSON totals and the SARIF invocation.
struct Summary {
  Source source = Source::kFile;  // kFile: lint's summary; otherwise check's totals
  std::size_t files = 0, replies = 0;
  std::size_t flagged = 0;      // replies with violations
  std::size_t failing = 0;      // replies at or above --fail-on
  std::size_t hidden = 0;       // flagged replies below --min-points, not shown
  std::size_t suppressed = 0;   // violations suppressed
  std::size_t unused = 0;       // suppressions that suppressed nothing
  std::size_t errors = 0;
  long long points = 0;
  int fail_on = 0;              // 0: any violation
  int min_points = 0;
  void add(const Summary& d);
};

// Whether the file was read in another encoding than UTF-8, which the formats then say.
inline bool decoded(const Group& g) { return !g.encoding.empty() && g.encoding != "UTF-8"; }

// "FILE:LINE:COLUMN" with the unknown parts left out; "FILE:SHEET!CELL" in a workbook; "line N"
// or "reply N" for `check`.
std::string location(const Group& g, const Finding& f);

// The cell of a finding in a workbook, or "".
inline std::string_view cell_of(const Finding& f) { return f.reply ? f.reply->cell : std::string_view(); }

// The findings `check` shows for one reply: one per violation (placed on its line for --lines,
// columns in characters), or its error.
void add_reply_findings(Group& g, const ShownReply& reply);

}  // namespace replylint::cli

// What `replylint lint` found, as the printers see it: per file, violations, errors and unused
// suppressions, already positioned (FILE:LINE:COLUMN, columns in characters) and masked.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "../output.hpp"
#include "replylint/engine.hpp"

namespace replylint::cli::lint {

// The rule id under which unused suppressions are reported.
constexpr const char* kUnusedRule = "replylint.unused-suppression";

struct Finding {
  enum class Kind { kViolation, kError, kUnusedSuppression };
  Kind kind = Kind::kViolation;
  int line = 0, column = 0;          // 1-based; 0 when unknown
  int end_line = 0, end_column = 0;  // the character after the span
  std::string message;               // violations: the rule's message; else what is wrong
  // Violations:
  std::string rule, pack, title, suggestion;
  int points = 0;        // after the config's overrides
  int reply_points = 0;  // the reply's total
  bool fails = false;    // the reply reached --fail-on
  std::string text;      // the span (masked unless --show-matches)
  std::string before, after;  // some of the reply around it, on one line, masked likewise
  bool cut_before = false, cut_after = false;
  std::string hash;   // the reply's hash (suppress.hpp)
  std::string where;  // "row 3, 内容", "groups[0].content"
  std::string cell;   // workbooks: "售前!B7", in place of line and column
  std::string buyer;  // the buyer's question the reply answers, on one line, masked likewise; or empty
};

struct FileResult {
  std::string path;    // as shown
  std::string format;  // txt, csv, …; "" for a config or ignore file
  std::string encoding;  // what the file was read as (decode.hpp); "" when it was not read
  std::size_t replies = 0;
  bool comments = false;  // inline suppressions possible (else the ignore file)
  std::string ignore_file;  // as shown: where suppressions of this file go
  std::vector<Finding> findings;
};

struct Summary {
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
};

class LintPrinter {
 public:
  virtual ~LintPrinter() = default;
  virtual void file(const FileResult& result) = 0;
  // `rules`: every rule of the packs used, for formats that describe them (SARIF).
  virtual void finish(const Summary& summary, const std::vector<RuleInfo>& rules) = 0;
};

std::unique_ptr<LintPrinter> make_lint_text_printer(Output& out);
std::unique_ptr<LintPrinter> make_lint_json_printer(Output& out, bool one_per_line);
std::unique_ptr<LintPrinter> make_lint_sarif_printer(Output& out);
std::unique_ptr<LintPrinter> make_lint_github_printer(Output& out);
std::unique_ptr<LintPrinter> make_lint_junit_printer(Output& out);

// Whether the file was read in another encoding than UTF-8, which the text formats then say.
inline bool decoded(const FileResult& r) { return !r.encoding.empty() && r.encoding != "UTF-8"; }

// "FILE:LINE:COLUMN" with the unknown parts left out; "FILE:SHEET!CELL" in a workbook.
inline std::string location(const std::string& path, const Finding& f) {
  std::string s = path;
  if (!f.cell.empty()) return s + ':' + f.cell;
  if (f.line > 0) {
    s += ':' + std::to_string(f.line);
    if (f.column > 0) s += ':' + std::to_string(f.column);
  }
  return s;
}

}  // namespace replylint::cli::lint

#include "lint_present.hpp"

#include <algorithm>

#include "lint/sha256.hpp"
#include "printers/printer.hpp"

namespace replylint::cli {
namespace {

Finding error_finding(int line, int column, std::string message) {
  Finding f;
  f.kind = Finding::Kind::kError;
  f.line = line;
  f.column = column;
  f.message = std::move(message);
  return f;
}

}  // namespace

FileOutcome error_outcome(const std::string& path, int line, int column, std::string message) {
  FileOutcome o;
  o.group.path = path;
  o.group.findings.push_back(error_finding(line, column, std::move(message)));
  o.counts.errors = 1;
  return o;
}

FileOutcome present(lint::CheckedFile file, Group group, const ShowSettings& settings) {
  FileOutcome out;
  out.group = std::move(group);
  Group& g = out.group;
  Summary& counts = out.counts;
  ++counts.files;
  g.encoding = file.encoding;  // also for a file that decoded but did not parse
  if (file.fatal) {  // the file could not be read or parsed: this error is all it reports
    g.findings.push_back(error_finding(file.fatal->line, file.fatal->column, std::move(file.fatal->message)));
    ++counts.errors;
    return out;
  }
  for (lint::FileProblem& p : file.problems) {
    g.findings.push_back(error_finding(p.line, p.column, std::move(p.message)));
    ++counts.errors;
  }
  counts.suppressed = file.suppressed;

  for (lint::CheckedReply& checked : file.replies) {
    const lint::Reply& reply = *checked.reply;
    ++g.replies;
    ++counts.replies;
    if (!checked.report) {
      const auto p = file.src.position(reply.origin.front());
      Finding e = error_finding(p.line, p.column, checked.report.error().message + "; this reply was not checked");
      if (!reply.cell.empty()) {  // a workbook's cell is its only place
        OwnedReply& owned = g.own();
        owned.cell = reply.cell;
        owned.bind();
        e.reply = &owned.shown;
      }
      g.findings.push_back(std::move(e));
      ++counts.errors;
      continue;
    }
    if (checked.report->clean()) continue;
    const int total = checked.report->points;
    const bool fails = settings.fail_on == 0 || total >= settings.fail_on;
    ++counts.flagged;
    counts.points += total;
    if (fails) ++counts.failing;
    if (total < settings.min_points) {
      ++counts.hidden;
      continue;
    }
    OwnedReply& owned = g.own();
    owned.text = shown_text(reply.text, settings.show_matches);
    owned.buyer = shown_text(reply.buyer, settings.show_matches);
    owned.hash = checked.hash.empty() ? lint::reply_hash(reply.buyer, reply.text) : std::move(checked.hash);
    owned.where = reply.where;
    owned.cell = reply.cell;
    owned.report = std::move(checked.report).value();
    owned.shown.fails = fails;
    owned.bind();
    for (const Violation& v : owned.report->violations) {
      Finding f;
      f.reply = &owned.shown;
      f.violation = &v;
      if (reply.cell.empty()) {
        const auto from = file.src.position(reply.origin[v.start]);
        const auto to = file.src.position(reply.origin[v.end]);
        f.line = from.line;
        f.column = from.column;
        f.end_line = to.line;
        f.end_column = to.column;
      }
      g.findings.push_back(std::move(f));
    }
  }

  for (lint::UnusedDirective& d : file.unused) {
    Finding u;
    u.kind = Finding::Kind::kUnusedSuppression;
    u.line = d.line;
    u.column = d.column;
    u.message = d.target ? "unused suppression: " + d.rule + " does not fire on line " + std::to_string(d.target) +
                               " (fixed? remove the comment)"
                         : "unused suppression: no reply follows it";
    u.rule = std::move(d.rule);
    g.findings.push_back(std::move(u));
    ++counts.unused;
  }
  std::stable_sort(g.findings.begin(), g.findings.end(), [](const Finding& a, const Finding& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return out;
}

}  // namespace replylint::cli

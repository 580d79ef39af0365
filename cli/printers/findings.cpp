#include "findings.hpp"

namespace replylint::cli {

void OwnedReply::bind() {
  shown.text = text;
  shown.buyer = buyer;
  shown.error = error;
  shown.hash = hash;
  shown.where = where;
  shown.cell = cell;
  shown.report = report ? &*report : nullptr;
}

void Summary::add(const Summary& d) {
  files += d.files;
  replies += d.replies;
  flagged += d.flagged;
  failing += d.failing;
  hidden += d.hidden;
  suppressed += d.suppressed;
  unused += d.unused;
  errors += d.errors;
  points += d.points;
}

std::string location(const Group& g, const Finding& f) {
  if (g.source != Source::kFile) {
    if (!f.reply) return "replylint";  // not about one reply (check has none such today)
    return (f.reply->source == Source::kReply ? "reply " : "line ") + std::to_string(f.reply->number);
  }
  std::string s = g.path;
  if (const std::string_view cell = cell_of(f); !cell.empty()) return s.append(":").append(cell);
  if (f.line > 0) {
    s += ':' + std::to_string(f.line);
    if (f.column > 0) s += ':' + std::to_string(f.column);
  }
  return s;
}

void add_reply_findings(Group& g, const ShownReply& reply) {
  if (!reply.report) {
    Finding e;
    e.kind = Finding::Kind::kError;
    e.reply = &reply;
    e.message = std::string(reply.error);
    if (reply.source != Source::kReply) e.line = static_cast<int>(reply.number);
    g.findings.push_back(std::move(e));
    return;
  }
  for (const Violation& v : reply.report->violations) {
    Finding f;
    f.reply = &reply;
    f.violation = &v;
    if (reply.source != Source::kReply) f.line = f.end_line = static_cast<int>(reply.number);
    // Only a line read as it is has columns: a --jsonl reply is a JSON string inside its line.
    if (reply.source == Source::kLine) {
      f.column = static_cast<int>(v.char_start) + 1;
      f.end_column = static_cast<int>(v.char_end) + 1;
    }
    g.findings.push_back(std::move(f));
  }
}

}  // namespace replylint::cli

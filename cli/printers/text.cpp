// `--format text`, for people. check: each flagged reply with its violations, the reply around
// each span marked [[like this]], the points, why it breaks the rule and what to say instead;
// the totals last. lint: like a compiler, FILE:LINE:COLUMN: error: … for each finding, file by
// file, the same explanations, and a summary last; a violation whose reply stays below
// --fail-on is a warning, and a file read in another encoding than UTF-8 gets a note saying
// which. Errors go to standard error, from the commands, not here.
#include "printer.hpp"

namespace replylint::cli {
namespace {

constexpr std::size_t kReplyContext = 24;  // characters shown on each side of a span (check)
constexpr std::size_t kFileContext = 20;   // the same for lint, whose lines start with FILE:LINE:COLUMN

// A violation that shares its platform rule with a heavier one costs nothing more: it says
// which violation of the reply the incident is counted at.
std::string uncounted(const Report& r, const Violation& v) {
  const auto with = counted_with(r, v);
  if (!with) return {};
  if (with->empty()) return " (not counted)";
  return " (counted once with " + std::string(*with) + ")";
}

// Appends to a string with <<, as the text is easiest to read written.
struct Text {
  std::string& s;
  Text& operator<<(std::string_view v) {
    s.append(v);
    return *this;
  }
  Text& operator<<(char c) {
    s.push_back(c);
    return *this;
  }
  Text& operator<<(long long n) { return *this << std::string_view(std::to_string(n)); }
  Text& operator<<(std::size_t n) { return *this << static_cast<long long>(n); }
  Text& operator<<(int n) { return *this << static_cast<long long>(n); }
};

void check_reply(Text out, const ShownReply& reply) {
  if (!reply.report || reply.report->clean()) return;
  const Report& r = *reply.report;
  const std::string_view text = reply.text;
  out << (reply.source == Source::kReply ? "reply " : "line ") << reply.number << ": " << r.violations.size()
      << (r.violations.size() == 1 ? " violation, " : " violations, ") << r.points << " points"
      << (r.invalid_utf8 ? " (invalid UTF-8 skipped)" : "") << '\n';
  if (!reply.buyer.empty()) out << "  buyer: " << one_line(reply.buyer) << '\n';
  for (const Violation& v : r.violations) {
    const Snippet s = snippet(text, v, kReplyContext, false);
    out << "  " << (s.cut_before ? "…" : "") << s.before << "[[" << one_line(s.text) << "]]" << s.after
        << (s.cut_after ? "…" : "") << '\n';
    out << "  " << v.rule << "  " << v.title << "  -" << v.points << " points" << uncounted(r, v) << "  (chars "
        << static_cast<std::size_t>(v.char_start) << '-' << static_cast<std::size_t>(v.char_end) << ")\n";
    out << "    违规: " << v.message << '\n';
    out << "    建议: " << v.suggestion << '\n';
  }
  out << '\n';
}

void lint_file(Text out, const Group& g) {
  if (decoded(g)) out << g.path << ": note: read as " << g.encoding << '\n';
  for (const Finding& f : g.findings) {
    switch (f.kind) {
      case Finding::Kind::kError: break;
      case Finding::Kind::kUnusedSuppression:
        out << location(g, f) << ": error: " << f.message << " [" << kUnusedRule << "]\n";
        break;
      case Finding::Kind::kViolation: {
        const Violation& v = *f.violation;
        const ShownReply& reply = *f.reply;
        out << location(g, f) << (reply.fails ? ": error: " : ": warning: ") << v.title << ", " << v.points << " points";
        if (reply.report->points != v.points) out << " (reply: " << reply.report->points << ")";
        out << " [" << v.rule << "]\n  ";
        if (!reply.buyer.empty()) out << "buyer: " << one_line(reply.buyer) << "\n  ";
        if (!reply.where.empty()) out << reply.where << ": ";
        const Snippet s = snippet(reply.text, v, kFileContext, true);
        out << (s.cut_before ? "…" : "") << s.before << "[[" << s.text << "]]" << s.after << (s.cut_after ? "…" : "")
            << "\n  违规: " << v.message << "\n  建议: " << v.suggestion << '\n';
        if (!g.comments)
          out << "  hash: " << reply.hash << " (to accept this reply, list file, rule, hash and a reason in "
              << (g.ignore_file.empty() ? ".replylint-ignore.yaml" : g.ignore_file) << ")\n";
        break;
      }
    }
  }
}

void check_totals(Text out, const Summary& t) {
  out << t.replies << (t.replies == 1 ? " reply" : " replies") << " checked: ";
  if (t.flagged == 0) out << "no violations";
  else out << t.flagged << " with violations, " << t.points << " points";
  if (t.errors > 0) out << ", " << t.errors << " not checked (see errors)";
  out << '\n';
}

void lint_summary(Text out, const Summary& s) {
  out << s.files << (s.files == 1 ? " file, " : " files, ") << s.replies << (s.replies == 1 ? " reply" : " replies")
      << " checked: ";
  if (s.flagged == 0) {
    out << "no violations";
  } else {
    out << s.flagged << " with violations (" << s.points << " points)";
    if (s.fail_on > 0) out << ", " << s.failing << " at or above --fail-on " << s.fail_on;
    if (s.hidden > 0) out << ", " << s.hidden << " below --min-points not shown";
  }
  if (s.suppressed > 0) out << "; " << s.suppressed << " suppressed";
  if (s.unused > 0) out << "; " << s.unused << (s.unused == 1 ? " unused suppression" : " unused suppressions");
  if (s.errors > 0) out << "; " << s.errors << (s.errors == 1 ? " error" : " errors") << " (on standard error)";
  out << '\n';
}

class TextPrinter final : public Printer {
 public:
  bool concurrent() const override { return true; }
  void group(std::string& out, const Group& g, bool) override {
    if (g.source == Source::kFile) lint_file(Text{out}, g);
    else check_reply(Text{out}, *g.reply);
  }
  void finish(std::string& out, const Summary& s, const std::vector<RuleInfo>&) override {
    if (s.source == Source::kFile) lint_summary(Text{out}, s);
    else check_totals(Text{out}, s);
  }
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(Source) { return std::make_unique<TextPrinter>(); }

}  // namespace replylint::cli

// `--format text`: like a compiler, FILE:LINE:COLUMN: error: … for each finding, file by file,
// the reply around the span marked [[like this]], why and what to say instead; a summary last.
// A violation whose reply stays below --fail-on is a warning. A file read in another encoding
// than UTF-8 gets a note saying which. Errors are printed to standard
// error by the command, not here.
#include "findings.hpp"

namespace replylint::cli::lint {
namespace {

class TextPrinter final : public LintPrinter {
 public:
  explicit TextPrinter(Output& out) : out_(out) {}

  void file(const FileResult& r) override {
    if (decoded(r)) out_ << r.path << ": note: read as " << r.encoding << '\n';
    for (const Finding& f : r.findings) {
      switch (f.kind) {
        case Finding::Kind::kError: break;
        case Finding::Kind::kUnusedSuppression:
          out_ << location(r.path, f) << ": error: " << f.message << " [" << kUnusedRule << "]\n";
          break;
        case Finding::Kind::kViolation: {
          out_ << location(r.path, f) << (f.fails ? ": error: " : ": warning: ") << f.title << ", "
               << static_cast<long long>(f.points) << " points";
          if (f.reply_points != f.points) out_ << " (reply: " << static_cast<long long>(f.reply_points) << ")";
          out_ << " [" << f.rule << "]\n  ";
          if (!f.buyer.empty()) out_ << "buyer: " << f.buyer << "\n  ";
          if (!f.where.empty()) out_ << f.where << ": ";
          out_ << (f.cut_before ? "…" : "") << f.before << "[[" << f.text << "]]" << f.after << (f.cut_after ? "…" : "")
               << "\n  违规: " << f.message << "\n  建议: " << f.suggestion << '\n';
          if (!r.comments)
            out_ << "  hash: " << f.hash << " (to accept this reply, list file, rule, hash and a reason in "
                 << (r.ignore_file.empty() ? ".replylint-ignore.yaml" : r.ignore_file) << ")\n";
          break;
        }
      }
    }
  }

  void finish(const Summary& s, const std::vector<RuleInfo>&) override {
    out_ << static_cast<long long>(s.files) << (s.files == 1 ? " file, " : " files, ") << static_cast<long long>(s.replies)
         << (s.replies == 1 ? " reply" : " replies") << " checked: ";
    if (s.flagged == 0) {
      out_ << "no violations";
    } else {
      out_ << static_cast<long long>(s.flagged) << " with violations (" << s.points << " points)";
      if (s.fail_on > 0) out_ << ", " << static_cast<long long>(s.failing) << " at or above --fail-on " << static_cast<long long>(s.fail_on);
      if (s.hidden > 0) out_ << ", " << static_cast<long long>(s.hidden) << " below --min-points not shown";
    }
    if (s.suppressed > 0) out_ << "; " << static_cast<long long>(s.suppressed) << " suppressed";
    if (s.unused > 0) out_ << "; " << static_cast<long long>(s.unused) << (s.unused == 1 ? " unused suppression" : " unused suppressions");
    if (s.errors > 0) out_ << "; " << static_cast<long long>(s.errors) << (s.errors == 1 ? " error" : " errors") << " (on standard error)";
    out_ << '\n';
  }

 private:
  Output& out_;
};

}  // namespace

std::unique_ptr<LintPrinter> make_lint_text_printer(Output& out) { return std::make_unique<TextPrinter>(out); }

}  // namespace replylint::cli::lint

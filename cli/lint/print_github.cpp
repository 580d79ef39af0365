// `--format github`: GitHub Actions workflow commands, one per finding, so that each shows on
// the pull request's diff: ::error file=F,line=L,col=C,endLine=…,endColumn=…,title=T::MESSAGE.
// Values are escaped as the runner expects (% CR LF in the message; also : and , in
// properties). A violation whose reply stays below --fail-on is a ::warning. A file read in
// another encoding than UTF-8 gets a ::notice saying which.
#include "findings.hpp"

namespace replylint::cli::lint {
namespace {

std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

class GithubPrinter final : public LintPrinter {
 public:
  explicit GithubPrinter(Output& out) : out_(out) {}

  void file(const FileResult& r) override {
    if (decoded(r))
      out_ << "::notice file=" << escape_property(r.path) << ",title=replylint%3A encoding::read as "
           << escape_data(r.encoding) << '\n';
    for (const Finding& f : r.findings) {
      const bool warning = f.kind == Finding::Kind::kViolation && !f.fails;
      out_ << (warning ? "::warning " : "::error ") << "file=" << escape_property(r.path);
      if (f.line > 0) out_ << ",line=" << static_cast<long long>(f.line);
      if (f.column > 0) out_ << ",col=" << static_cast<long long>(f.column);
      if (f.end_line > 0)
        out_ << ",endLine=" << static_cast<long long>(f.end_line) << ",endColumn=" << static_cast<long long>(f.end_column);
      std::string title, message;
      switch (f.kind) {
        case Finding::Kind::kError:
          title = "replylint: error";
          message = f.message;
          break;
        case Finding::Kind::kUnusedSuppression:
          title = "replylint: unused suppression (" + f.rule + ")";
          message = f.message;
          break;
        case Finding::Kind::kViolation:
          title = f.title + " -" + std::to_string(f.points) + " points [" + f.rule + "]";
          message = (f.cut_before ? "…" : "") + f.before + "[[" + f.text + "]]" + f.after + (f.cut_after ? "…" : "") +
                    "\n违规: " + f.message + "\n建议: " + f.suggestion;
          if (!r.comments) message += "\nhash: " + f.hash;
          break;
      }
      if (!f.cell.empty()) message = f.cell + ": " + message;  // a workbook's cell has no line
      out_ << ",title=" << escape_property(title) << "::" << escape_data(message) << '\n';
    }
  }

  void finish(const Summary&, const std::vector<RuleInfo>&) override {}

 private:
  Output& out_;
};

}  // namespace

std::unique_ptr<LintPrinter> make_lint_github_printer(Output& out) { return std::make_unique<GithubPrinter>(out); }

}  // namespace replylint::cli::lint

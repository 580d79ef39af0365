// `--format github`: GitHub Actions workflow commands, one per finding, so that each shows on
// the pull request's diff: ::error file=F,line=L,col=C,endLine=…,endColumn=…,title=T::MESSAGE.
// Values are escaped as the runner expects (% CR LF in the message; also : and , in
// properties). A violation whose reply stays below --fail-on is a ::warning. A file read in
// another encoding than UTF-8 gets a ::notice saying which. The buyer's question a reply
// answers leads its message. `check`'s findings name no file: their place starts the message.
#include "printer.hpp"

namespace replylint::cli {
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

constexpr std::size_t kContext = 20;  // characters of the reply on each side of a span

class GithubPrinter final : public Printer {
 public:
  bool concurrent() const override { return true; }

  void group(std::string& out, const Group& g, bool) override {
    if (decoded(g))
      out += "::notice file=" + escape_property(g.path) + ",title=replylint%3A encoding::read as " +
             escape_data(g.encoding) + '\n';
    for (const Finding& f : g.findings) {
      const bool warning = f.kind == Finding::Kind::kViolation && !f.reply->fails;
      // `check` has no file: its place (line 3, reply 2) starts the message.
      std::string properties;
      if (g.source == Source::kFile) {
        properties = "file=" + escape_property(g.path);
        if (f.line > 0) properties += ",line=" + std::to_string(f.line);
        if (f.column > 0) properties += ",col=" + std::to_string(f.column);
        if (f.end_line > 0)
          properties += ",endLine=" + std::to_string(f.end_line) + ",endColumn=" + std::to_string(f.end_column);
        properties += ',';
      }
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
        case Finding::Kind::kViolation: {
          const Violation& v = *f.violation;
          const Snippet s = snippet(f.reply->text, v, kContext, true);
          title = v.title + " -" + std::to_string(v.points) + " points [" + v.rule + "]";
          if (const auto with = counted_with(*f.reply->report, v)) title += " (counted once with " + std::string(*with) + ")";
          message = (s.cut_before ? "…" : "") + s.before + "[[" + std::string(s.text) + "]]" + s.after +
                    (s.cut_after ? "…" : "");
          if (!f.reply->buyer.empty()) message = "buyer: " + one_line(f.reply->buyer) + "\n" + message;
          message += "\n违规: " + v.message + "\n建议: " + v.suggestion;
          if (!g.comments && !f.reply->hash.empty()) message += "\nhash: " + std::string(f.reply->hash);
          break;
        }
      }
      if (!cell_of(f).empty()) message = std::string(cell_of(f)) + ": " + message;  // a workbook's cell has no line
      if (g.source != Source::kFile) message = location(g, f) + ": " + message;
      out += (warning ? "::warning " : "::error ") + properties + "title=" + escape_property(title) + "::" +
             escape_data(message) + '\n';
    }
  }

  void finish(std::string&, const Summary&, const std::vector<RuleInfo>&) override {}
};

}  // namespace

std::unique_ptr<Printer> make_github_printer(Source) { return std::make_unique<GithubPrinter>(); }

}  // namespace replylint::cli

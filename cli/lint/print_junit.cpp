// `--format junit`: JUnit XML for CI test reports. One <testsuite> per file; one <testcase>
// per finding (a <failure> for a violation or an unused suppression, an <error> for an input
// error), and one passing <testcase> for a file without findings.
#include "findings.hpp"

namespace replylint::cli::lint {
namespace {

// XML 1.0 text: markup escaped, characters XML cannot hold dropped.
std::string xml(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c >= 0x20) out += ch;
    }
  }
  return out;
}

class JunitPrinter final : public LintPrinter {
 public:
  explicit JunitPrinter(Output& out) : out_(out) {}

  void file(const FileResult& r) override {
    std::string cases;
    std::size_t failures = 0, errors = 0, tests = 0;
    for (const Finding& f : r.findings) {
      ++tests;
      const std::string at = location(r.path, f);
      if (f.kind == Finding::Kind::kError) {
        ++errors;
        cases += "    <testcase classname=\"" + xml(r.path) + "\" name=\"" + xml(at) + " error\">\n      <error message=\"" +
                 xml(f.message) + "\">" + xml(at + ": error: " + f.message) + "</error>\n    </testcase>\n";
      } else if (f.kind == Finding::Kind::kUnusedSuppression) {
        ++failures;
        cases += "    <testcase classname=\"" + xml(r.path) + "\" name=\"" + xml(at) + " unused suppression\">\n"
                 "      <failure type=\"replylint.unused-suppression\" message=\"" + xml(f.message) + "\">" +
                 xml(at + ": " + f.message) + "</failure>\n    </testcase>\n";
      } else {
        if (f.fails) ++failures;
        cases += "    <testcase classname=\"" + xml(r.path) + "\" name=\"" + xml(at + " " + f.rule) + "\"";
        if (!f.fails) {
          cases += "/>\n";  // below --fail-on: reported, not failed
          continue;
        }
        const std::string body = at + ": " + f.title + ", " + std::to_string(f.points) + " points [" + f.rule + "]\n" +
                                 (f.where.empty() ? "" : f.where + ": ") + f.before + "[[" + f.text + "]]" + f.after +
                                 "\n违规: " + f.message + "\n建议: " + f.suggestion;
        cases += ">\n      <failure type=\"" + xml(f.rule) + "\" message=\"" +
                 xml(f.title + " (" + std::to_string(f.points) + " points)") + "\">" + xml(body) +
                 "</failure>\n    </testcase>\n";
      }
    }
    if (tests == 0) {
      ++tests;
      cases += "    <testcase classname=\"" + xml(r.path) + "\" name=\"" + xml(r.path) + " (" + std::to_string(r.replies) +
               " replies)\"/>\n";
    }
    tests_ += tests;
    failures_ += failures;
    errors_ += errors;
    suites_ += "  <testsuite name=\"" + xml(r.path) + "\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
               std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\">\n" +
               (decoded(r) ? "    <properties>\n      <property name=\"encoding\" value=\"" + xml(r.encoding) +
                                 "\"/>\n    </properties>\n"
                           : std::string()) +
               cases + "  </testsuite>\n";
  }

  void finish(const Summary&, const std::vector<RuleInfo>&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"replylint\" tests=\""
         << static_cast<long long>(tests_) << "\" failures=\"" << static_cast<long long>(failures_) << "\" errors=\""
         << static_cast<long long>(errors_) << "\">\n"
         << suites_ << "</testsuites>\n";
  }

 private:
  Output& out_;
  std::string suites_;
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0;
};

}  // namespace

std::unique_ptr<LintPrinter> make_lint_junit_printer(Output& out) { return std::make_unique<JunitPrinter>(out); }

}  // namespace replylint::cli::lint

// `--format junit`: JUnit XML for CI test reports. One <testsuite> per file; one <testcase>
// per finding (a <failure> for a violation or an unused suppression, an <error> for an input
// error), and one passing <testcase> for a file without findings. `check`: one suite for its
// input, a <testcase> per violation and per clean reply.
#include "printer.hpp"

namespace replylint::cli {
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

constexpr std::size_t kContext = 20;  // characters of the reply on each side of a span

class JunitPrinter final : public Printer {
 public:
  void group(std::string&, const Group& g, bool) override {
    // `check`'s replies are the test cases of one suite, named after the input.
    const std::string suite = g.source == Source::kFile ? g.path
                              : g.source == Source::kReply ? std::string("replies")
                                                           : std::string("standard input");
    if (g.source == Source::kFile || suite != suite_) flush();  // a lint file is a suite of its own
    suite_ = suite;
    if (decoded(g)) encoding_ = g.encoding;
    std::size_t tests = 0;
    for (const Finding& f : g.findings) {
      ++tests;
      const std::string at = location(g, f);
      if (f.kind == Finding::Kind::kError) {
        ++errors_;
        cases_ += "    <testcase classname=\"" + xml(suite) + "\" name=\"" + xml(at) + " error\">\n      <error message=\"" +
                  xml(f.message) + "\">" + xml(at + ": error: " + f.message) + "</error>\n    </testcase>\n";
      } else if (f.kind == Finding::Kind::kUnusedSuppression) {
        ++failures_;
        cases_ += "    <testcase classname=\"" + xml(suite) + "\" name=\"" + xml(at) + " unused suppression\">\n"
                  "      <failure type=\"replylint.unused-suppression\" message=\"" + xml(f.message) + "\">" +
                  xml(at + ": " + f.message) + "</failure>\n    </testcase>\n";
      } else {
        const Violation& v = *f.violation;
        const ShownReply& reply = *f.reply;
        if (reply.fails) ++failures_;
        cases_ += "    <testcase classname=\"" + xml(suite) + "\" name=\"" + xml(at + " " + v.rule) + "\"";
        if (!reply.fails) {
          cases_ += "/>\n";  // below --fail-on: reported, not failed
          continue;
        }
        const Snippet s = snippet(reply.text, v, kContext, true);
        const auto with = counted_with(*reply.report, v);
        const std::string body = at + ": " + v.title + ", " + std::to_string(v.points) + " points [" + v.rule + "]" +
                                 (with ? " (counted once with " + std::string(*with) + ")" : "") + "\n" +
                                 (reply.buyer.empty() ? "" : "buyer: " + one_line(reply.buyer) + "\n") +
                                 (reply.where.empty() ? "" : std::string(reply.where) + ": ") + s.before + "[[" +
                                 std::string(s.text) + "]]" + s.after + "\n违规: " + v.message + "\n建议: " + v.suggestion;
        cases_ += ">\n      <failure type=\"" + xml(v.rule) + "\" message=\"" +
                  xml(v.title + " (" + std::to_string(v.points) + " points)") + "\">" + xml(body) +
                  "</failure>\n    </testcase>\n";
      }
    }
    if (tests == 0) {
      ++tests;
      const std::string name = g.source == Source::kFile ? g.path + " (" + std::to_string(g.replies) + " replies)"
                               : g.reply->source == Source::kReply ? "reply " + std::to_string(g.reply->number)
                                                                   : "line " + std::to_string(g.reply->number);
      cases_ += "    <testcase classname=\"" + xml(suite) + "\" name=\"" + xml(name) + "\"/>\n";
    }
    tests_ += tests;
  }

  void finish(std::string& out, const Summary&, const std::vector<RuleInfo>&) override {
    flush();
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"replylint\" tests=\"" +
           std::to_string(all_tests_) + "\" failures=\"" + std::to_string(all_failures_) + "\" errors=\"" +
           std::to_string(all_errors_) + "\">\n" + suites_ + "</testsuites>\n";
  }

 private:
  // Closes the suite being written, if any.
  void flush() {
    if (suite_.empty() && cases_.empty()) return;
    suites_ += "  <testsuite name=\"" + xml(suite_) + "\" tests=\"" + std::to_string(tests_) + "\" failures=\"" +
               std::to_string(failures_) + "\" errors=\"" + std::to_string(errors_) + "\">\n" +
               (encoding_.empty() ? std::string()
                                  : "    <properties>\n      <property name=\"encoding\" value=\"" + xml(encoding_) +
                                        "\"/>\n    </properties>\n") +
               cases_ + "  </testsuite>\n";
    all_tests_ += tests_;
    all_failures_ += failures_;
    all_errors_ += errors_;
    suite_.clear();
    cases_.clear();
    encoding_.clear();
    tests_ = failures_ = errors_ = 0;
  }

  std::string suites_, suite_, cases_, encoding_;
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0;
  std::size_t all_tests_ = 0, all_failures_ = 0, all_errors_ = 0;
};

}  // namespace

std::unique_ptr<Printer> make_junit_printer(Source) { return std::make_unique<JunitPrinter>(); }

}  // namespace replylint::cli

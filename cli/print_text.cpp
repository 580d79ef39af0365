// Text for people: each violation with the reply around it, the span marked [[like this]],
// the points, why it breaks the rule and what to say instead.
#include "printer.hpp"

namespace replylint::cli {
namespace {

constexpr int kContextChars = 24;  // characters of the reply shown on each side of a span

// One line of display: line breaks and tabs in a multi-line reply shown as spaces.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

// A violation that shares its platform rule with a heavier one costs nothing more: it says
// which violation of the reply the incident is counted at.
std::string uncounted(const Report& r, const Violation& v) {
  if (v.counted) return {};
  for (const Violation& w : r.violations)
    if (w.counted && w.platform_rule == v.platform_rule) return " (counted once with " + w.rule + ")";
  return " (not counted)";
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
};

class TextPrinter final : public Printer {
 public:
  explicit TextPrinter(std::string unit) : unit_(std::move(unit)) {}

  void reply(std::string& buffer, std::size_t number, bool, std::string_view text, std::string_view buyer,
             const Result<Report>& result) const override {  // text: shown
    Text out_{buffer};
    if (!result) return;  // errors go to standard error, from the command
    const Report& r = *result;
    if (r.clean()) return;
    out_ << unit_ << ' ' << static_cast<long long>(number) << ": " << static_cast<long long>(r.violations.size())
         << (r.violations.size() == 1 ? " violation, " : " violations, ") << static_cast<long long>(r.points)
         << " points" << (r.invalid_utf8 ? " (invalid UTF-8 skipped)" : "") << '\n';
    if (!buyer.empty()) out_ << "  buyer: " << one_line(buyer) << '\n';
    for (const Violation& v : r.violations) {
      const std::size_t start = byte_of_char(text, v.char_start), end = byte_of_char(text, v.char_end);
      const std::size_t from = byte_of_char(text, v.char_start > kContextChars ? v.char_start - kContextChars : 0);
      const std::size_t to = byte_of_char(text, v.char_end + kContextChars);
      out_ << "  " << (from > 0 ? "…" : "") << one_line(text.substr(from, start - from)) << "[["
           << one_line(text.substr(start, end - start)) << "]]" << one_line(text.substr(end, to - end))
           << (to < text.size() ? "…" : "") << '\n';
      out_ << "  " << v.rule << "  " << v.title << "  -" << static_cast<long long>(v.points) << " points"
           << uncounted(r, v) << "  (chars "
           << static_cast<long long>(v.char_start) << '-' << static_cast<long long>(v.char_end) << ")\n";
      out_ << "    违规: " << v.message << '\n';
      out_ << "    建议: " << v.suggestion << '\n';
    }
    out_ << '\n';
  }

  void finish(std::string& buffer, const Totals& t) const override {
    Text out_{buffer};
    out_ << static_cast<long long>(t.replies) << (t.replies == 1 ? " reply" : " replies") << " checked: ";
    if (t.flagged == 0) out_ << "no violations";
    else out_ << static_cast<long long>(t.flagged) << " with violations, " << t.points << " points";
    if (t.errors > 0) out_ << ", " << static_cast<long long>(t.errors) << " not checked (see errors)";
    out_ << '\n';
  }

 private:
  std::string unit_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::string unit) {
  return std::make_unique<TextPrinter>(std::move(unit));
}

}  // namespace replylint::cli

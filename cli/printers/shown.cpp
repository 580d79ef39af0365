#include "printer.hpp"

#include "lint/mask.hpp"
#include "replylint/tools/utf8.hpp"

namespace replylint::cli {

std::string displayable(std::string_view s) { return detail::displayable_utf8(s); }

std::string shown_text(std::string_view text, bool show_matches) {
  std::string shown = displayable(text);
  return show_matches ? shown : lint::mask_sensitive(shown);
}

std::size_t byte_of_char(std::string_view s, std::size_t index) {
  std::size_t i = 0;
  for (; i < s.size() && index > 0; --index) detail::next_char(s, i);
  return i;
}

std::optional<std::string_view> counted_with(const Report& report, const Violation& v) {
  if (v.counted) return std::nullopt;
  for (const Violation& w : report.violations)
    if (w.counted && w.platform_rule == v.platform_rule) return std::string_view(w.rule);
  return std::string_view();
}

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

Snippet snippet(std::string_view shown, const Violation& v, std::size_t chars, bool trim_end) {
  const std::size_t start = byte_of_char(shown, v.char_start), end = byte_of_char(shown, v.char_end);
  const std::size_t from = byte_of_char(shown, v.char_start > chars ? v.char_start - chars : 0);
  const std::size_t to = byte_of_char(shown, v.char_end + chars);
  Snippet s;
  s.text = shown.substr(start, end - start);
  s.before = one_line(shown.substr(from, start - from));
  s.after = one_line(shown.substr(end, to - end));
  s.cut_before = from > 0;
  s.cut_after = to < shown.size();
  if (trim_end && !s.cut_after) s.after.erase(s.after.find_last_not_of(' ') + 1);
  return s;
}

}  // namespace replylint::cli

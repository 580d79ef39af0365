#include "utf8.hpp"

#include "replylint/tools/utf8.hpp"

// lint's names for the one UTF-8 module (replylint/tools/utf8.hpp).
namespace replylint::lint {

std::size_t utf8_length(std::string_view s, std::size_t i) { return detail::utf8_sequence(s, i); }

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = detail::utf8_sequence(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::size_t count_chars(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t chars = 0;
  for (std::size_t i = from; i < to; ++chars) detail::next_char(s, i);
  return chars;
}

char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t* length) {
  const std::size_t from = i;
  const char32_t cp = detail::next_char(s, i);
  *length = i - from;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) { out += detail::utf8(cp); }

}  // namespace replylint::lint

#include "printer.hpp"

#include "lint/mask.hpp"
#include "lint/utf8.hpp"

namespace replylint::cli {

std::string displayable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = lint::utf8_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string shown_text(std::string_view text, bool show_matches) {
  std::string shown = displayable(text);
  return show_matches ? shown : lint::mask_sensitive(shown);
}

std::size_t byte_of_char(std::string_view s, std::size_t index) {
  std::size_t i = 0;
  for (; i < s.size() && index > 0; --index) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace replylint::cli

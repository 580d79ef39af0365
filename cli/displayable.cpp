#include "printer.hpp"

#include "lint/mask.hpp"
#include "utf8.hpp"

namespace replylint::cli {

std::string shown_text(std::string_view text, bool show_matches) {
  std::string shown = detail::displayable_utf8(text);
  return show_matches ? shown : lint::mask_sensitive(shown);
}

std::size_t byte_of_char(std::string_view s, std::size_t index) {
  std::size_t i = 0;
  for (; i < s.size() && index > 0; --index) detail::next_char(s, i);
  return i;
}

}  // namespace replylint::cli

#include "mask.hpp"

#include <replylint/mask.hpp>

#include "utf8.hpp"

namespace replylint::lint {

std::string mask_sensitive(std::string_view text) {
  auto masked = replylint::mask(text);
  if (masked) return std::move(masked).value();
  return std::string(count_chars(text, 0, text.size()), '*');
}

}  // namespace replylint::lint

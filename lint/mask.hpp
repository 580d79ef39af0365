// What check and lint print goes through replylint::mask() (replylint/mask.hpp), unless
// --show-matches. This wrapper only decides what to print when masking itself fails (out of
// memory, a text of 4 GiB): every character masked, so that a failure never shows the data.
#pragma once

#include <string>
#include <string_view>

namespace replylint::lint {

std::string mask_sensitive(std::string_view text);

}  // namespace replylint::lint

// Checksums that tell an identity or card number from a number that merely has its length
// (order and tracking numbers are 16-19 digits too). Pure functions on ASCII text.
#pragma once

#include <string_view>

#include "replylint/pack.hpp"

namespace replylint::detail {

// Whether the digits of `span` (other characters ignored; a final 'x' kept for cn-id) pass
// `v`. Validator::kNone always passes.
bool passes(Validator v, std::string_view span);

}  // namespace replylint::detail

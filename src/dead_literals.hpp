// Finds the literal characters of a rule pattern that can never occur in normalized text
// (upper case, spaces, punctuation, full-width and Traditional forms: rules/README.md), so that
// a pattern branch or an `unless` exception that could never apply is a load error instead of
// a rule that silently does nothing.
#pragma once

#include <optional>
#include <string_view>

namespace replylint::detail {

// The first literal code point of RE2 pattern `pattern` (outside character classes, escapes
// and group syntax) that normalization never leaves in the text, or nothing. Patterns with
// (?i) are not checked for letters' case.
std::optional<char32_t> dead_literal(std::string_view pattern);

}  // namespace replylint::detail

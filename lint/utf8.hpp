// UTF-8 helpers for `replylint lint`: well-formedness, code-point counting and decoding, with
// the library's convention that an invalid byte counts as one character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace replylint::lint {

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when the byte there does not start one.
std::size_t utf8_length(std::string_view s, std::size_t i);

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s);

// Characters in s[from, to): one per well-formed sequence, one per invalid byte.
std::size_t count_chars(std::string_view s, std::size_t from, std::size_t to);

// The code point at s[i] and its length; an invalid byte gives U+FFFD and length 1.
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t* length);

void append_utf8(std::string& out, char32_t cp);

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace replylint::lint

// UTF-8, once for the library and the command line: what is well-formed, decoding, encoding,
// and the counts that offsets are reported in.
//
// Well-formed is Unicode's definition (table 3-7, as ICU's U8_NEXT): no overlong forms, no
// surrogates, nothing above U+10FFFF. Whatever is not well-formed is read a byte at a time, and
// each such byte is one unit: one character for char offsets, one UTF-16 unit, one U+FFFD when
// shown. The reported offsets of every binding rest on this, so every reader uses these
// functions rather than a decoder of its own (lint/utf8.hpp is lint's names for them). A tools
// header (include/replylint/tools/): shared by the library, the CLI and lint, not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace replylint::detail {

// The well-formed sequence that starts at s[0], of at most `avail` (>= 1) bytes: its length,
// 1..4, with its code point in `cp` and its bytes in `bytes` (first byte lowest: one 4-byte
// little-endian store writes the sequence out); 0 when s[0] starts none (then `cp` and `bytes`
// are unspecified).
// The normalizer's hot loop runs on it: always inlined (measured: called, or with the bytes
// loaded again by the caller, the loop is 5-10% slower), the 3-byte case (Chinese) first and
// checked with one branch.
[[gnu::always_inline]] inline std::uint32_t decode_utf8(const unsigned char* s, std::size_t avail, char32_t& cp,
                                                        std::uint32_t& bytes) {
  const unsigned char b0 = s[0];
  if (b0 < 0x80) {
    cp = b0;
    bytes = b0;
    return 1;
  }
  if ((b0 & 0xF0) == 0xE0) {
    if (avail < 3) return 0;
    const unsigned char b1 = s[1], b2 = s[2];
    cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
    // Two continuation bytes, no overlong form, no surrogate.
    if ((((b1 ^ 0x80u) | (b2 ^ 0x80u)) & 0xC0u) | (cp < 0x800) | (cp - 0xD800u < 0x800u)) return 0;
    bytes = b0 | (std::uint32_t{b1} << 8) | (std::uint32_t{b2} << 16);
    return 3;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {  // C0 and C1 could only start overlong forms
    if (avail < 2 || (s[1] & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0 & 0x1Fu} << 6) | (s[1] & 0x3Fu);
    bytes = b0 | (std::uint32_t{s[1]} << 8);
    return 2;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (avail < 4) return 0;
    const unsigned char b1 = s[1], b2 = s[2], b3 = s[3];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0 & 0x07u} << 18) | (char32_t{b1 & 0x3Fu} << 12) | (char32_t{b2 & 0x3Fu} << 6) | (b3 & 0x3Fu);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    bytes = b0 | (std::uint32_t{b1} << 8) | (std::uint32_t{b2} << 16) | (std::uint32_t{b3} << 24);
    return 4;
  }
  return 0;
}

inline std::uint32_t decode_utf8(const unsigned char* s, std::size_t avail, char32_t& cp) {
  std::uint32_t bytes;
  return decode_utf8(s, avail, cp, bytes);
}

// The length of the well-formed sequence at s[i] (i < s.size()), or 0.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  char32_t cp;
  return decode_utf8(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i, cp);
}

// The character at s[i] (i < s.size()), and i moved past it: a byte that starts no well-formed
// sequence reads as U+FFFD and moves i by one.
inline char32_t next_char(std::string_view s, std::size_t& i) {
  char32_t cp;
  const std::uint32_t n = decode_utf8(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i, cp);
  i += n == 0 ? 1 : n;
  return n == 0 ? U'\uFFFD' : cp;
}

inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// UTF-16 code units of s: two for a character above U+FFFF, one for any other character and
// for each byte that is not well-formed.
inline std::uint32_t utf16_units(std::string_view s) {
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    units += n == 4 ? 2 : 1;
    i += n == 0 ? 1 : n;
  }
  return units;
}

// In text known to be well-formed (normalized text): whether a byte continues a character, to
// step over characters without decoding them.
inline bool continuation_byte(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }

inline int utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// Writes `c`, whose UTF-8 length is `len` (utf8_length(c)), at `o`.
inline void put_utf8(char* o, char32_t c, int len) {
  switch (len) {
    case 1: o[0] = static_cast<char>(c); break;
    case 2:
      o[0] = static_cast<char>(0xC0 | (c >> 6));
      o[1] = static_cast<char>(0x80 | (c & 0x3F));
      break;
    case 3:
      o[0] = static_cast<char>(0xE0 | (c >> 12));
      o[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      o[2] = static_cast<char>(0x80 | (c & 0x3F));
      break;
    default:
      o[0] = static_cast<char>(0xF0 | (c >> 18));
      o[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      o[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      o[3] = static_cast<char>(0x80 | (c & 0x3F));
  }
}

inline std::string utf8(char32_t c) {
  char buf[4];
  const int len = utf8_length(c);
  put_utf8(buf, c, len);
  return std::string(buf, static_cast<std::size_t>(len));
}

// `s` with each byte that is not well-formed replaced by U+FFFD: text safe to print or to put
// in JSON, with one character per unit, so char offsets into `s` index it too.
inline std::string displayable_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
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

}  // namespace replylint::detail

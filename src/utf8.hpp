// Encoding one code point as UTF-8: the normalizer's output, the compressed alphabet's
// rewriting of patterns, and error messages all need it, so it lives once, here.
#pragma once

#include <string>

namespace replylint::detail {

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

}  // namespace replylint::detail

// The one UTF-8 module (src/utf8.hpp): Unicode's well-formed sequences decode, everything else
// is one unit per byte, and the module agrees with ICU's U8_NEXT, the decoder the fold table
// is generated with, on every one-, two- and three-byte input and on every four-byte lead.
#include <catch2/catch.hpp>

#include <unicode/utf8.h>

#include <string>
#include <vector>

#include "replylint/tools/utf8.hpp"

using namespace replylint::detail;

namespace {

// The units of `s` as next_char() reads them.
std::vector<char32_t> chars(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(next_char(s, i));
  return out;
}

constexpr char32_t kBad = U'\uFFFD';

}  // namespace

TEST_CASE("well-formed sequences of every length decode to their code point") {
  CHECK(chars("a") == std::vector<char32_t>{U'a'});
  CHECK(chars("\xC2\x80") == std::vector<char32_t>{U'\u0080'});
  CHECK(chars("\xDF\xBF") == std::vector<char32_t>{U'\u07FF'});
  CHECK(chars("微信") == std::vector<char32_t>{U'微', U'信'});
  CHECK(chars("\xE0\xA0\x80\xEF\xBF\xBF") == std::vector<char32_t>{U'\u0800', U'\uFFFF'});
  CHECK(chars("\xED\x9F\xBF\xEE\x80\x80") == std::vector<char32_t>{U'\uD7FF', U'\uE000'});  // around the surrogates
  CHECK(chars("😊") == std::vector<char32_t>{U'😊'});
  CHECK(chars("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF") == std::vector<char32_t>{U'\U00010000', U'\U0010FFFF'});
  CHECK(valid_utf8("亲，加我微信 abc😊"));
  CHECK(valid_utf8(""));
}

TEST_CASE("an invalid byte is one unit, and the bytes after it are read afresh") {
  // A lone continuation byte, bytes that never occur, a lead without its continuation.
  CHECK(chars("\x80") == std::vector<char32_t>{kBad});
  CHECK(chars("a\xFF" "b") == std::vector<char32_t>{U'a', kBad, U'b'});
  CHECK(chars("\xFE\xC0\xC1\xF5\xF8") == std::vector<char32_t>(5, kBad));
  CHECK(chars("\xE5" "a") == std::vector<char32_t>{kBad, U'a'});
  // 加\xff微\xc0信: the characters around bad bytes survive.
  CHECK(chars("\xE5\x8A\xA0\xFF\xE5\xBE\xAE\xC0\xE4\xBF\xA1") == std::vector<char32_t>{U'加', kBad, U'微', kBad, U'信'});
  CHECK_FALSE(valid_utf8("\x80"));
  CHECK_FALSE(valid_utf8("abc\xFF"));
}

TEST_CASE("overlong forms are refused, each byte a unit") {
  CHECK(chars("\xC0\xAF") == std::vector<char32_t>{kBad, kBad});                // '/' in two bytes
  CHECK(chars("\xC1\xBF") == std::vector<char32_t>{kBad, kBad});
  CHECK(chars("\xE0\x80\xAF") == std::vector<char32_t>{kBad, kBad, kBad});      // '/' in three
  CHECK(chars("\xE0\x9F\xBF") == std::vector<char32_t>{kBad, kBad, kBad});      // U+07FF in three
  CHECK(chars("\xF0\x80\x80\xAF") == std::vector<char32_t>(4, kBad));           // '/' in four
  CHECK(chars("\xF0\x8F\xBF\xBF") == std::vector<char32_t>(4, kBad));           // U+FFFF in four
  CHECK_FALSE(valid_utf8("\xC0\xAF"));
  CHECK_FALSE(valid_utf8("\xE0\x80\xAF"));
}

TEST_CASE("surrogates and code points above U+10FFFF are refused") {
  CHECK(chars("\xED\xA0\x80") == std::vector<char32_t>{kBad, kBad, kBad});  // U+D800
  CHECK(chars("\xED\xBF\xBF") == std::vector<char32_t>{kBad, kBad, kBad});  // U+DFFF
  // CESU-8's surrogate pair for 😊 is six bad bytes, not one character.
  CHECK(chars("\xED\xA0\xBD\xED\xB8\x8A") == std::vector<char32_t>(6, kBad));
  CHECK(chars("\xF4\x90\x80\x80") == std::vector<char32_t>(4, kBad));  // U+110000
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));
  CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));
}

TEST_CASE("a sequence cut short is a unit per byte, at the end of the text or before another character") {
  CHECK(chars("\xE5\xBE") == std::vector<char32_t>{kBad, kBad});  // 微 without its last byte
  CHECK(chars("\xE5\xBE" "a") == std::vector<char32_t>{kBad, kBad, U'a'});
  CHECK(chars("\xF0\x9F\x98") == std::vector<char32_t>{kBad, kBad, kBad});  // 😊 without its last byte
  CHECK(chars("\xF0\x9F\x98微") == std::vector<char32_t>{kBad, kBad, kBad, U'微'});
  CHECK(chars("\xC2") == std::vector<char32_t>{kBad});
  // decode_utf8 reads no further than it is allowed: the same bytes, fewer available.
  const auto* smile = reinterpret_cast<const unsigned char*>("😊");
  char32_t cp = 0;
  CHECK(decode_utf8(smile, 4, cp) == 4);
  CHECK(cp == U'😊');
  CHECK(decode_utf8(smile, 3, cp) == 0);
  const auto* wei = reinterpret_cast<const unsigned char*>("微");
  CHECK(decode_utf8(wei, 2, cp) == 0);
  CHECK_FALSE(valid_utf8(std::string_view("微", 2)));
}

TEST_CASE("UTF-16 units: two above U+FFFF, one per other character and per bad byte") {
  CHECK(utf16_units("") == 0);
  CHECK(utf16_units("abc") == 3);
  CHECK(utf16_units("微信") == 2);
  CHECK(utf16_units("😊亲") == 3);
  CHECK(utf16_units("\xFF\xE5\xBE" "a") == 4);
  CHECK(utf16_units("\xF0\x9F\x98") == 3);
  CHECK(utf16_units("\x80\x80") == 2);  // continuation bytes alone are units too
}

TEST_CASE("displayable text has one U+FFFD per bad byte and keeps the rest") {
  CHECK(displayable_utf8("加\xFF微\xC0\xAF信") == "加\uFFFD微\uFFFD\uFFFD信");
  CHECK(displayable_utf8("😊") == "😊");
  CHECK(displayable_utf8("\xF0\x9F\x98") == "\uFFFD\uFFFD\uFFFD");
  CHECK(valid_utf8(displayable_utf8("\xED\xA0\x80\xF4\x90\x80\x80")));
}

TEST_CASE("encoding and decoding are inverse for every scalar value") {
  // Counted rather than asserted one by one: a million assertions would be most of the time.
  std::size_t wrong = 0;
  char32_t first_wrong = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string s = utf8(c);
    char32_t back = 0;
    const std::uint32_t n = decode_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(), back);
    if (static_cast<int>(s.size()) != utf8_length(c) || n != s.size() || back != c) {
      if (wrong++ == 0) first_wrong = c;
    }
  }
  INFO("first wrong: U+" << std::hex << static_cast<std::uint32_t>(first_wrong));
  CHECK(wrong == 0);
}

TEST_CASE("the module agrees with ICU's U8_NEXT on every input of up to three bytes") {
  // U8_NEXT reads an ill-formed sequence as one negative unit of one or more bytes; the
  // library's contract is one unit per byte. They must agree on what is well-formed: where ICU
  // reads a character, so does the module, with the same length.
  std::size_t checked = 0, wrong = 0;
  std::string first_wrong;
  const auto agree = [&](const std::string& s) {
    std::int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
    char32_t cp = 0;
    const std::uint32_t n = decode_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(), cp);
    const bool same = c < 0 ? n == 0 : n == static_cast<std::uint32_t>(i) && cp == static_cast<char32_t>(c);
    ++checked;
    if (!same && wrong++ == 0) first_wrong = s;
  };
  for (unsigned b0 = 0; b0 < 256; ++b0) {
    const std::string one(1, static_cast<char>(b0));
    agree(one);
    for (unsigned b1 = 0; b1 < 256; ++b1) {
      const std::string two = one + static_cast<char>(b1);
      agree(two);
      if (b0 < 0xC0) continue;  // no lead byte: a third byte changes nothing
      for (unsigned b2 = 0; b2 < 256; ++b2) agree(two + static_cast<char>(b2));
    }
  }
  // Four bytes: every lead that could start one, with continuation bytes around each edge.
  for (unsigned b0 = 0xF0; b0 < 0x100; ++b0)
    for (unsigned b1 : {0x7Fu, 0x80u, 0x8Fu, 0x90u, 0xBFu, 0xC0u})
      for (unsigned b2 : {0x7Fu, 0x80u, 0xBFu, 0xC0u})
        for (unsigned b3 : {0x7Fu, 0x80u, 0xBFu, 0xC0u})
          agree({static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3)});
  std::string hex;
  for (unsigned char b : first_wrong) hex += " " + std::to_string(b);
  INFO("first disagreement, bytes:" << hex);
  CHECK(wrong == 0);
  CHECK(checked > 4'000'000);
}

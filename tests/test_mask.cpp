// replylint::mask (include/replylint/mask.hpp): it must hide every digit the engine reads, so it
// is tested against the fold table itself, code point by code point.
#include <catch2/catch.hpp>

#include <replylint/engine.hpp>
#include <replylint/mask.hpp>

#include "fold_table.hpp"
#include "normalizer.hpp"
#include "replylint/tools/utf8.hpp"

namespace {

std::string masked(std::string_view text) {
  auto m = replylint::mask(text);
  REQUIRE(m);
  return *m;
}

std::uint32_t chars(std::string_view s) { return replylint::detail::char_offset(s, static_cast<std::uint32_t>(s.size())); }

}  // namespace

TEST_CASE("mask: digit runs of five or more, e-mail local parts, one character for one") {
  CHECK(masked("电话13812345678") == "电话138****5678");
  CHECK(masked("138 1234 5678") == "138 **** 5678");
  CHECK(masked("138-1234-5678。") == "138-****-5678。");
  CHECK(masked("QQ 12345 好") == "QQ ***** 好");
  CHECK(masked("价格1234元") == "价格1234元");
  CHECK(masked("一三八一二三四五六七八") == "一三八****五六七八");
  CHECK(masked("壹叁捌壹贰叁肆伍陆柒捌") == "壹叁捌****伍陆柒捌");
  CHECK(masked("１３８１２３４５６７８") == "１３８****５６７８");
  CHECK(masked("发到 zhang.san@qq.com 吧") == "发到 *********@qq.com 吧");
  CHECK(masked("ＫＦ＠ｑｑ．ｃｏｍ") == "**＠ｑｑ．ｃｏｍ");
  CHECK(masked("关注@淘宝") == "关注@淘宝");
  CHECK(masked("身份证110101199003077777") == "身份证110***********7777");
  const std::string m = masked("微信 abc12345 😊");
  CHECK(m == "微信 abc***** 😊");
  CHECK(chars(m) == 13);
}

TEST_CASE("mask: digit forms that only the fold table knows (issue 12)") {
  CHECK(masked("电话⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻") == "电话⑴⑶⑻****⑸⑹⑺⑻");
  CHECK(masked("电话𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖") == "电话𝟏𝟑𝟖****𝟓𝟔𝟕𝟖");
  CHECK(masked("电话¹³⁸¹²³⁴⁵⁶⁷⁸") == "电话¹³⁸****⁵⁶⁷⁸");
  // ⑩ reads two digits: it is masked whole when either is.
  CHECK(masked("⑩⑩⑩") == "***");
  CHECK(masked("⑩⑩") == "⑩⑩");
}

TEST_CASE("mask: what the engine does not read as one run stays") {
  CHECK(masked("三四天") == "三四天");                    // numerals outside a run of four
  CHECK(masked("138****5678") == "138****5678");          // already masked
  CHECK(masked("19.99元 共1234件") == "19.99元 共1234件");  // a decimal point ends a run
  CHECK(masked("").empty());
}

TEST_CASE("mask: bytes that are not UTF-8 are copied and count one character each") {
  const std::string in = "12\xff" "345 \xc0 abc";
  const std::string m = masked(in);
  CHECK(m == "**\xff*** \xc0 abc");
  CHECK(chars(m) == chars(in));
  CHECK(masked(std::string("12\0" "345", 6)) == std::string("**\0***", 6));
}

TEST_CASE("mask: a violation's character span indexes the masked reply") {
  auto engine = replylint::Engine::from_embedded();
  REQUIRE(engine);
  const std::string reply = "😊亲，电话 ⑴⑶⑻ 1234 5678";
  auto report = engine->check(reply);
  REQUIRE(report);
  REQUIRE(report->violations.size() == 1);
  const replylint::Violation& v = report->violations[0];
  const std::string m = masked(reply);
  CHECK(chars(m) == chars(reply));
  // The byte where character `n` of m starts.
  const auto byte_of = [&m](std::uint32_t n) {
    std::size_t i = 0;
    for (; n > 0; --n)
      for (++i; i < m.size() && (static_cast<unsigned char>(m[i]) & 0xC0) == 0x80;) ++i;
    return i;
  };
  const std::size_t from = byte_of(v.char_start), to = byte_of(v.char_end);
  CHECK(m.substr(from, to - from) == "电话 ⑴⑶⑻ **** 5678");
}

TEST_CASE("mask: every code point the fold table reads as a digit is masked") {
  using namespace replylint::detail;
  std::size_t tested = 0;
  for (char32_t cp = 0; cp < fold::kCodePoints; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // not encodable in UTF-8
    std::u32string f;
    fold_code_point(cp, f);
    bool digit = numeral_digit(cp) >= 0;
    for (char32_t c : f) digit |= c >= U'0' && c <= U'9';
    if (!digit) continue;
    // Between two groups of four digits, any digit it reads as makes a run of five or more.
    const std::string in = "1234" + utf8(cp) + "1234";
    const std::string m = masked(in);
    if (chars(m) != 9 || m[4] != '*')
      FAIL("U+" << std::hex << static_cast<unsigned>(cp) << " is not masked: " << m);
    ++tested;
  }
  // ASCII, full-width, circled, parenthesized, superscript and mathematical digits, and the
  // Chinese numerals: hundreds of code points.
  CHECK(tested > 300);
}

// The fold and, above all, the offset map: wrong positions after normalization are the most
// common bug report of tools of this kind.
#include <catch2/catch.hpp>

#include "dead_literals.hpp"
#include "normalizer.hpp"

using replylint::detail::char_offset;
using replylint::detail::normalize;
using replylint::detail::Normalized;
using replylint::detail::NormalizerScratch;

namespace {

Normalized fold(std::string_view in) {
  Normalized out;
  NormalizerScratch scratch;
  normalize(in, out, scratch);
  return out;
}

// The original text behind the folded bytes [begin, end).
std::string origin(std::string_view in, const Normalized& n, std::size_t begin, std::size_t end) {
  const auto s = n.original_start(begin);
  return std::string(in.substr(s, n.original_end(end) - s));
}

// The original text behind the first occurrence of `folded` in the folded text.
std::string origin_of(std::string_view in, std::string_view folded) {
  const Normalized n = fold(in);
  const std::size_t at = n.text.find(folded);
  REQUIRE(at != std::string::npos);
  return origin(in, n, at, at + folded.size());
}

}  // namespace

TEST_CASE("width and case fold to lowercase ASCII") {
  CHECK(fold("ＷＸ").text == "wx");
  CHECK(fold("WeChat").text == "wechat");
  CHECK(fold("加Ｖ信").text == "加v信");
  CHECK(fold("①③⑧").text == "138");
  CHECK(fold("❶❸➇").text == "138");
}

TEST_CASE("Traditional characters read as Simplified") {
  CHECK(fold("發票不提供喔").text == "发票不提供喔");
  CHECK(fold("運費").text == "运费");
  CHECK(fold("聯繫電話").text == "联系电话");
}

TEST_CASE("separators inserted to dodge filters vanish") {
  CHECK(fold("微.信").text == "微信");
  CHECK(fold("加 V 信").text == "加v信");
  CHECK(fold("微\u200b信").text == "微信");
  CHECK(fold("微😊信").text == "微信");
  CHECK(fold("微\u0301信").text == "微信");
  CHECK(fold("1 3 8 1 2 3 4 5 6 7 8").text == "13812345678");
  CHECK(fold("138-1234-5678").text == "13812345678");
  CHECK(fold("亲，在的哦！").text == "亲在的哦");
  CHECK(fold("微丶信").text == "微信");
  CHECK(fold("138丶1234丨5678").text == "13812345678");
}

TEST_CASE("meaningful symbols stay") {
  CHECK(fold("加收3%手续费").text == "加收3%手续费");
  CHECK(fold("kf@qq.com").text == "kf@qqcom");
  CHECK(fold("￥19.9").text == "¥19.9");
  CHECK(fold("打0.5折").text == "打0.5折");
  CHECK(fold("138.1234.5678").text == "13812345678");
  CHECK(fold("138.12345678").text == "13812345678");
  CHECK(fold("159****2233").text == "159****2233");
  CHECK(fold("微*信").text == "微信");
}

TEST_CASE("Chinese numerals read as digits only inside number runs") {
  CHECK(fold("八八六六五五四四").text == "88665544");
  CHECK(fold("壹叁捌壹贰叁肆").text == "1381234");
  CHECK(fold("幺三八 一二三四").text == "1381234");
  CHECK(fold("1三8八").text == "1388");
  CHECK(fold("一定").text == "一定");
  CHECK(fold("三天内").text == "三天内");
  CHECK(fold("三四天").text == "三四天");
  CHECK(fold("一三八").text == "一三八");  // three is not a run: 一三八 alone is ambiguous
}

TEST_CASE("every folded byte maps back to the original characters") {
  CHECK(origin_of("加我微.信 abc", "微信") == "微.信");
  CHECK(origin_of("加我 Ｗ Ｘ：abc", "wx") == "Ｗ Ｘ");
  CHECK(origin_of("發票不提供", "发票") == "發票");
  CHECK(origin_of("打我 1 3 8-1234-5678 哦", "13812345678") == "1 3 8-1234-5678");
  CHECK(origin_of("电话①③⑧①②③④⑤⑥⑦⑧", "13812345678") == "①③⑧①②③④⑤⑥⑦⑧");
  CHECK(origin_of("壹叁捌壹贰叁肆伍陆柒捌", "13812345678") == "壹叁捌壹贰叁肆伍陆柒捌");
  CHECK(origin_of("😊微😊信😊", "微信") == "微😊信");
  // One original character may fold to several: each part maps to the whole character.
  CHECK(origin_of("重⑩斤", "10") == "⑩");
  CHECK(origin_of("重⑩斤", "1") == "⑩");
}

TEST_CASE("invalid UTF-8 is skipped, flagged, and never shifts offsets") {
  const std::string in = "微\xff信\xe5\xbe号";  // a stray byte and a truncated sequence
  const Normalized n = fold(in);
  CHECK(n.invalid_utf8);
  CHECK(n.text == "微信号");
  CHECK(origin(in, n, 0, n.text.size()) == in);
  CHECK_FALSE(fold("微信").invalid_utf8);
}

TEST_CASE("empty and separator-only input fold to nothing") {
  CHECK(fold("").text.empty());
  CHECK(fold(" ,。!😊\u200b").text.empty());
}

TEST_CASE("char_offset counts code points and each bad byte as one") {
  CHECK(char_offset("亲a😊b", 0) == 0);
  CHECK(char_offset("亲a😊b", 3) == 1);
  CHECK(char_offset("亲a😊b", 8) == 3);
  CHECK(char_offset("a\xff\xfe" "b", 3) == 3);
}

// ---- The one-pass normalizer against the rules written out one by one ----------------------
// The normalizer decides the context rules (decimal points, masks, numeral runs) as it goes;
// here they are applied the straightforward way, one after the other, over all items, and both
// must give the same text and the same original range for every byte.

#include <cstdio>
#include <random>

#include "fold_table.hpp"
#include "fold_table_icu.hpp"

namespace {

namespace reference {

struct Item {
  char32_t cp;
  std::uint32_t from, to;
  bool separator;
};

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

void keep_decimal_points(std::vector<Item>& items) {
  const std::size_t n = items.size();
  for (std::size_t i = 0; i < n;) {
    if (!(is_ascii_digit(items[i].cp) && !items[i].separator)) {
      ++i;
      continue;
    }
    std::size_t j = i, dots = 0, dot_at = 0, last_group = 0;
    while (true) {
      std::size_t k = j;
      while (k < n && !items[k].separator && is_ascii_digit(items[k].cp)) ++k;
      last_group = k - j;
      if (k + 1 < n && items[k].separator && items[k].cp == U'.' && !items[k + 1].separator &&
          is_ascii_digit(items[k + 1].cp)) {
        ++dots;
        dot_at = k;
        j = k + 1;
        continue;
      }
      j = k;
      break;
    }
    if (dots == 1 && last_group <= 2) items[dot_at].separator = false;
    i = j;
  }
}

void keep_masks(std::vector<Item>& items) {
  const std::size_t n = items.size();
  for (std::size_t i = 0; i < n;) {
    if (!(items[i].separator && items[i].cp == U'*')) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && items[j].separator && items[j].cp == U'*') ++j;
    if (j - i >= 2)
      for (std::size_t k = i; k < j; ++k) items[k].separator = false;
    i = j;
  }
}

void read_numeral_runs(std::vector<Item>& items) {
  const std::size_t n = items.size();
  for (std::size_t i = 0; i < n;) {
    if (items[i].separator || replylint::detail::numeral_digit(items[i].cp) < 0) {
      ++i;
      continue;
    }
    std::size_t j = i, length = 0;
    while (j < n && (items[j].separator || replylint::detail::numeral_digit(items[j].cp) >= 0)) {
      if (!items[j].separator) ++length;
      ++j;
    }
    if (length >= 4)
      for (std::size_t k = i; k < j; ++k)
        if (!items[k].separator) items[k].cp = U'0' + replylint::detail::numeral_digit(items[k].cp);
    i = j;
  }
}

// Decodes like ICU's U8_NEXT: a well-formed sequence (Unicode table 3-7), else the maximal
// ill-formed subpart.
bool next(std::string_view s, std::size_t& i, char32_t& c) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i++);
  if (b0 < 0x80) {
    c = b0;
    return true;
  }
  int len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return false;
  }
  c = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len; ++k) {
    if (i >= s.size()) return false;
    const unsigned char t = b(i);
    if (t < (k == 1 ? lo : 0x80) || t > (k == 1 ? hi : 0xBF)) return false;
    c = (c << 6) | (t & 0x3F);
    ++i;
  }
  return true;
}

struct Result {
  std::string text;
  std::vector<std::uint32_t> from, to;  // per byte of text
  bool invalid = false;
};

Result normalize(std::string_view in) {
  std::vector<Item> items;
  Result r;
  for (std::size_t i = 0; i < in.size();) {
    const auto start = static_cast<std::uint32_t>(i);
    char32_t c;
    const bool ok = next(in, i, c);
    const auto end = static_cast<std::uint32_t>(i);
    if (!ok) {
      r.invalid = true;
      continue;
    }
    std::u32string folded;
    const char32_t raw = replylint::detail::fold_code_point(c, folded);
    if (folded.empty()) {
      items.push_back({raw, start, end, true});
    } else {
      for (char32_t f : folded) items.push_back({f, start, end, false});
    }
  }
  keep_decimal_points(items);
  keep_masks(items);
  read_numeral_runs(items);
  for (const Item& item : items) {
    if (item.separator) continue;
    const char32_t c = item.cp;
    std::string utf8;
    if (c < 0x80) {
      utf8 += static_cast<char>(c);
    } else if (c < 0x800) {
      utf8 += static_cast<char>(0xC0 | (c >> 6));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      utf8 += static_cast<char>(0xE0 | (c >> 12));
      utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      utf8 += static_cast<char>(0xF0 | (c >> 18));
      utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
    r.text += utf8;
    r.from.insert(r.from.end(), utf8.size(), item.from);
    r.to.insert(r.to.end(), utf8.size(), item.to);
  }
  return r;
}

}  // namespace reference

std::string hex_bytes(std::string_view s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "%02x ", c);
    out += buf;
  }
  return out;
}

// Pieces that stress the context rules and the decoder: digits in every form, numerals, dots,
// stars, separators, emoji and ZWJ sequences, combining marks, supplementary CJK, folds into
// several code points, Traditional characters, and ill-formed UTF-8.
const std::vector<std::string> kPieces = {
    "微", "信", "加", "v", "Ｖ", "x", "q", "號", "發", "票", "0", "1", "3", "5", "8", "9", "０", "８", "①", "⑧",
    "⑩", "⑳", "⑴", "⒈", "❶", "➀", "➊", "²", "Ⅻ", "½", "㎏", "〇", "零", "一", "二", "三", "四", "五", "六", "七",
    "八", "九", "幺", "两", "壹", "贰", "叁", "捌", "玖", "十", ".", "．", "。", "*", "＊", "**", "-", " ", "　",
    "\t", ",", "，", "!", "%", "@", "¥", "￥", "$", "·", "…", "‥", "﹒", "😊", "👍", "❤️", "👨‍👩‍👧", "👍🏽", "🇨🇳",
    "1️⃣", "#️⃣", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u0301", "e\u0301", "𠀀", "𪚥", "\U0002F800", "ﬁ",
    "ﷺ", "ß", "İ", "Ⱥ", "K", "\x80", "\xbf", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5", "\xff",
    "\xe5", "\xe5\xbe", "\xf0\x9f", "\xf0\x9f\x98", "\xc3", "19.9", "0.5%", "138.1234.5678", "1.5.", "3..5",
    "1.23.4", "138****5678", "1*2", "12.", ".5", "一三八一二三四五六七八", "1三8八", "三四天", "abc", "WeChat"};

std::string random_reply(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> count(0, 24), piece(0, kPieces.size() - 1);
  std::string s;
  for (std::size_t k = count(rng); k > 0; --k) s += kPieces[piece(rng)];
  return s;
}

}  // namespace

TEST_CASE("the one-pass normalizer agrees with the rules applied one by one") {
  std::mt19937 rng(6);
  Normalized fast;
  NormalizerScratch scratch;  // reused, as the engine does, to catch state left behind
  for (int round = 0; round < 20000; ++round) {
    const std::string in = random_reply(rng);
    const reference::Result slow = reference::normalize(in);
    normalize(in, fast, scratch);
    INFO("input bytes: " << hex_bytes(in));
    REQUIRE(fast.text == slow.text);
    REQUIRE(fast.invalid_utf8 == slow.invalid);
    for (std::size_t b = 0; b < slow.text.size(); ++b) {
      REQUIRE(fast.original_start(b) == slow.from[b]);
      REQUIRE(fast.original_end(b + 1) == slow.to[b]);
    }
    // The folded characters are the text's, one by one.
    std::size_t i = 0, k = 0;
    char32_t c;
    while (i < fast.text.size()) {
      REQUIRE(reference::next(fast.text, i, c));
      REQUIRE(k < fast.size());
      REQUIRE(fast.chars()[k++].cp == c);
    }
    REQUIRE(k == fast.size());
  }
}

TEST_CASE("the generated fold table is what ICU says, for every code point") {
  const replylint::detail::IcuFold icu;
  std::size_t checked = 0;
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    char32_t raw = 0;
    const std::u32string expected = icu.fold(cp, raw);
    std::u32string got;
    const char32_t got_raw = replylint::detail::fold_code_point(cp, got);
    if (got != expected) FAIL("U+" << std::hex << static_cast<unsigned>(cp) << " folds differently");
    // For separators only '.' and '*' matter to the normalizer.
    if (expected.empty() && (raw == U'.' || raw == U'*' || got_raw == U'.' || got_raw == U'*') && raw != got_raw)
      FAIL("U+" << std::hex << static_cast<unsigned>(cp) << " is a different separator");
    ++checked;
  }
  CHECK(checked == 0x110000);
}

TEST_CASE("literals that normalized text never holds are found in patterns") {
  using replylint::detail::dead_literal;
  CHECK_FALSE(dead_literal("加我(?:微信|vx)(?P<span>[0-9]{5,11})"));
  CHECK_FALSE(dead_literal("[A-Z，]+\\p{Han}{0,8}\\.\\*\\*"));  // classes and escapes are not literals
  CHECK_FALSE(dead_literal("(?i)WeChat"));
  CHECK(dead_literal("加我WeChat") == U'W');
  CHECK(dead_literal("不能，$") == U'，');
  CHECK(dead_literal("發票") == U'發');
  CHECK(dead_literal("加 我") == U' ');
  CHECK(dead_literal("\\，") == U'，');
}

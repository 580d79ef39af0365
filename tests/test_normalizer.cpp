// The fold and, above all, the offset map: wrong positions after normalization are the most
// common bug report of tools of this kind (../shared/DESIGN.md).
#include <catch2/catch.hpp>

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

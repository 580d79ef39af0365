// The matcher's fast path: the Set over the compressed alphabet is only a filter, so it must
// never miss a pattern that matches; and the fast path must find exactly what trying every
// pattern of every rule finds.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "compressed_alphabet.hpp"
#include "matcher.hpp"
#include "normalizer.hpp"
#include "replylint/pack.hpp"

using replylint::PackSpec;
using replylint::PatternSpec;
using replylint::RuleSpec;
using replylint::detail::CompressedAlphabet;
using replylint::detail::Hit;
using replylint::detail::Matcher;
using replylint::detail::Normalized;
using replylint::detail::NormalizerScratch;
using replylint::Scope;

namespace {

// Patterns that use every construct the rewriter knows, and some it does not.
const std::vector<std::string> kPatterns = {
    "微信",
    "(?:加|添加)(?:我|个)?(?:微丶?信|v信|vx|wx)",
    "(?:^|[^a-z])wx(?:[^a-z]|$)",
    "(?:^|[^0-9])(?P<span>1[3-9][0-9]{9})(?:[^0-9]|$)",
    "发票\\p{Han}{0,4}?收据",
    "保证[^不没别]{0,4}?发货",
    "[一二三四五六七八九十两半几]+个?(?:小时|天)",
    "\\d+(?:\\.\\d+)?%",
    "[\\p{Han}a-z0-9]{2,3}群",
    "\\P{Han}{2}号",
    "[^\\p{Han}]卡",
    "[^\\P{Han}的不]{2}费",  // a Han character but 的 or 不: a negated property in brackets
    "[\\P{Han}0-9]号",
    "\\D{2}元",
    "\\W邮",
    "\\S\\s?费",
    "\\bqq\\b",
    "\\Bq",
    "\\x{5FAE}\\x{4FE1}号",
    "\\Q*.\\E",
    "[[:digit:]]{3}[[:alpha:]]",
    "(?i)vx",            // flags: not rewritten, stays in the UTF-8 Set
    "邮.{0,3}费",
    "[\\x{4E00}-\\x{4E10}]丁",
    "@[a-z0-9]{2,30}(?:com|cn)",
    "¥[0-9]",
    "\\*\\*",
    "^亲",
    "好$",
    "[-a]z",
    "[]a]b",
    "a{2}c",
    "(a|b|)z",
};

// Characters the patterns name, characters they do not (kana, Hangul, rare Han, ...).
const std::vector<std::string> kText = {
    "微", "信", "加", "添", "我", "个", "v", "x", "w", "丶", "1", "3", "8", "0", "9", "发", "票", "收", "据",
    "保", "证", "不", "没", "别", "货", "一", "两", "小", "时", "天", ".", "%", "群", "号", "卡", "元", "邮",
    "费", "q", "z", "a", "b", "c", "丁", "丂", "@", "¥", "*", "亲", "好", "の", "한", "龘", "𠀀", "é", "ß", "Ω",
    "$", "k", "f", "的"};

std::string random_text(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> count(0, 16), piece(0, kText.size() - 1);
  std::string s;
  for (std::size_t k = count(rng); k > 0; --k) s += kText[piece(rng)];
  return s;
}

PackSpec pack_of(const std::vector<std::string>& patterns) {
  PackSpec pack;
  pack.id = "t";
  pack.file = "t.yaml";
  int n = 0;
  for (const std::string& p : patterns) {
    RuleSpec rule;
    rule.id = "t.r" + std::to_string(n++);
    PatternSpec spec;
    spec.pattern = p;
    rule.patterns.push_back(spec);
    pack.rules.push_back(rule);
  }
  return pack;
}

}  // namespace

TEST_CASE("the rewriter handles the constructs rule packs use") {
  const CompressedAlphabet a = CompressedAlphabet::build(kPatterns, {"微信号", "发票"});
  CHECK(a.characters() > 40);
  for (const std::string& p : kPatterns) {
    const auto rewritten = a.rewrite(p);
    if (p.rfind("(?i)", 0) == 0) {
      CHECK_FALSE(rewritten);
      continue;
    }
    INFO(p);
    REQUIRE(rewritten);
    RE2::Options latin1;
    latin1.set_encoding(RE2::Options::EncodingLatin1);
    latin1.set_log_errors(false);
    const RE2 re(*rewritten, latin1);
    CHECK(re.ok());
  }
}

TEST_CASE("the Set never misses a pattern that matches, and the fast path finds what the loop finds") {
  const auto built = replylint::detail::build_matcher({pack_of(kPatterns)});
  REQUIRE(built);
  const Matcher& m = *built.value();
  std::vector<std::unique_ptr<RE2>> exact;
  for (const std::string& p : kPatterns) exact.push_back(std::make_unique<RE2>(p));

  std::mt19937 rng(66);
  Normalized n;
  NormalizerScratch scratch;
  std::vector<int> candidates;
  std::vector<Hit> fast, loop;
  std::size_t matched = 0;
  for (int round = 0; round < 30000; ++round) {
    const std::string reply = random_text(rng);  // kept: Normalized::original views it
    replylint::detail::normalize(reply, n, scratch);
    m.candidates(n, candidates);
    for (std::size_t p = 0; p < exact.size(); ++p) {
      if (!RE2::PartialMatch(n.text, *exact[p])) continue;
      ++matched;
      INFO("pattern " << kPatterns[p] << " on " << n.text);
      REQUIRE(std::find(candidates.begin(), candidates.end(), static_cast<int>(p)) != candidates.end());
    }
    fast.clear();
    loop.clear();
    m.match(n, candidates, fast);
    m.match_each_rule(n, candidates, loop);
    REQUIRE(fast.size() == loop.size());
    for (std::size_t k = 0; k < fast.size(); ++k) {
      CHECK(fast[k].rule == loop[k].rule);
      CHECK(fast[k].begin == loop[k].begin);
      CHECK(fast[k].end == loop[k].end);
    }
  }
  CHECK(matched > 1000);  // the random text does exercise the patterns
}

TEST_CASE("a pattern that matches the empty string is refused, naming it") {
  const auto built = replylint::detail::build_matcher({pack_of({"微信", "(?:好)?", "号"})});
  REQUIRE_FALSE(built);
  CHECK(built.error().message.find("'(?:好)?' matches the empty string") != std::string::npos);
  CHECK(built.error().rule == "t.r1");
}

TEST_CASE("patterns of several parts in a clause: the Set path finds what the loop finds") {
  // Scoped parts with anchors (the clause's edges) are read by the Set without them; this checks
  // on random punctuated text that no hit is lost that way, and that scope is obeyed.
  PackSpec pack = pack_of({"微信"});
  const std::vector<std::pair<std::vector<std::string>, Scope>> multi = {
      {{"^亲", "好$"}, Scope::kClause},
      {{"发票", "收据"}, Scope::kSentence},
      {{"保证", "发货"}, Scope::kClause},
      {{"^[一二三]", "天$"}, Scope::kSentence},
      {{"加", "微信", "号"}, Scope::kReply},
  };
  for (std::size_t k = 0; k < multi.size(); ++k) {
    RuleSpec rule;
    rule.id = "t.m" + std::to_string(k);
    PatternSpec p;
    p.pattern = multi[k].first[0];
    p.with.assign(multi[k].first.begin() + 1, multi[k].first.end());
    p.scope = multi[k].second;
    rule.patterns.push_back(p);
    pack.rules.push_back(rule);
  }
  const auto built = replylint::detail::build_matcher({pack});
  REQUIRE(built);
  const Matcher& m = *built.value();
  std::vector<std::string> text = {"亲", "好", "发票", "收据", "保证", "发货", "一", "三", "天", "加", "微信", "号",
                                   "不", "的", "a", "，", "。", "？", "！", "、", " "};
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> count(0, 24), piece(0, text.size() - 1);
  Normalized n;
  NormalizerScratch scratch;
  std::vector<int> candidates;
  std::vector<Hit> fast, loop;
  std::size_t fired = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string reply;
    for (std::size_t k = count(rng); k > 0; --k) reply += text[piece(rng)];
    replylint::detail::normalize(reply, n, scratch);
    fast.clear();
    loop.clear();
    m.match(n, candidates, fast);
    m.match_each_rule(n, candidates, loop);
    INFO(reply);
    REQUIRE(fast.size() == loop.size());
    for (std::size_t k = 0; k < fast.size(); ++k) {
      CHECK(fast[k].rule == loop[k].rule);
      CHECK(fast[k].begin == loop[k].begin);
      CHECK(fast[k].end == loop[k].end);
      fired += fast[k].rule > 0;
    }
  }
  CHECK(fired > 500);
}

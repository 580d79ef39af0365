// The rule language of issue 11: word classes, clause scope, the shared negation mechanism, the
// buyer's message as context and points per platform rule. Packs and lexicon are written here,
// so these tests do not move when the shipped packs or lexicon do.
#include <catch2/catch.hpp>

#include "replylint/engine.hpp"
#include "replylint/examples.hpp"

#include "clauses.hpp"
#include "normalizer.hpp"

using namespace replylint;

namespace {

const char* kLexicon = R"(
lexicon: test
title: 测试词表
version: 1
classes:
  negator: [不, 没, 别, 禁止]
  not-negator: [不好意思, 没问题, 要不要]
  double-negation: [不能不, 不得不]
  rhetorical: [怎么会, 哪能]
  scope-break: [但是, 不过, 的话]
  negated-after: ['是?(?:不行|违规)的?']
  question: ['吗$', 是否]
  warning: [谨防, 不受平台保护]
  wechat: [微信, vx, 绿泡泡]
  contact: ['{wechat}', qq]
  invoice: [发票, 专票]
  fee: [手续费, '\d+个?点']
  consent: [有的, '可以的?', 好的]
)";

const char* kPack = R"(
pack: demo
title: 演示
version: 1
platform_rules: [演示]
classes:
  add: [加, 添加]
rules:
  - id: demo.contact
    title: 联系方式
    points: 6
    platform_rule: contact
    message: m
    suggestion: s
    source: s
    patterns: ['{add}我?{contact}']
    examples:
      bad: ['[[加我微信]]吧', '[[添加vx]]', '有事[[加qq]]']
      good: ['我们不能加微信', '加微信是违规的', '谨防陌生人让您加微信']
  - id: demo.contact-id
    title: 联系方式号码
    points: 4
    platform_rule: contact
    message: m
    suggestion: s
    source: s
    patterns: ['{wechat}号?(?P<span>[a-z][a-z0-9]{3,})']
    negation: false
    examples:
      bad: ['微信号[[abc123]]', 'vx[[kefu88]]', '微信[[shop666]]']
      good: ['微信支付', '微信付款', '有微信吗']
  - id: demo.fee
    title: 开票收费
    points: 6
    message: m
    suggestion: s
    source: s
    patterns:
      - all: ['{invoice}', '(?:加|收|补){fee}']
        within: clause
    examples:
      bad: ['[[发票要加3个点]]', '开[[专票的话需要收手续费]]', '[[发票要补6个点]]哦']
      good: ['发票不收手续费', '发票可以开，不过要等两天，补寄运费我们出', '发票，我们怎么会收手续费呢']
  - id: demo.fee-far
    title: 开票收费（句内）
    points: 6
    message: m
    suggestion: s
    source: s
    patterns:
      - all: ['{invoice}', '多拍(?P<span>\d+块)']
        within: sentence
        distance: 16
    examples:
      bad: ['您多拍[[5块，我给您开发票]]', '多拍[[3块吧，发票]]马上开', '[[发票的话您多拍8块]]']
      good: ['您多拍5块，我给您改个价。发票正常开', '多拍了的话可以退，发票照常开', '发票随货寄出']
  - id: demo.qq-consent
    title: 答应给QQ
    points: 6
    platform_rule: contact
    message: m
    suggestion: s
    source: s
    buyer: ['qq|扣扣']
    patterns: ['^(?:亲)?(?P<span>{consent})']
    examples:
      bad:
        - {buyer: 有QQ吗？, reply: '[[有的]]亲'}
        - {buyer: 扣扣多少, reply: '亲，[[可以的]]'}
        - {buyer: 加个QQ吧, reply: '[[好的]]'}
      good:
        - {buyer: 有QQ吗？, reply: 不好意思亲，只在旺旺沟通}
        - {buyer: 有货吗, reply: 有的亲}
        - 有的亲
)";

Engine demo() {
  auto e = Engine::from_yaml({{"lexicon.yaml", kLexicon}, {"demo.yaml", kPack}});
  if (!e) FAIL(e.error().to_string());
  return *e;
}

std::vector<std::string> rules_of(const Result<Report>& r) {
  REQUIRE(r.ok());
  std::vector<std::string> out;
  for (const Violation& v : r->violations) out.push_back(v.rule);
  return out;
}

Error load_error(const std::string& pack, const std::string& lexicon = kLexicon) {
  auto e = Engine::from_yaml({{"lexicon.yaml", lexicon}, {"bad.yaml", pack}});
  REQUIRE_FALSE(e.ok());
  return e.error();
}

}  // namespace

TEST_CASE("the pack's own examples pass: classes, scope, negation, buyer") {
  const Engine e = demo();
  const ExampleRun run = run_examples(e);
  for (const ExampleFailure& f : run.failures) INFO(f.to_string());
  CHECK(run.failures.empty());
  CHECK(run.passed == 30);
}

TEST_CASE("word classes expand, nest and show in RuleInfo") {
  const Engine e = demo();
  const RuleInfo* r = e.find_rule("demo.contact");
  REQUIRE(r);
  CHECK(r->patterns.at(0) == "{add}我?{contact}");
  CHECK(r->expanded.at(0) == "(?:加|添加)我?(?:(?:微信|vx|绿泡泡)|qq)");
  CHECK(rules_of(e.check("加我绿泡泡")) == std::vector<std::string>{"demo.contact"});
  const RuleInfo* f = e.find_rule("demo.fee");
  CHECK(f->patterns.at(0) == "all of [{invoice}, (?:加|收|补){fee}] within a clause");
}

TEST_CASE("parts must stand in one clause; a boundary of one character does not count") {
  const Engine e = demo();
  CHECK(rules_of(e.check("发票的话要加3个点")) == std::vector<std::string>{"demo.fee"});
  CHECK(rules_of(e.check("发票已开好。加3个点的优惠券已发放")).empty());  // two sentences
  CHECK(rules_of(e.check("发票已开好，加3个点的优惠券已发放")).empty());  // two clauses
  // 发，票: a one-character clause is no clause.
  CHECK(rules_of(e.check("发，票要加3个点")) == std::vector<std::string>{"demo.fee"});
  // distance: the parts of demo.fee-far within 16 characters of one sentence.
  CHECK(rules_of(e.check("发票的话您多拍8块")) == std::vector<std::string>{"demo.fee-far"});
  CHECK(rules_of(e.check("发票的话请您耐心等待我们的财务同事慢慢开好再说您多拍8块")).empty());
}

TEST_CASE("one negation mechanism: negators, scope, double negation, rhetorical, after, warnings") {
  const Engine e = demo();
  CHECK(rules_of(e.check("我们不加微信")).empty());
  CHECK(rules_of(e.check("别加微信")).empty());
  CHECK(rules_of(e.check("加微信是不行的")).empty());             // negated after
  CHECK(rules_of(e.check("发票怎么会加3个点呢")).empty());         // rhetorical
  CHECK(rules_of(e.check("发票不能不加3个点")) == std::vector<std::string>{"demo.fee"});  // double negation
  CHECK(rules_of(e.check("不好意思加我微信")) == std::vector<std::string>{"demo.contact"});  // not a negator
  CHECK(rules_of(e.check("不能打电话，但是可以加我微信")) == std::vector<std::string>{"demo.contact"});  // break
  CHECK(rules_of(e.check("不方便，加我微信")) == std::vector<std::string>{"demo.contact"});  // other clause
  CHECK(rules_of(e.check("私下加微信不受平台保护")).empty());      // warning in the sentence
  CHECK(rules_of(e.check("私下加微信不受平台保护。加我微信")) == std::vector<std::string>{"demo.contact"});
  // An excused match does not hide a later one.
  CHECK(rules_of(e.check("不加微信，加我vx")) == std::vector<std::string>{"demo.contact"});
  // negation: false: the id is a violation whatever surrounds it.
  CHECK(rules_of(e.check("别记微信号abc123")) == std::vector<std::string>{"demo.contact-id"});
}

TEST_CASE("rules with buyer: fire only with a buyer's message that asked") {
  const Engine e = demo();
  CHECK(rules_of(e.check("有的亲")).empty());
  CHECK(rules_of(e.check_with_buyer("有QQ吗", "有的亲")) == std::vector<std::string>{"demo.qq-consent"});
  CHECK(rules_of(e.check_with_buyer("有货吗", "有的亲")).empty());
  CHECK(rules_of(e.check_with_buyer("", "有的亲")).empty());
  CHECK(rules_of(e.check_with_buyer("有QQ吗", "没有的亲")).empty());  // ^ anchors the consent
  // Other rules read the reply as always.
  CHECK(rules_of(e.check_with_buyer("有QQ吗", "加我微信")) == std::vector<std::string>{"demo.contact"});
  CheckOptions small;
  small.max_reply_bytes = 4;
  CHECK(e.check_with_buyer("有QQ吗有QQ吗", "有", small).error().code == ErrorCode::kTooLong);
}

TEST_CASE("one incident of a platform rule counts once, at its highest rule") {
  const Engine e = demo();
  auto r = e.check("加我微信abc123");
  REQUIRE(r.ok());
  REQUIRE(r->violations.size() == 2);
  CHECK(r->points == 6);
  for (const Violation& v : r->violations) {
    CHECK(v.platform_rule == "demo.contact");
    CHECK(v.counted == (v.rule == "demo.contact"));
  }
  auto two = e.check("加我微信，发票要加3个点");
  REQUIRE(two.ok());
  CHECK(two->points == 12);
  CHECK(e.find_rule("demo.fee")->platform_rule == "demo.fee");
}

TEST_CASE("clauses and sentences come from the original punctuation") {
  using namespace replylint::detail;
  Normalized n;
  NormalizerScratch scratch;
  Clauses c;
  const std::string reply = "亲，发票可以开哦。运费我们出！好吗？";
  normalize(reply, n, scratch);
  split_clauses(reply, n, c);
  auto text = [&](const Unit& u) { return n.text.substr(u.begin, u.end - u.begin); };
  REQUIRE(c.clauses.size() == 3);  // 亲 is one character: merged with what follows
  CHECK(text(c.clauses[0]) == "亲发票可以开哦");
  CHECK(text(c.clauses[1]) == "运费我们出");
  CHECK(text(c.clauses[2]) == "好吗");
  CHECK(c.clauses[2].question);
  CHECK_FALSE(c.clauses[0].question);
  REQUIRE(c.sentences.size() == 3);
  // Separators inside a word end nothing; units cover the text.
  const std::string dodge = "加 V 信 1 3 8.1234.5678";
  normalize(dodge, n, scratch);
  split_clauses(dodge, n, c);
  CHECK(c.clauses.size() == 1);
  CHECK(c.clauses[0].end == n.text.size());
  normalize("", n, scratch);
  split_clauses("", n, c);
  CHECK(c.clauses.size() == 1);
  CHECK(c.clauses[0].begin == 0);
  CHECK(c.clauses[0].end == 0);
}

TEST_CASE("rule-language errors name the file, line and column") {
  const std::string head = "pack: bad\ntitle: t\nversion: 1\nplatform_rules: [t]\n";
  const std::string rule_head = "rules:\n  - id: bad.x\n    title: t\n    points: 6\n    message: m\n    suggestion: s\n    source: s\n";
  const std::string examples = "    examples:\n      bad: ['[[a]]', '[[a]]', '[[a]]']\n      good: [b, c, d]\n";
  CHECK(load_error(head + rule_head + "    patterns: ['{nope}']\n" + examples).to_string() ==
        "bad.yaml:12:16: error: pattern uses word class '{nope}', which no lexicon or pack defines [bad.x]");
  CHECK(load_error(head + "classes:\n  a: ['{b}']\n  b: ['{a}']\n" + rule_head + "    patterns: ['{a}']\n" + examples)
            .to_string() == "bad.yaml:6:3: error: word class 'a' uses itself (through the classes it uses)");
  CHECK(load_error(head + "classes:\n  invoice: [票]\n" + rule_head + "    patterns: ['{invoice}']\n" + examples)
            .message.find("already defined by the lexicon") != std::string::npos);
  CHECK(load_error(head + rule_head + "    patterns:\n      - all: [a, b]\n        within: paragraph\n" + examples)
            .to_string() == "bad.yaml:14:17: error: unknown scope 'paragraph' (expected one of: clause, sentence, reply) [bad.x]");
  CHECK(load_error(head + rule_head + "    patterns: [a]\n    questions: maybe\n" + examples).to_string() ==
        "bad.yaml:13:16: error: 'questions' must be count or excuse, got 'maybe' [bad.x]");
  CHECK(load_error(head + rule_head + "    patterns:\n      - all: [a, 'b?']\n" + examples).message.find("matches the empty string") !=
        std::string::npos);
  // A lexicon without the negation mechanism's words is refused, naming the missing class.
  const std::string thin = "lexicon: thin\ntitle: t\nversion: 1\nclasses:\n  negator: [不]\n";
  CHECK(load_error(head + rule_head + "    patterns: [a]\n" + examples, thin).message.find("'not-negator'") !=
        std::string::npos);
  // Two lexicons are one too many.
  auto two = Engine::from_yaml({{"a.yaml", kLexicon}, {"b.yaml", std::string(kLexicon).replace(10, 4, "tset")}});
  REQUIRE_FALSE(two.ok());
  CHECK(two.error().message.find("two lexicons") != std::string::npos);
}

TEST_CASE("、 lists and ： introduces: neither ends a clause") {
  using namespace replylint::detail;
  Normalized n;
  NormalizerScratch scratch;
  Clauses c;
  for (const std::string reply : {"请不要通过微信、支付宝私下转账", "微信：abc123"}) {
    normalize(reply, n, scratch);
    split_clauses(reply, n, c);
    CHECK(c.clauses.size() == 1);
  }
  const Engine e = demo();
  CHECK(rules_of(e.check("不要加微信、qq")).empty());
}

TEST_CASE("a pattern of parts is looked for in every unit, not only the first that holds a part") {
  const Engine e = demo();
  // The first clause has 发票 but no charge; the second has both.
  CHECK(rules_of(e.check("发票已开好，专票要加3个点")) == std::vector<std::string>{"demo.fee"});
}

TEST_CASE("a rule and its restatement firing on the same words are one violation") {
  // re.fee and re.fee-any state one platform rule twice (a phrasing and its general form);
  // re.fee-big is the same rule with more points; re.other is another platform rule.
  const char* pack = R"(
pack: re
title: t
version: 1
platform_rules: [t]
rules:
  - id: re.fee
    title: 开票收费
    points: 6
    platform_rule: fee
    message: m
    suggestion: s
    source: s
    patterns: ['发票要加\d个点']
    examples: {bad: ['[[发票要加3个点]]', '[[发票要加4个点]]', '[[发票要加5个点]]'], good: [发票免费, 不加点, 免费开]}
  - id: re.fee-any
    title: 开票收费（一般）
    points: 6
    platform_rule: fee
    message: m
    suggestion: s
    source: s
    patterns: ['要加\d个点']
    examples: {bad: ['[[要加3个点]]', '[[要加4个点]]', '[[要加5个点]]'], good: [发票免费, 不加点, 免费开]}
  - id: re.fee-big
    title: 开票收高费
    points: 8
    platform_rule: fee
    message: m
    suggestion: s
    source: s
    patterns: ['加9个点']
    examples: {bad: ['[[加9个点]]', '要[[加9个点]]', '发票[[加9个点]]'], good: [发票免费, 不加点, 免费开]}
  - id: re.other
    title: 加点
    points: 2
    message: m
    suggestion: s
    source: s
    patterns: ['加\d个点']
    examples: {bad: ['[[加3个点]]', '[[加4个点]]', '[[加5个点]]'], good: [发票免费, 不加点, 免费开]}
)";
  auto e = Engine::from_yaml({{"lexicon.yaml", kLexicon}, {"re.yaml", pack}});
  INFO((e.ok() ? std::string() : e.error().to_string()));
  REQUIRE(e.ok());
  // Overlapping, equal points: the earlier rule stays; another platform rule is not touched.
  CHECK(rules_of(e->check("发票要加3个点")) == std::vector<std::string>{"re.fee", "re.other"});
  // Overlapping, more points: that one stays.
  CHECK(rules_of(e->check("发票要加9个点")) == std::vector<std::string>{"re.fee-big", "re.other"});
  // Apart: two incidents, both shown, counted once.
  auto apart = e->check("要加3个点，发票要加5个点");
  REQUIRE(apart.ok());
  CHECK(rules_of(apart) == std::vector<std::string>{"re.fee-any", "re.other", "re.fee"});
  std::size_t fee_rules = 0, counted = 0;
  for (const Violation& v : apart->violations)
    if (v.platform_rule == "re.fee") {
      ++fee_rules;
      counted += v.counted;
    }
  CHECK(fee_rules == 2);
  CHECK(counted == 1);
  // Chosen alone, a restatement is reported: the choice comes first.
  CheckOptions alone;
  alone.only = {"re.fee-any"};
  CHECK(rules_of(e->check("发票要加3个点", alone)) == std::vector<std::string>{"re.fee-any"});
}

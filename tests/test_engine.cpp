// The engine on packs built in code, so these tests do not move when the shipped packs do.
#include <catch2/catch.hpp>

#include "replylint/engine.hpp"
#include "replylint/examples.hpp"
#include "example_markers.hpp"

using namespace replylint;

namespace {

RuleSpec rule(std::string id, int points, std::vector<std::string> patterns, std::vector<ExceptionSpec> unless = {}) {
  RuleSpec r;
  r.id = std::move(id);
  for (std::string* field : {&r.title, &r.message, &r.suggestion, &r.source}) *field = "t";
  r.points = points;
  for (auto& p : patterns) {
    PatternSpec spec;
    spec.pattern = p;
    r.patterns.push_back(spec);
  }
  r.unless = std::move(unless);
  return r;
}

ExceptionSpec unless(ExceptionSpec::Where where, std::string pattern, int window = 8) {
  return ExceptionSpec{where, std::move(pattern), window, {}};
}

Engine demo_engine(EngineOptions options = {}) {
  using W = ExceptionSpec::Where;
  PackSpec pack;
  pack.id = "demo";
  pack.file = "demo.yaml";
  pack.rules = {
      rule("demo.wechat", 6, {"微信"}, {unless(W::kBefore, "(不|别)(能|要)?加?$", 4), unless(W::kAfter, "^支付")}),
      rule("demo.phone", 6, {"1[3-9][0-9]{9}"}, {unless(W::kInside, "\\*\\*")}),
      rule("demo.guarantee", 4, {"保证.{0,3}(发货|送到)"}, {unless(W::kReply, "以物流为准")}),
  };
  auto engine = Engine::compile({pack}, options);
  REQUIRE(engine.ok());
  return *engine;
}

Report check(const Engine& e, std::string_view text) {
  auto r = e.check(text);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("a violation is reported in the original text") {
  const Engine e = demo_engine();
  const std::string reply = "亲,加我 微.信 abc12345";
  const Report r = check(e, reply);
  REQUIRE(r.violations.size() == 1);
  const Violation& v = r.violations[0];
  CHECK(v.rule == "demo.wechat");
  CHECK(v.pack == "demo");
  CHECK(v.points == 6);
  CHECK(v.text == "微.信");
  CHECK(reply.substr(v.start, v.end - v.start) == v.text);
  CHECK(v.char_start == 5);
  CHECK(v.char_end == 8);
  CHECK(r.points == 6);
}

TEST_CASE("exceptions excuse a match: before, after, inside, reply") {
  const Engine e = demo_engine();
  CHECK(check(e, "我们不能加微信哦").clean());
  CHECK(check(e, "支持微信支付").clean());
  CHECK(check(e, "您的电话是138****5678").clean());
  CHECK(check(e, "保证今天发货,具体以物流为准").clean());
  CHECK_FALSE(check(e, "保证今天发货").clean());
  // The shared negation reaches to the end of its clause, no further (rules/README.md,
  // "Negation"): a negator in the clause before does not excuse.
  CHECK_FALSE(check(e, "不能说的秘密，加我微信").clean());
}

TEST_CASE("an excused match does not hide a later one") {
  const Engine e = demo_engine();
  const std::string reply = "不能加微信,不过微信号是abc";
  const Report r = check(e, reply);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].start == reply.rfind("微信"));
}

TEST_CASE("each rule counts once per reply; violations are ordered by position") {
  const Engine e = demo_engine();
  const Report r = check(e, "电话13812345678,微信abc,保证明天发货,再说一遍微信,13900001111");
  REQUIRE(r.violations.size() == 3);
  CHECK(r.violations[0].rule == "demo.phone");
  CHECK(r.violations[1].rule == "demo.wechat");
  CHECK(r.violations[2].rule == "demo.guarantee");
  CHECK(r.points == 16);
}

TEST_CASE("disguised digits are found and mapped back whole") {
  const Engine e = demo_engine();
  const std::string reply = "打①③⑧ 1234 伍陆柒捌 就行";
  const Report r = check(e, reply);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].text == "①③⑧ 1234 伍陆柒捌");
}

TEST_CASE("empty, invalid and over-long input have defined results") {
  const Engine e = demo_engine({.max_reply_bytes = 64});
  CHECK(check(e, "").clean());
  const Report bad = check(e, "加\xff微\xc0信");
  CHECK(bad.invalid_utf8);
  REQUIRE(bad.violations.size() == 1);
  CHECK(bad.violations[0].text == "微\xc0信");
  CHECK(bad.violations[0].char_end - bad.violations[0].char_start == 3);
  auto long_reply = e.check(std::string(65, 'a'));
  REQUIRE_FALSE(long_reply.ok());
  CHECK(long_reply.error().code == ErrorCode::kTooLong);
  CHECK(check(e, std::string(64, 'a')).clean());
}

TEST_CASE("compile refuses what cannot work") {
  PackSpec empty;
  empty.id = "x";
  CHECK(Engine::compile({}).error().code == ErrorCode::kInvalidArgument);
  CHECK(Engine::compile({empty}).error().code == ErrorCode::kInvalidArgument);
  PackSpec bad;
  bad.id = "bad";
  bad.rules = {rule("bad.x", 1, {"a", "(b"})};
  auto e = Engine::compile({bad});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().code == ErrorCode::kBadPattern);
  CHECK(e.error().rule == "bad.x");
}

TEST_CASE("engines are shared handles that find their rules") {
  const Engine e = demo_engine();
  const Engine copy = e;  // NOLINT: the copy shares the compiled state
  CHECK(copy.rules().size() == 3);
  REQUIRE(copy.find_rule("demo.phone"));
  CHECK(copy.find_rule("demo.phone")->points == 6);
  CHECK(copy.find_rule("nope") == nullptr);
}

TEST_CASE("the reply an example stands for is its text without the markers") {
  using detail::strip_example_markers;
  CHECK(strip_example_markers("加我[[微信]]吧") == "加我微信吧");
  CHECK(strip_example_markers("旺旺联系") == "旺旺联系");
  CHECK(strip_example_markers("") == "");
  CHECK(strip_example_markers("[[a]] b [[c]]") == "a b c");
  CHECK(strip_example_markers("[a] [[[b]]] ]") == "[a] [b] ]");
}

TEST_CASE("examples: the marked span must be what the rule reports") {
  std::string reply;
  std::size_t start = 0, end = 0;
  REQUIRE(split_marked_example("加我[[微信]]吧", reply, start, end));
  CHECK(reply == "加我微信吧");
  CHECK(reply.substr(start, end - start) == "微信");
  CHECK_FALSE(split_marked_example("no marks", reply, start, end));
  CHECK_FALSE(split_marked_example("[[a]] [[b]]", reply, start, end));
  CHECK_FALSE(split_marked_example("[[]]", reply, start, end));
  // A single bracket is text, not a marker.
  REQUIRE(split_marked_example("a[[[b]]]", reply, start, end));
  CHECK(reply == "a[b]");
  CHECK(reply.substr(start, end - start) == "[b");

  PackSpec pack;
  pack.id = "demo";
  pack.file = "demo.yaml";
  RuleSpec r = rule("demo.wechat", 6, {"微信"});
  r.bad_examples = {{"加[[微信]]", {3, 9}, ""}, {"[[加微信]]", {4, 9}, ""}};
  r.good_examples = {{"旺旺", {5, 9}, ""}};
  // A compliant example flagged by another rule is a clash between rules, found by run_examples
  // (one flagged by its own rule is refused by compile()).
  RuleSpec qq = rule("demo.qq", 6, {"qq"});
  qq.good_examples = {{"微信", {6, 9}, ""}};
  pack.rules = {r, qq};
  auto engine = Engine::compile({pack});
  REQUIRE(engine.ok());
  const ExampleRun run = run_examples(*engine);
  CHECK(run.passed == 2);
  REQUIRE(run.failures.size() == 2);
  CHECK(run.failures[0].to_string() ==
        "demo.yaml:4:9: demo.wechat: expected the span '加微信', found '微信'\n    example: [[加微信]]");
  CHECK(run.failures[1].problem == "a compliant example must stay clean, found demo.wechat at [0,6) '微信'");
}

TEST_CASE("a group named span is what gets reported; guards around it are not") {
  PackSpec pack;
  pack.id = "demo";
  pack.rules = {rule("demo.phone", 6, {"(?:^|[^0-9])(?P<span>1[3-9][0-9]{9})(?:[^0-9]|$)"}),
                rule("demo.qq", 6, {"(?:(qq)|(扣扣))号?(?P<span>[0-9]{5,11})"})};
  auto engine = Engine::compile({pack});
  REQUIRE(engine.ok());
  const std::string reply = "电话:138 1234 5678。";
  const Report r = check(*engine, reply);
  REQUIRE(r.violations.size() == 1);
  CHECK(r.violations[0].text == "138 1234 5678");
  // Longer digit runs (order numbers) are not phone numbers.
  CHECK(check(*engine, "订单号3138123456789").clean());
  // Groups before the span group do not shift it.
  const Report qq = check(*engine, "扣扣号88886666");
  REQUIRE(qq.violations.size() == 1);
  CHECK(qq.violations[0].text == "88886666");
  // The search goes on after an excused or rejected span, so two numbers back to back are seen.
  PackSpec masked = pack;
  masked.rules[0].unless = {unless(ExceptionSpec::Where::kInside, "^13")};
  auto e2 = Engine::compile({masked});
  REQUIRE(e2.ok());
  const Report both = check(*e2, "13812345678或15912345678");
  REQUIRE(both.violations.size() == 1);
  CHECK(both.violations[0].text == "15912345678");
}

TEST_CASE("validators keep only numbers whose checksum holds") {
  PackSpec pack;
  pack.id = "demo";
  RuleSpec id = rule("demo.id", 6, {"(?:^|[^0-9])(?P<span>[0-9]{17}[0-9x])(?:[^0-9]|$)"});
  id.validate = Validator::kCnId;
  RuleSpec card = rule("demo.card", 6, {"(?:^|[^0-9])(?P<span>[0-9]{16,19})(?:[^0-9]|$)"});
  card.validate = Validator::kLuhn;
  pack.rules = {id, card};
  auto engine = Engine::compile({pack});
  REQUIRE(engine.ok());
  // 11010519491231002X is the standard's own example; a changed digit breaks the checksum.
  const Report ok = check(*engine, "身份证11010519491231002X");
  REQUIRE(ok.violations.size() == 1);
  CHECK(ok.violations[0].rule == "demo.id");
  CHECK(ok.violations[0].text == "11010519491231002X");
  CHECK(check(*engine, "单号110105194912310021").clean());
  // 4111111111111111 passes Luhn; 4111111111111112 does not.
  const Report luhn = check(*engine, "卡号4111 1111 1111 1111");
  REQUIRE(luhn.violations.size() == 1);
  CHECK(luhn.violations[0].text == "4111 1111 1111 1111");
  CHECK(check(*engine, "订单号4111111111111112").clean());
}

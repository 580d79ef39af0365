// The C++ API that chat clients use (issue #5): engines from pack text, per-call options,
// UTF-16 offsets, EngineSlot, the buyer's message as context. On packs given here and in
// tests/context_pack, not on the shipped ones.
#include <catch2/catch.hpp>

#include <string>

#include "replylint/engine.hpp"
#include "replylint/engine_slot.hpp"

using namespace replylint;

namespace {

const char* const kShop = R"(pack: shop
title: 店铺
version: 1
platform_rules: [不允许主动提供微信]
rules:
  - id: shop.wechat
    title: 提供微信
    points: 6
    message: 主动提供微信
    suggestion: 旺旺联系
    source: 演示
    patterns: ['微信']
    unless:
      - after: '^支付'
    examples:
      bad: ['加[[微信]]', '[[微信]]号', '亲[[微信]]']
      good: [微信支付, 旺旺, 您好]
  - id: shop.phone
    title: 提供电话
    points: 6
    message: 主动提供电话
    suggestion: 旺旺联系
    source: 演示
    patterns: ['(?:^|[^0-9])(?P<span>1[3-9][0-9]{9})(?:[^0-9]|$)']
    examples:
      bad: ['电话[[13812345678]]', '[[13912345678]]', 'a[[13712345678]]']
      good: [订单号3138123456789, 旺旺, 您好]
)";

const char* const kPromise = R"(pack: promise
title: 承诺
version: 1
platform_rules: [不能随意承诺]
rules:
  - id: promise.guarantee
    title: 保证发货
    points: 4
    message: 保证发货时间
    suggestion: 尽快发货
    source: 演示
    patterns: ['保证.{0,3}(发货|送到)']
    examples:
      bad: ['[[保证今天发货]]', '[[保证发货]]', '亲[[保证明天送到]]']
      good: [尽快发货, 今天发货, 您好]
)";

Engine engine() {
  auto e = Engine::from_yaml({{"shop.yaml", kShop}, {"promise.yaml", kPromise}});
  REQUIRE(e.ok());
  return *e;
}

Report check(const Engine& e, std::string_view text, const CheckOptions& o = {}) {
  auto r = e.check(text, o);
  INFO((r.ok() ? std::string() : r.error().to_string()));
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("engines build from pack text in memory, with errors that point into it") {
  const Engine e = engine();
  CHECK(e.rules().size() == 3);
  CHECK(e.packs()[0].file == "shop.yaml");
  auto one = Engine::from_yaml(kPromise, "p.yaml");
  REQUIRE(one.ok());
  CHECK(one->rules().size() == 1);

  CHECK(Engine::from_yaml(std::vector<PackText>{}).error().code == ErrorCode::kInvalidArgument);
  std::string broken = kPromise;
  broken.replace(broken.find("'保证"), 1, "'(");
  auto bad = Engine::from_yaml(broken, "broken.yaml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kBadPattern);
  CHECK(bad.error().file == "broken.yaml");
  CHECK(bad.error().line == 12);
  CHECK(bad.error().rule == "promise.guarantee");
  auto twice = Engine::from_yaml({{"a.yaml", kShop}, {"b.yaml", kShop}});
  CHECK(twice.error().code == ErrorCode::kDuplicateRule);
}

TEST_CASE("spans come in bytes, code points and UTF-16 code units") {
  const Engine e = engine();
  // 😊 (U+1F60A): 4 bytes, 1 code point, 2 UTF-16 units. 𠮷 (U+20BB7) likewise.
  const std::string reply = "😊亲𠮷，加微信";
  const Report r = check(e, reply);
  REQUIRE(r.violations.size() == 1);
  const Violation& v = r.violations[0];
  CHECK(v.start == 4 + 3 + 4 + 3 + 3);
  CHECK(v.end == v.start + 6);
  CHECK(v.char_start == 5);
  CHECK(v.char_end == 7);
  CHECK(v.utf16_start == 7);
  CHECK(v.utf16_end == 9);
  const std::u16string utf16 = u"😊亲𠮷，加微信";
  CHECK(utf16.substr(v.utf16_start, v.utf16_end - v.utf16_start) == u"微信");

  // Without characters above U+FFFF, UTF-16 units and code points agree.
  const Report plain = check(e, "电话 138 1234 5678");
  REQUIRE(plain.violations.size() == 1);
  CHECK(plain.violations[0].utf16_start == plain.violations[0].char_start);
  CHECK(plain.violations[0].utf16_end == plain.violations[0].char_end);

  // An emoji inside the span counts two; invalid bytes count one each, as in char offsets.
  const Report inside = check(e, "微👍信 加\xff\xfe微信");
  REQUIRE(inside.violations.size() == 1);
  CHECK(inside.violations[0].text == "微👍信");
  CHECK(inside.violations[0].utf16_end - inside.violations[0].utf16_start == 4);
  CHECK(inside.violations[0].char_end - inside.violations[0].char_start == 3);
  const Report invalid = check(e, "\xff\xf0\x9f微信");
  REQUIRE(invalid.violations.size() == 1);
  CHECK(invalid.violations[0].char_start == 3);
  CHECK(invalid.violations[0].utf16_start == 3);
}

TEST_CASE("per-call options choose rules, override points and limit the length") {
  const Engine e = engine();
  const std::string reply = "加微信,电话13812345678,保证今天发货";
  CHECK(check(e, reply).violations.size() == 3);

  CheckOptions only_shop;
  only_shop.only = {"shop"};
  Report r = check(e, reply, only_shop);
  REQUIRE(r.violations.size() == 2);
  CHECK(r.points == 12);

  CheckOptions mixed;
  mixed.only = {"shop", "promise.guarantee"};
  mixed.skip = {"shop.phone"};
  r = check(e, reply, mixed);
  REQUIRE(r.violations.size() == 2);
  CHECK(r.violations[0].rule == "shop.wechat");
  CHECK(r.violations[1].rule == "promise.guarantee");

  CheckOptions points;
  points.points = {{"shop.wechat", 12}, {"promise.guarantee", 0}};
  r = check(e, reply, points);
  REQUIRE(r.violations.size() == 3);
  CHECK(r.violations[0].points == 12);
  CHECK(r.violations[2].points == 0);
  CHECK(r.points == 18);

  CheckOptions limit;
  limit.max_reply_bytes = 9;
  CHECK(check(e, "加微信", limit).violations.size() == 1);
  auto too_long = e.check("加微信吧", limit);
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().code == ErrorCode::kTooLong);

  // Misconfiguration is loud: the error names the id.
  for (auto make : {+[](CheckOptions& o) { o.only = {"shop.nope"}; }, +[](CheckOptions& o) { o.skip = {"nope"}; },
                    +[](CheckOptions& o) { o.points = {{"shop", 3}}; },
                    +[](CheckOptions& o) { o.points = {{"shop.wechat", 49}}; },
                    +[](CheckOptions& o) { o.points = {{"shop.wechat", 1}, {"shop.wechat", 2}}; }}) {
    CheckOptions o;
    make(o);
    auto bad = e.check(reply, o);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::kInvalidArgument);
    CHECK_FALSE(bad.error().rule.empty());
  }
}

TEST_CASE("check(text) is check(text, {}) and find_rule finds by id") {
  const Engine e = engine();
  const std::string reply = "😊加微信 13812345678";
  const Report a = check(e, reply), b = check(e, reply, CheckOptions{});
  REQUIRE(a.violations.size() == b.violations.size());
  for (std::size_t i = 0; i < a.violations.size(); ++i) {
    CHECK(a.violations[i].rule == b.violations[i].rule);
    CHECK(a.violations[i].utf16_start == b.violations[i].utf16_start);
  }
  REQUIRE(e.find_rule("promise.guarantee"));
  CHECK(e.find_rule("promise.guarantee")->points == 4);
  CHECK(e.find_rule("promise") == nullptr);
}

TEST_CASE("an EngineSlot swaps engines; engines taken before keep working") {
  EngineSlot slot(engine());
  const Engine before = slot.get();
  auto next = Engine::from_yaml(kPromise, "promise.yaml");
  REQUIRE(next.ok());
  const Engine old = slot.exchange(*next);
  CHECK(old.rules().size() == 3);
  CHECK(slot.get().rules().size() == 1);
  CHECK(check(before, "加微信").violations.size() == 1);
  CHECK(check(slot.get(), "加微信").clean());
  slot.set(before);
  CHECK(slot.get().rules().size() == 3);
}

TEST_CASE("check_with_buyer: a rule with buyer: fires only when the buyer asked for it") {
  auto e = Engine::from_directory(REPLYLINT_CONTEXT_PACKS);
  REQUIRE(e.ok());
  auto asked = e->check_with_buyer("有QQ吗？", "有的，稍等");
  REQUIRE(asked.ok());
  REQUIRE(asked->violations.size() == 1);
  CHECK(asked->violations[0].rule == "shop.qq-consent");
  CHECK(asked->violations[0].text == "有的");
  CHECK(asked->violations[0].platform_rule == "shop.qq-consent");
  CHECK(asked->violations[0].counted);
  CHECK(asked->points == 6);
  for (const char* buyer : {"", "有现货吗？"}) {
    auto other = e->check_with_buyer(buyer, "有的，稍等");
    REQUIRE(other.ok());
    CHECK(other->clean());
  }
  CHECK(e->check("有的，稍等")->clean());
  CHECK(e->check_with_buyer("有QQ吗？", "亲，我们只在旺旺上服务哦")->clean());
  // Per-call options apply as in check().
  CheckOptions skip;
  skip.skip = {"shop.qq-consent"};
  CHECK(e->check_with_buyer("有QQ吗？", "有的，稍等", skip)->clean());
  CheckOptions tight;
  tight.max_reply_bytes = 8;
  auto too_long = e->check_with_buyer("请问你们有没有QQ号", "有的", tight);
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().code == ErrorCode::kTooLong);
}

TEST_CASE("violations of one platform rule count once, at the highest") {
  auto e = Engine::from_directory(REPLYLINT_CONTEXT_PACKS);
  REQUIRE(e.ok());
  auto both = e->check("买家叫李四，他的身份证号是110105194912310021");
  REQUIRE(both.ok());
  REQUIRE(both->violations.size() == 2);
  CHECK(both->violations[0].rule == "shop.name");
  CHECK(both->violations[0].counted);
  CHECK(both->violations[1].rule == "shop.id-number");
  CHECK(both->violations[1].platform_rule == "shop.leak");
  CHECK_FALSE(both->violations[1].counted);
  CHECK(both->points == 6);
  // A points override can change which one counts.
  CheckOptions heavier;
  heavier.points = {{"shop.id-number", 12}};
  auto reweighed = e->check("买家叫李四，他的身份证号是110105194912310021", heavier);
  REQUIRE(reweighed.ok());
  CHECK_FALSE(reweighed->violations[0].counted);
  CHECK(reweighed->violations[1].counted);
  CHECK(reweighed->points == 12);
}

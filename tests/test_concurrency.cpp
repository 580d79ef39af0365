// One engine, eight threads, a few seconds: every result must equal the single-threaded one.
//
// The replies differ in length, script, disguise, emoji, invalid UTF-8 and per-call options, so
// that the threads' scratch memory grows and shrinks differently. A ninth thread keeps swapping
// two engines compiled from the same packs into an EngineSlot, and half of the checks go through
// the slot, so reloading under load is covered too. Run it under ThreadSanitizer with
// tests/tsan.sh.
//
//   replylint_concurrency [SECONDS]     (default 3; also $REPLYLINT_CONCURRENCY_SECONDS)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "replylint/engine.hpp"
#include "replylint/engine_slot.hpp"

using namespace replylint;

namespace {

const char* const kPacks[][2] = {
    {"shop.yaml", R"(pack: shop
title: 店铺
version: 1
platform_rules: [不允许主动提供联系方式]
rules:
  - id: shop.wechat
    title: 提供微信
    points: 6
    message: 主动提供微信
    suggestion: 旺旺联系
    source: 演示
    patterns: ['微信', '(^|[^a-z])(wx|vx)([^a-z]|$)']
    unless:
      - before: '(不|别)(能|要)?加?$'
        window: 4
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
    unless:
      - inside: '\*\*'
    examples:
      bad: ['电话[[13812345678]]', '[[13912345678]]', 'a[[13712345678]]']
      good: [订单号3138123456789, 旺旺, 您好]
  - id: shop.qq
    title: 提供QQ
    points: 5
    message: 主动提供QQ
    suggestion: 旺旺联系
    source: 演示
    patterns: ['(?:qq|扣扣)号?(?P<span>[0-9]{5,11})']
    examples:
      bad: ['qq[[12345]]', 'QQ [[123456]]', '扣扣[[1234567]]']
      good: [QQ糖, 旺旺, 您好]
)"},
    {"promise.yaml", R"(pack: promise
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
    unless:
      - reply: '以物流为准'
    examples:
      bad: ['[[保证今天发货]]', '[[保证发货]]', '亲[[保证明天送到]]']
      good: [尽快发货, 今天发货, 您好]
  - id: promise.invoice
    title: 拒绝开发票
    points: 6
    message: 拒绝开发票
    suggestion: 发票可以开
    source: 演示
    patterns: ['(不|没法|无法)(提供|开|给您?开)发票']
    examples:
      bad: ['[[不开发票]]', '我们[[无法提供发票]]', '[[没法开发票]]哦']
      good: [发票可以开, 您好, 旺旺]
)"},
};

// Pieces the replies are made of: clean talk, violations, disguises, and odd bytes.
const std::vector<std::string> kPieces = {
    "您好", "亲，", "请问有什么可以帮您？", "加我微信", "微.信", "微😊信", "加 V X", "wx:abc123", "微信支付",
    "不能加微信", "电话13812345678", "1 3 8-1234-5678", "138****5678", "壹叁捌壹贰叁肆伍陆柒捌", "订单号3138123456789",
    "QQ 12345678", "QQ糖", "保证今天发货", "以物流为准", "我们不开发票", "發票", "👍👍", "𠮷野家", "\xff", "\xe5\xbe",
    "ＷＸ", "，", " ", "\u200b", "abc", "。。。", "Hello"};

struct Outcome {
  bool ok = false;
  ErrorCode code = ErrorCode::kOk;
  std::string error;
  Report report;
};

bool same(const Outcome& a, const Outcome& b) {
  if (a.ok != b.ok || a.code != b.code || a.error != b.error) return false;
  if (!a.ok) return true;
  const Report &x = a.report, &y = b.report;
  if (x.points != y.points || x.invalid_utf8 != y.invalid_utf8 || x.violations.size() != y.violations.size())
    return false;
  for (std::size_t i = 0; i < x.violations.size(); ++i) {
    const Violation &v = x.violations[i], &w = y.violations[i];
    if (v.rule != w.rule || v.pack != w.pack || v.title != w.title || v.points != w.points || v.start != w.start ||
        v.end != w.end || v.char_start != w.char_start || v.char_end != w.char_end || v.utf16_start != w.utf16_start ||
        v.utf16_end != w.utf16_end || v.text != w.text || v.message != w.message || v.suggestion != w.suggestion)
      return false;
  }
  return true;
}

Outcome run(const Engine& engine, const std::string& reply, const CheckOptions& options) {
  Outcome out;
  auto r = engine.check(reply, options);
  out.ok = r.ok();
  if (r.ok()) out.report = std::move(r).value();
  else {
    out.code = r.error().code;
    out.error = r.error().to_string();
  }
  return out;
}

Engine compile() {
  std::vector<PackText> packs;
  for (const auto& p : kPacks) packs.push_back({p[0], p[1]});
  auto engine = Engine::from_yaml(packs);
  if (!engine) {
    std::fprintf(stderr, "cannot compile the test packs: %s\n", engine.error().to_string().c_str());
    std::exit(1);
  }
  return *engine;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  if (const char* env = std::getenv("REPLYLINT_CONCURRENCY_SECONDS")) seconds = std::atof(env);
  if (argc > 1) seconds = std::atof(argv[1]);

  const Engine engine = compile();
  EngineSlot slot(compile());
  const Engine spare = compile();

  // Per-call options: the defaults, a shop that skips a pack, one that only wants some rules
  // and weighs them differently, one with a short length limit, and one with a bad id.
  std::vector<CheckOptions> options(5);
  options[1].skip = {"promise"};
  options[2].only = {"shop.wechat", "promise"};
  options[2].points = {{"shop.wechat", 12}, {"promise.invoice", 0}};
  options[3].max_reply_bytes = 120;
  options[4].only = {"shop.unknown"};

  // The replies: 1,500 of up to 40 pieces, some long, from a fixed seed.
  std::mt19937 random(20240605);
  std::vector<std::string> replies;
  for (int i = 0; i < 1500; ++i) {
    std::string reply;
    const int pieces = static_cast<int>(random() % (i % 50 == 0 ? 400 : 40));
    for (int k = 0; k < pieces; ++k) reply += kPieces[random() % kPieces.size()];
    replies.push_back(std::move(reply));
  }

  // What a single thread finds.
  std::vector<Outcome> expected;
  std::size_t violations = 0, errors = 0;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    expected.push_back(run(engine, replies[i], options[i % options.size()]));
    violations += expected.back().ok ? expected.back().report.violations.size() : 0;
    errors += expected.back().ok ? 0 : 1;
  }
  // The corpus must exercise what it claims to.
  if (violations < replies.size() || errors < 50 || errors > replies.size() / 2) {
    std::fprintf(stderr, "corpus: %zu violations and %zu errors over %zu replies: not a useful mix\n", violations,
                 errors, replies.size());
    return 1;
  }

  constexpr int kThreads = 8;
  std::atomic<bool> stop{false};
  std::atomic<long> checks{0}, mismatches{0}, reloads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      // Each thread walks the replies in its own order: start and stride differ.
      // Strides are primes that do not divide the corpus size, so each thread visits every reply.
      static constexpr std::size_t kStrides[kThreads] = {1, 7, 11, 13, 17, 19, 23, 29};
      const std::size_t stride = kStrides[t];
      std::size_t i = static_cast<std::size_t>(t) * 97, n = 0;
      long local_checks = 0, local_mismatches = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        const std::size_t k = i % replies.size();
        const Outcome got = (n++ % 2) ? run(slot.get(), replies[k], options[k % options.size()])
                                      : run(engine, replies[k], options[k % options.size()]);
        if (!same(got, expected[k])) {
          if (local_mismatches++ < 3) std::fprintf(stderr, "thread %d: reply %zu differs from the single-threaded result\n", t, k);
        }
        ++local_checks;
        i += stride;
      }
      checks += local_checks;
      mismatches += local_mismatches;
    });
  std::thread reloader([&] {
    Engine next = spare;
    while (!stop.load(std::memory_order_relaxed)) {
      next = slot.exchange(std::move(next));
      ++reloads;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  const auto start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& t : threads) t.join();
  reloader.join();
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("concurrency: %d threads, %ld checks of %zu different replies in %.1f s, %ld reloads, %ld mismatches\n",
              kThreads, checks.load(), replies.size(), took, reloads.load(), mismatches.load());
  const bool ok = mismatches == 0 && checks >= static_cast<long>(replies.size());
  std::printf("%d passed, %d failed\n", ok ? 1 : 0, ok ? 0 : 1);
  return ok ? 0 : 1;
}

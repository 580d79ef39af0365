// The built-in packs' candidate stage, made by the build (Hyperscan when the build has it),
// against the RE2::Set that `--rules DIR` uses: on a corpus generated from the packs' own
// examples, cut, joined and disguised (generated_corpus.hpp), it must report every pattern the
// Set reports, and the engines must give identical reports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "embedded_packs.hpp"
#include "expand.hpp"
#include "generated_corpus.hpp"
#ifdef REPLYLINT_HYPERSCAN
#include "hyperscan_set.hpp"
#endif
#include "matcher.hpp"
#include "normalizer.hpp"
#include "replylint/engine.hpp"

using namespace replylint;

namespace {

std::string describe(const Result<Report>& r) {
  if (!r) return "error: " + r.error().message;
  std::string s = std::to_string(r->points) + (r->invalid_utf8 ? " invalid" : "");
  for (const Violation& v : r->violations)
    s += " | " + v.rule + " " + std::to_string(v.start) + "-" + std::to_string(v.end) + " " +
         std::to_string(v.char_start) + "-" + std::to_string(v.char_end) + " " + std::to_string(v.utf16_start) +
         "-" + std::to_string(v.utf16_end) + " " + std::to_string(v.points) + (v.counted ? "+" : "-") + " " +
         v.platform_rule + " " + v.text;
  return s;
}

}  // namespace

TEST_CASE("the built-in candidate stage reports every pattern the RE2::Set reports") {
  const detail::EmbeddedPacks& data = detail::embedded_pack_data();
  auto expanded = detail::expand(data.written);
  REQUIRE(expanded);
  auto built_in = detail::Matcher::build(data.expanded, expanded->negation, true, &data.candidates);
  auto re2_set = detail::Matcher::build(expanded->packs, expanded->negation);
  REQUIRE(built_in);
  REQUIRE(re2_set);
#ifdef REPLYLINT_HYPERSCAN
  // Hyperscan serves the built-in packs wherever their database loads: not on a CPU that lacks
  // the build machine's features (or under valgrind), where the Sets stand in.
  const bool loads = static_cast<bool>(detail::HyperscanSet::load(data.candidates.hyperscan, data.candidates.hyperscan_features));
  CHECK((*built_in)->uses_hyperscan() == loads);
  if (!loads) WARN("the compiled-in Hyperscan database does not load on this CPU");
#else
  CHECK(!(*built_in)->uses_hyperscan());
#endif
  CHECK(!(*re2_set)->uses_hyperscan());
  REQUIRE((*built_in)->pattern_count() == (*re2_set)->pattern_count());
  detail::Normalized n;
  detail::NormalizerScratch scratch;
  std::vector<int> a, b;
  std::size_t flagged = 0;
  for (const auto& [buyer, reply] : test::generated_corpus(20000)) {
    detail::normalize(reply, n, scratch);
    (*built_in)->candidates(n, a);
    (*re2_set)->candidates(n, b);
    flagged += !b.empty();
    INFO(reply);
    CHECK(std::includes(a.begin(), a.end(), b.begin(), b.end()));
  }
  CHECK(flagged > 1000);  // the corpus does reach the rules
}

#ifdef REPLYLINT_HYPERSCAN
TEST_CASE("compiled-in databases are refused where they cannot run") {
  const detail::EmbeddedPacks& data = detail::embedded_pack_data();
  REQUIRE(!data.candidates.hyperscan.empty());
  // The build compiled for its own CPU: a CPU without one of those features must not scan them.
  CHECK(!detail::HyperscanSet::load(data.candidates.hyperscan, ~std::uint32_t{0}));
  // An image is used where it lies, so it must lie 64-byte aligned, as the build placed it.
  const std::string_view image = data.candidates.hyperscan.front();
  CHECK(reinterpret_cast<std::uintptr_t>(image.data()) % detail::HyperscanSet::kImageAlignment == 0);
  std::string moved(image.size() + 128, '\0');
  char* aligned = moved.data() + (64 - reinterpret_cast<std::uintptr_t>(moved.data()) % 64);
  std::copy(image.begin(), image.end(), aligned + 8);
  CHECK(!detail::HyperscanSet::load({std::string_view(aligned + 8, image.size())}, data.candidates.hyperscan_features));
  // The same bytes at an aligned address are a database again.
  std::copy(image.begin(), image.end(), aligned);
  CHECK(static_cast<bool>(detail::HyperscanSet::load({std::string_view(aligned, image.size())},
                                                     data.candidates.hyperscan_features)) ==
        static_cast<bool>(detail::HyperscanSet::load(data.candidates.hyperscan, data.candidates.hyperscan_features)));
}
#endif

TEST_CASE("a compiled-in database that does not load leaves the candidates to RE2::Sets") {
  // As on a CPU without the build machine's features: Hyperscan refuses the database.
  const detail::EmbeddedPacks& data = detail::embedded_pack_data();
  auto expanded = detail::expand(data.written);
  REQUIRE(expanded);
  detail::CandidateSpec damaged = data.candidates;
  const std::string garbage(4096, 'x');
  damaged.hyperscan = {garbage};
  auto fallback = detail::Matcher::build(data.expanded, expanded->negation, true, &damaged);
  auto built_in = detail::Matcher::build(data.expanded, expanded->negation, true, &data.candidates);
  REQUIRE(fallback);
  REQUIRE(built_in);
  CHECK(!(*fallback)->uses_hyperscan());
  detail::Normalized n;
  detail::NormalizerScratch scratch;
  std::vector<int> candidates;
  std::vector<detail::Hit> a, b;
  std::size_t hits = 0;
  for (const auto& [buyer, reply] : test::generated_corpus(3000)) {
    detail::normalize(reply, n, scratch);
    a.clear();
    b.clear();
    (*fallback)->match(n, candidates, a);
    (*built_in)->match(n, candidates, b);
    INFO(reply);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK((a[i].rule == b[i].rule && a[i].begin == b[i].begin && a[i].end == b[i].end));
    hits += a.size();
  }
  CHECK(hits > 50);
}

TEST_CASE("from_embedded and compile(embedded_packs()) give identical reports") {
  auto fast = Engine::from_embedded();
  auto packs = embedded_packs();
  REQUIRE(fast);
  REQUIRE(packs);
  auto checked = Engine::compile(*packs);
  REQUIRE(checked);
  std::size_t violations = 0;
  for (const auto& [buyer, reply] : test::generated_corpus(20000)) {
    const auto x = fast->check_with_buyer(buyer, reply), y = checked->check_with_buyer(buyer, reply);
    INFO(reply);
    REQUIRE(describe(x) == describe(y));
    if (x) violations += x->violations.size();
  }
  CHECK(violations > 1000);
  // The packs as written come back as written, examples and classes included.
  CHECK(fast->packs().size() == packs->size());
  CHECK(fast->rules().size() == checked->rules().size());
  for (std::size_t i = 0; i < fast->rules().size(); ++i) {
    CHECK(fast->rules()[i].id == checked->rules()[i].id);
    CHECK(fast->rules()[i].patterns == checked->rules()[i].patterns);
    CHECK(fast->rules()[i].expanded == checked->rules()[i].expanded);
  }
}

TEST_CASE("the built-in packs followed by a shop's own keep the build's matcher, reports unchanged") {
  auto builtin = embedded_packs();
  REQUIRE(builtin);
  // A shop's own pack (rule demo.wechat: 加我微信), after the built-in packs, as lint's
  // pack_dirs adds it.
  std::ifstream in(std::string(REPLYLINT_SOURCE_DIR) + "/tests/valid_pack.yaml", std::ios::binary);
  const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto own = load_pack(yaml, "valid_pack.yaml");
  REQUIRE(own);
  std::vector<PackSpec> with_own = *builtin;
  with_own.push_back(*own);
  // The same packs, the built-in ones no longer byte-identical (another file name): every pack
  // compiled and checked here, the way `--rules DIR` does.
  std::vector<PackSpec> copied = with_own;
  for (std::size_t k = 0; k < builtin->size(); ++k) copied[k].file = "copy/" + copied[k].file;
  CHECK(detail::builtin_prefix(with_own) == builtin->size());
  CHECK(detail::builtin_prefix(copied) == 0);
  CHECK(detail::builtin_prefix(*builtin) == 0);  // nothing after them: Engine::compile checks them all
  auto fast = Engine::compile(with_own);
  auto checked = Engine::compile(copied);
  REQUIRE(fast);
  REQUIRE(checked);
  REQUIRE(fast->rules().size() == checked->rules().size());
  std::size_t own_hits = 0;
  for (const auto& [buyer, reply] : test::generated_corpus(6000)) {
    for (const std::string& text : {reply, "亲，" + reply + "加我微信"}) {
      const auto x = fast->check_with_buyer(buyer, text), y = checked->check_with_buyer(buyer, text);
      INFO(text);
      REQUIRE(describe(x) == describe(y));
      if (x)
        for (const Violation& v : x->violations) own_hits += v.rule == "demo.wechat";
    }
  }
  CHECK(own_hits > 1000);  // the shop's rule fires through the second matcher
  // A shop pack that flags its own compliant example is still refused after built-in packs.
  PackSpec contradicting = *own;
  contradicting.rules[0].good_examples[0].text = "加我微信";
  std::vector<PackSpec> bad = *builtin;
  bad.push_back(contradicting);
  auto refused = Engine::compile(bad);
  REQUIRE(!refused);
  CHECK(refused.error().rule == "demo.wechat");
}

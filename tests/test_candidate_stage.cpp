// The built-in packs' candidate stage, made by the build (Hyperscan when the build has it),
// against the RE2::Set that `--rules DIR` uses: on a corpus generated from the packs' own
// examples, cut, joined and disguised (generated_corpus.hpp), it must report every pattern the
// Set reports, and the engines must give identical reports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "embedded_packs.hpp"
#include "expand.hpp"
#include "generated_corpus.hpp"
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
  CHECK((*built_in)->uses_hyperscan());
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

TEST_CASE("a long-lived engine moves from the built-in stage to the RE2::Set with the same answers") {
  const detail::EmbeddedPacks& data = detail::embedded_pack_data();
  auto expanded = detail::expand(data.written);
  REQUIRE(expanded);
  // Moves after about 2,000 replies here, instead of detail::Matcher::kSwitchAfter.
  auto moving = detail::Matcher::build(data.expanded, expanded->negation, true, &data.candidates, 2000);
  auto re2_set = detail::Matcher::build(expanded->packs, expanded->negation);
  REQUIRE(moving);
  REQUIRE(re2_set);
  detail::Normalized n;
  detail::NormalizerScratch scratch;
  std::vector<int> a, b;
  std::vector<detail::Hit> x, y;
  std::size_t before = 0, after = 0;
  for (const auto& [buyer, reply] : test::generated_corpus(6000)) {
    detail::normalize(reply, n, scratch);
    ((*moving)->uses_hyperscan() ? before : after) += 1;
    (*moving)->candidates(n, a);
    (*re2_set)->candidates(n, b);
    INFO(reply);
    CHECK(std::includes(a.begin(), a.end(), b.begin(), b.end()));
    x.clear();
    y.clear();
    (*moving)->match(n, a, x);
    (*re2_set)->match(n, b, y);
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) CHECK((x[i].rule == y[i].rule && x[i].begin == y[i].begin && x[i].end == y[i].end));
  }
#ifdef REPLYLINT_HYPERSCAN
  CHECK(before > 500);  // each reply is two checks here: candidates() and match()
  CHECK(after > 1000);  // it did move
#else
  CHECK(before == 0);
#endif
}

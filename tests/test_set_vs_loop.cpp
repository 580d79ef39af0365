// The shipped packs' candidate path against the per-rule loop: match() confirms only the rules
// whose patterns the candidate stage picked (the built-in Hyperscan stage, or the RE2::Set that
// `--rules DIR` uses), and must find exactly the hits that trying every pattern of every rule
// finds (match_each_rule()). On a corpus generated in this repository (generated_corpus.hpp),
// so that the comparison runs in every ctest, not only in the benchmark.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "embedded_packs.hpp"
#include "expand.hpp"
#include "generated_corpus.hpp"
#include "matcher.hpp"
#include "normalizer.hpp"

using namespace replylint;

namespace {

std::string describe(const std::vector<detail::Hit>& hits) {
  std::ostringstream s;
  for (const detail::Hit& h : hits) s << " rule " << h.rule << " [" << h.begin << "," << h.end << ")";
  return hits.empty() ? " none" : s.str();
}

}  // namespace

TEST_CASE("on the shipped packs, the candidate path finds exactly what the per-rule loop finds") {
  const detail::EmbeddedPacks& data = detail::embedded_pack_data();
  auto expanded = detail::expand(data.written);
  REQUIRE(expanded);
  auto built_in = detail::Matcher::build(data.expanded, expanded->negation, true, &data.candidates);
  auto re2_set = detail::Matcher::build(expanded->packs, expanded->negation);
  REQUIRE(built_in);
  REQUIRE(re2_set);
  // The loop is the slow part and the same for both matchers (the same packs): run once.
  const std::vector<std::pair<const char*, const detail::Matcher*>> matchers = {{"built-in stage", built_in->get()},
                                                                              {"RE2::Set", re2_set->get()}};
  detail::Normalized n;
  detail::NormalizerScratch scratch;
  std::vector<int> candidates;
  std::vector<detail::Hit> fast, loop;
  std::size_t hits = 0, mismatches = 0;
  for (const auto& [buyer, reply] : test::generated_corpus(12000)) {
    detail::normalize(reply, n, scratch);
    loop.clear();
    (*re2_set)->match_each_rule(n, candidates, loop);
    hits += loop.size();
    for (const auto& [name, matcher] : matchers) {
      fast.clear();
      matcher->match(n, candidates, fast);
      const bool same = std::equal(fast.begin(), fast.end(), loop.begin(), loop.end(), [](const auto& a, const auto& b) {
        return a.rule == b.rule && a.begin == b.begin && a.end == b.end;
      });
      if (!same && ++mismatches <= 5)
        FAIL_CHECK(name << " on '" << reply << "': candidates found" << describe(fast) << ", the loop" << describe(loop));
    }
  }
  CHECK(mismatches == 0);
  CHECK(hits > 2000);  // the corpus does reach the rules
}

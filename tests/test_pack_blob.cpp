// Packs as bytes (src/pack_blob.hpp), the form in which the build hands the built-in packs to
// the library: what is read back is what was written, field for field, and damaged bytes are
// an error rather than a half-read pack.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "embedded_packs.hpp"
#include "hyperscan_set.hpp"
#include "pack_blob.hpp"
#include "replylint/pack.hpp"

using namespace replylint;

TEST_CASE("packs read back from bytes as they were written") {
  auto loaded = load_pack_dir(REPLYLINT_SOURCE_DIR "/rules");
  REQUIRE(loaded);
  const std::string bytes = detail::write_packs(*loaded);
  const std::vector<PackSpec> back = detail::read_packs(bytes);
  REQUIRE(back.size() == loaded->size());
  CHECK(detail::write_packs(back) == bytes);
  // Spot checks of the fields, nested lists and enums included.
  for (std::size_t p = 0; p < back.size(); ++p) {
    CHECK(back[p].id == (*loaded)[p].id);
    CHECK(back[p].lexicon == (*loaded)[p].lexicon);
    CHECK(back[p].classes.size() == (*loaded)[p].classes.size());
    for (std::size_t r = 0; r < back[p].rules.size(); ++r) {
      const RuleSpec &a = back[p].rules[r], &b = (*loaded)[p].rules[r];
      CHECK(a.id == b.id);
      CHECK(a.points == b.points);
      CHECK(a.validate == b.validate);
      CHECK(a.good_examples.size() == b.good_examples.size());
      CHECK(a.bad_examples.back().pos.line == b.bad_examples.back().pos.line);
      for (std::size_t k = 0; k < a.patterns.size(); ++k) {
        CHECK(a.patterns[k].pattern == b.patterns[k].pattern);
        CHECK(a.patterns[k].with == b.patterns[k].with);
        CHECK(a.patterns[k].scope == b.patterns[k].scope);
      }
    }
  }
}

TEST_CASE("damaged pack bytes are refused") {
  auto loaded = load_pack_dir(REPLYLINT_SOURCE_DIR "/rules");
  REQUIRE(loaded);
  const std::string bytes = detail::write_packs(*loaded);
  CHECK_THROWS_AS(detail::read_packs(bytes.substr(0, bytes.size() / 2)), std::runtime_error);
  CHECK_THROWS_AS(detail::read_packs(bytes + "x"), std::runtime_error);
  CHECK_THROWS_AS(detail::read_packs(std::string(12, '\xff')), std::runtime_error);
  const std::string database = "not a real database", second = "nor this";
  detail::CandidateSpec spec{{0x4e2d, 0x102}, {0}, {"\x02"}, {database, second}, 7};
  // read_candidates() views its input's bytes: they must outlive what it returns.
  const std::string written = detail::write_candidates(spec);
  const detail::CandidateSpec back = detail::read_candidates(written);
  CHECK(back.alphabet == spec.alphabet);
  CHECK(back.coded_patterns == spec.coded_patterns);
  REQUIRE(back.hyperscan.size() == 2);
  CHECK(back.hyperscan[0] == database);
  CHECK(back.hyperscan[1] == second);
  CHECK(back.hyperscan_recipe == 7);
  for (std::string_view db : back.hyperscan) {
    CHECK(db.data() >= written.data());
    CHECK(db.data() + db.size() <= written.data() + written.size());
    CHECK((db.data() - written.data()) % detail::HyperscanSet::kImageAlignment == 0);  // images are used in place (pack_blob.hpp)
  }
}

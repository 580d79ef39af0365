// Pack loading: a valid pack loads whole; each file in tests/bad_packs/ is refused with the
// exact error its first line states ("# expect: FILE:LINE:COL: error: ... [rule]"). The
// messages are part of the contract, so they are compared to the letter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "replylint/engine.hpp"

namespace fs = std::filesystem;
using namespace replylint;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Loading and compiling, as `replylint --rules` does: the first error of either.
Error load_error(const std::string& text, const std::string& file) {
  auto pack = load_pack(text, file);
  if (!pack) return pack.error();
  auto engine = Engine::compile({*pack});
  if (!engine) return engine.error();
  return Error{};
}

const fs::path kTests = fs::path(REPLYLINT_SOURCE_DIR) / "tests";

}  // namespace

TEST_CASE("a valid pack loads whole, with positions") {
  auto pack = load_pack(read_file(kTests / "valid_pack.yaml"), "valid_pack.yaml");
  REQUIRE(pack.ok());
  CHECK(pack->id == "demo");
  CHECK(pack->version == 1);
  REQUIRE(pack->rules.size() == 1);
  const RuleSpec& r = pack->rules[0];
  CHECK(r.id == "demo.wechat");
  CHECK(r.points == 6);
  CHECK(r.patterns.at(0).pattern == "加我微信");
  CHECK(r.patterns.at(0).pos.line == 14);
  CHECK(r.unless.at(0).where == ExceptionSpec::Where::kBefore);
  CHECK(r.unless.at(0).window == 8);
  CHECK(r.bad_examples.size() == 3);
  CHECK(r.good_examples.size() == 3);
  CHECK(Engine::compile({*pack}).ok());
}

TEST_CASE("bad packs are refused with file, line, column and rule id") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kTests / "bad_packs")) {
    const std::string text = read_file(entry.path());
    const std::string name = "bad_packs/" + entry.path().filename().string();
    REQUIRE(text.rfind("# expect: ", 0) == 0);
    std::string expected = text.substr(10, text.find('\n') - 10);
    expected.replace(expected.find("FILE"), 4, name);
    INFO(name);
    CHECK(load_error(text, name).to_string() == expected);
    ++files;
  }
  CHECK(files >= 12);
}

TEST_CASE("rule ids are unique across packs") {
  auto a = load_pack(read_file(kTests / "valid_pack.yaml"), "a.yaml");
  REQUIRE(a.ok());
  PackSpec b = *a;
  b.id = "other";
  b.file = "b.yaml";
  auto engine = Engine::compile({*a, b});
  REQUIRE_FALSE(engine.ok());
  CHECK(engine.error().code == ErrorCode::kDuplicateRule);
  CHECK(engine.error().to_string() == "b.yaml:7:5: error: rule id 'demo.wechat' is used twice [demo.wechat]");
}

TEST_CASE("a directory of packs loads in name order; a missing one is an I/O error") {
  auto packs = load_pack_dir(REPLYLINT_SOURCE_DIR "/rules");
  REQUIRE(packs.ok());
  CHECK(packs->size() >= 5);
  auto missing = load_pack_dir("/nonexistent/rules");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::kIo);
  CHECK(missing.error().to_string() == "/nonexistent/rules: error: not a directory");
}

TEST_CASE("the embedded packs are the packs of rules/") {
  auto embedded = embedded_packs();
  auto on_disk = load_pack_dir(REPLYLINT_SOURCE_DIR "/rules");
  REQUIRE(embedded.ok());
  REQUIRE(on_disk.ok());
  REQUIRE(embedded->size() == on_disk->size());
  for (std::size_t i = 0; i < embedded->size(); ++i) {
    CHECK((*embedded)[i].id == (*on_disk)[i].id);
    CHECK((*embedded)[i].rules.size() == (*on_disk)[i].rules.size());
  }
}

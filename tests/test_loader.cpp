// Pack loading: a valid pack loads whole; each file in tests/bad_packs/ is refused with the
// exact error its first line states ("# expect: FILE:LINE:COL: error: ... [rule]"). The
// messages are part of the contract, so they are compared to the letter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "replylint/engine.hpp"
#include "replylint/examples.hpp"
#include "replylint/tools/yaml_mark.hpp"

#include <yaml-cpp/yaml.h>

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

TEST_CASE("an example may carry the buyer's message it answers") {
  auto pack = load_pack(read_file(kTests / "context_pack" / "shop.yaml"), "shop.yaml");
  REQUIRE(pack.ok());
  const RuleSpec& r = pack->rules.at(0);
  CHECK(r.id == "shop.qq-consent");
  CHECK(r.bad_examples.at(0).buyer == "有QQ吗？");
  CHECK(r.bad_examples.at(0).text == "[[有的]]，稍等");
  CHECK(r.good_examples.at(2).buyer.empty());
  auto engine = Engine::compile({*pack});
  REQUIRE(engine.ok());
  const ExampleRun run = run_examples(*engine);
  CHECK(run.failures.empty());
  CHECK(run.passed == 18);
  CHECK(example_as_written(r.bad_examples.at(0)) == "{buyer: \"有QQ吗？\", reply: \"[[有的]]，稍等\"}");
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

namespace {

// A valid one-rule pack whose parts can be swapped out to break one limit at a time.
std::string limit_pack(const std::string& patterns, const std::string& title = "提供微信",
                       const std::string& good = "[请在旺旺留言, 不加微信, 旺旺联系]") {
  return "pack: demo\ntitle: 演示\nversion: 1\nplatform_rules: [演示规则]\nrules:\n"
         "  - id: demo.wechat\n    title: " + title + "\n    points: 6\n    message: m\n    suggestion: s\n"
         "    source: s\n    patterns: " + patterns + "\n    examples:\n"
         "      bad: ['[[加我微信]]吧', '亲[[加我微信]]', '[[加我微信]]哦']\n      good: " + good + "\n";
}

std::string list_of(std::size_t n, const std::string& item) {
  std::string out = "[";
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", " : "") + item;
  return out + "]";
}

}  // namespace

TEST_CASE("limits: a pack, its strings and its lists are bounded, with exact errors") {
  REQUIRE(load_error(limit_pack("['加我微信']"), "p.yaml").code == ErrorCode::kOk);

  const std::string huge(1100000, 'a');
  CHECK(load_error(limit_pack("['加我微信']", "'" + huge + "'"), "p.yaml").to_string() ==
        "p.yaml: error: pack is 1100356 bytes, over the limit of 1048576");

  CHECK(load_error(limit_pack("['" + std::string(5000, 'a') + "']"), "p.yaml").to_string() ==
        "p.yaml:12:16: error: 'a pattern' is 5000 bytes, over the limit of 4096 [demo.wechat]");

  CHECK(load_error(limit_pack(list_of(101, "'加我微信'")), "p.yaml").to_string() ==
        "p.yaml:12:15: error: 'patterns' may list at most 100 entries, found 101 [demo.wechat]");

  CHECK(load_error(limit_pack("['加我微信']", "提供微信", list_of(201, "旺旺")), "p.yaml").to_string() ==
        "p.yaml:15:13: error: 'examples.good' may list at most 200 entries, found 201 [demo.wechat]");

  // 900 KB of file, but an alias repeats one string past the 4 MiB that may be read.
  std::string aliased = limit_pack("['加我微信']", "&t '" + std::string(900000, 'a') + "'",
                                   "[旺旺, 旺旺, 旺旺, *t, *t, *t, *t, *t]");
  const Error e = load_error(aliased, "p.yaml");
  CHECK(e.code == ErrorCode::kSchema);
  CHECK(e.message == "the pack's strings add up to more than 4 MiB (YAML aliases repeat them)");
}

TEST_CASE("limits: deeply nested YAML is an error, not a crash") {
  const std::string deep = "pack: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const Error e = load_error(deep, "deep.yaml");
  CHECK(e.code == ErrorCode::kYamlSyntax);
  CHECK(e.file == "deep.yaml");
}

TEST_CASE("pack errors count columns in characters, after a byte-order mark and with CRLF too") {
  for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
    for (const std::string eol : {"\n", "\r\n"}) {
      const std::string text = bom + "# 发票" + eol + "{pack: 发票, paterns: 1}" + eol;
      auto pack = load_pack(text, "p.yaml");
      REQUIRE_FALSE(pack.ok());
      CHECK(pack.error().line == 2);
      CHECK(pack.error().column == 12);
    }
  }
  auto first_line = load_pack("\xEF\xBB\xBF{pack: 发票, paterns: 1}", "p.yaml");
  REQUIRE_FALSE(first_line.ok());
  CHECK(first_line.error().column == 12);  // the byte-order mark is not a column
}

TEST_CASE("text positions: lines end at LF, columns count characters, invalid bytes one each") {
  using replylint::tools::text_position;
  const auto at = [](std::string_view text, std::size_t offset) {
    const auto p = text_position(text, offset);
    return std::pair{p.line, p.column};
  };
  CHECK(at("ab\n发票x", 0) == std::pair{1, 1});
  CHECK(at("ab\n发票x", 3) == std::pair{2, 1});
  CHECK(at("ab\n发票x", 9) == std::pair{2, 3});
  CHECK(at("ab\n发票x", 100) == std::pair{2, 4});  // clamped to the end
  CHECK(at("\xff\xffx", 2) == std::pair{1, 3});
  CHECK(at("\xEF\xBB\xBFx", 3) == std::pair{1, 1});
  CHECK(at("a\r\nb", 3) == std::pair{2, 1});
  CHECK(replylint::tools::yaml_mark_position("abc", YAML::Mark::null_mark()).line == 0);
}

namespace {

// Every node's position, by yaml_mark_position's shortcut through yaml-cpp's line and column,
// is the one counted from the start of the text.
void same_positions(std::string_view text, const YAML::Node& node, int& nodes) {
  const auto fast = replylint::tools::yaml_mark_position(text, node.Mark());
  const auto slow = replylint::tools::text_position(text, replylint::tools::yaml_mark_offset(text, node.Mark()));
  INFO("node at offset " << node.Mark().pos);
  CHECK(fast.line == slow.line);
  CHECK(fast.column == slow.column);
  ++nodes;
  if (node.IsMap())
    for (const auto& kv : node) {
      same_positions(text, kv.first, nodes);
      same_positions(text, kv.second, nodes);
    }
  if (node.IsSequence())
    for (const auto& item : node) same_positions(text, item, nodes);
}

}  // namespace

TEST_CASE("YAML positions: yaml-cpp's line and column read as characters, checked by counting") {
  for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
    for (const std::string eol : {"\n", "\r\n"}) {
      const std::string text = bom + "标题: 发票" + eol + "规则:" + eol + "  - {编号: 一, 例子: [甲, 'a\rb', 😊]}" + eol +
                               "  - |" + eol + "    多行" + eol + "    文本" + eol + "  - 末尾";
      int nodes = 0;
      same_positions(text, YAML::Load(text), nodes);
      CHECK(nodes == 15);
    }
  }
}

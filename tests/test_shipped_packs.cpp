// The packs built into the library against the evasions and look-alikes in tests/corpus/:
// every evasion is reported by its rule at exactly the marked span, and no compliant reply
// is flagged by any rule. A failure names the line, so a pack change that opens a hole or
// starts nagging is caught here before it reaches an agent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "replylint/engine.hpp"
#include "replylint/examples.hpp"

using namespace replylint;

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(REPLYLINT_SOURCE_DIR) / "tests" / "corpus";

// The lines of a corpus file, skipping blank lines and '#' comments, with their line numbers.
std::vector<std::pair<int, std::string>> corpus_lines(const std::string& name) {
  std::ifstream in(kCorpus / name);
  REQUIRE(in);
  std::vector<std::pair<int, std::string>> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (!line.empty() && line[0] != '#') out.emplace_back(n, line);
  REQUIRE_FALSE(out.empty());
  return out;
}

const Engine& shipped() {
  static const Engine engine = [] {
    auto e = Engine::from_embedded();
    REQUIRE(e.ok());
    return *e;
  }();
  return engine;
}

}  // namespace

TEST_CASE("the shipped packs see through every evasion in tests/corpus/evasions.tsv") {
  for (const auto& [n, line] : corpus_lines("evasions.tsv")) {
    INFO("evasions.tsv:" << n << ": " << line);
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string rule = line.substr(0, tab);
    std::string reply;
    std::size_t start = 0, end = 0;
    REQUIRE(split_marked_example(line.substr(tab + 1), reply, start, end));
    // The rule alone, as `rules test` checks examples: where another rule of its platform rule
    // fires on the same words, the report shows one of them (Engine drops restatements).
    CheckOptions alone;
    alone.only = {rule};
    auto report = shipped().check(reply, alone);
    REQUIRE(report.ok());
    const Violation* found = nullptr;
    for (const Violation& v : report->violations)
      if (v.rule == rule) found = &v;
    REQUIRE(found != nullptr);
    CHECK(found->text == reply.substr(start, end - start));
    CHECK(found->start == start);
  }
}

TEST_CASE("the shipped packs leave every reply in tests/corpus/compliant.txt alone") {
  for (const auto& [n, reply] : corpus_lines("compliant.txt")) {
    auto report = shipped().check(reply);
    REQUIRE(report.ok());
    std::string found;
    for (const Violation& v : report->violations) found += v.rule + " [" + v.text + "] ";
    INFO("compliant.txt:" << n << ": " << reply << " -> " << found);
    CHECK(report->clean());
  }
}

TEST_CASE("replies in tests/corpus/exact.tsv fire exactly the rules listed") {
  for (const auto& [n, line] : corpus_lines("exact.tsv")) {
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    auto report = shipped().check(line.substr(tab + 1));
    REQUIRE(report.ok());
    std::string found;
    for (const Violation& v : report->violations) found += (found.empty() ? "" : ",") + v.rule;
    INFO("exact.tsv:" << n << ": " << line);
    CHECK(found == line.substr(0, tab));
  }
}

#include "generated_corpus.hpp"

#include <fstream>
#include <stdexcept>
#include <random>

#include "embedded_packs.hpp"
#include "example_markers.hpp"

namespace replylint::test {
namespace {

// The replies of tests/corpus/: evasions and look-alikes written against the shipped packs
// (the last tab-separated field of a line, markers removed; '#' lines are comments).
void add_corpus_file(const char* name, std::vector<std::pair<std::string, std::string>>& seeds) {
  std::ifstream in(std::string(REPLYLINT_SOURCE_DIR) + "/tests/corpus/" + name);
  if (!in) throw std::runtime_error(std::string("cannot read tests/corpus/") + name);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.rfind('\t');
    seeds.emplace_back("", detail::strip_example_markers(tab == std::string::npos ? line : line.substr(tab + 1)));
  }
}

}  // namespace

// Replies like the ones agents write, and their disguises: every example of every built-in
// pack and every reply of tests/corpus/, then, from a fixed seed, pieces of two joined,
// separators, full-width and Traditional forms, emoji, digits, invalid bytes and punctuation
// dropped in at random places.
std::vector<std::pair<std::string, std::string>> generated_corpus(std::size_t size) {
  std::vector<std::pair<std::string, std::string>> seeds;  // buyer, reply
  for (const PackSpec& pack : detail::embedded_pack_data().written)
    for (const RuleSpec& rule : pack.rules)
      for (const auto* list : {&rule.bad_examples, &rule.good_examples})
        for (const ExampleSpec& e : *list) seeds.emplace_back(e.buyer, detail::strip_example_markers(e.text));
  for (const char* name : {"evasions.tsv", "compliant.txt", "exact.tsv"}) add_corpus_file(name, seeds);
  static const std::vector<std::string> noise = {"，", "。", " ", ".", "-", "丶", "😊", "\u200b", "？", "！", "\n",
                                                 "Ｖ", "Ｘ", "微", "信", "發", "票", "1", "3", "8", "０", "5",
                                                 "号", "不", "没", "加", "qq", "@", "\xff", "\xe5\xbe", "~", "…"};
  std::vector<std::pair<std::string, std::string>> out = seeds;
  std::mt19937 random(20261130);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  // Cuts on code-point boundaries mostly, and sometimes not (invalid UTF-8 is input too).
  const auto cut = [&](const std::string& s) {
    std::size_t a = pick(s.size() + 1), b = pick(s.size() + 1);
    if (a > b) std::swap(a, b);
    if (pick(4) != 0) {
      while (a > 0 && (static_cast<unsigned char>(s[a]) & 0xC0) == 0x80) --a;
      while (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
    }
    return s.substr(a, b - a);
  };
  while (out.size() < size) {
    const auto& x = seeds[pick(seeds.size())];
    const auto& y = seeds[pick(seeds.size())];
    std::string reply;
    switch (pick(4)) {
      case 0: reply = x.second + noise[pick(noise.size())] + y.second; break;
      case 1: reply = cut(x.second) + cut(y.second); break;
      case 2: reply = x.second; break;
      default: reply = cut(x.second) + noise[pick(noise.size())] + cut(x.second); break;
    }
    for (std::size_t k = pick(4); k > 0; --k) {
      std::size_t at = pick(reply.size() + 1);
      while (at < reply.size() && (static_cast<unsigned char>(reply[at]) & 0xC0) == 0x80) ++at;
      reply.insert(at, noise[pick(noise.size())]);
    }
    out.emplace_back(pick(3) == 0 ? x.first : std::string(), reply);
  }
  return out;
}

}  // namespace replylint::test

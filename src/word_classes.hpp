// Word classes: named lists of words (or small RE2 fragments) that patterns use as {name}
// (rules/README.md, "Word classes"). A lexicon file defines the classes every pack shares; a
// pack may add its own. Expansion happens once, when the engine is built: {invoice} becomes
// (?:发票|普票|…), so matching costs the same as if the words had been written out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/pack.hpp"
#include "replylint/status.hpp"

namespace replylint::detail {

class WordClasses {
 public:
  // The lexicon's classes and, when `pack` is given, the pack's own on top (a pack may not
  // redefine a lexicon class: one word list per meaning). Errors: kSchema for a class used
  // but not defined, a cycle of classes using each other, or a pack redefining a lexicon class;
  // each names the file, line and column of the definition.
  static Result<WordClasses> build(const PackSpec* lexicon, const PackSpec* pack);

  // `pattern` with every {name} replaced by (?:entry|…), recursively. Errors: a message naming
  // the unknown class (the caller adds the pattern's position).
  Result<std::string> expand(std::string_view pattern) const;

  // Whether `name` is defined, and its expansion (for the negation mechanism and `explain`).
  bool has(const std::string& name) const { return expanded_.count(name) != 0; }
  const std::string& get(const std::string& name) const { return expanded_.at(name); }

  // The names of the classes `pattern` uses directly, in order of first use.
  static std::vector<std::string> used(std::string_view pattern);

 private:
  std::map<std::string, std::string> expanded_;
};

}  // namespace replylint::detail

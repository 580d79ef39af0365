// The one negation mechanism every rule shares (rules/README.md, "Negation"). Its words come
// from the lexicon's reserved classes, so a QA lead tunes them in YAML, once, for every rule:
//   negator          不 没 别 无需 不会 不能 绝不 禁止 …: negates what follows in its clause
//   not-negator      words that hold a negator but negate nothing: 不好意思 不客气 没问题 不过…
//   double-negation  不能不 不得不 不会不 …: a positive (must), so it does not excuse
//   rhetorical       怎么会 哪能 难道 …: a rhetorical question, which negates like 不
//   scope-break      但是 不过 可是 只能 …: a negator before it does not reach past it
//   negated-after    是不行的 是不允许的 …: right after the match, negates it (加微信是不行的)
//   question         吗$ 是否 能否 …: the clause asks rather than states
//   warning          不受平台保护 谨防诈骗 陌生人 违规 …: the sentence warns or quotes the rule
// Thread safety: immutable after build(); any number of threads may call its const members.
#pragma once

#include <memory>
#include <string_view>

#include "replylint/status.hpp"
#include "word_classes.hpp"

namespace re2 {
class RE2;
}

namespace replylint::detail {

class Negation {
 public:
  // The lexicon must define every class above. Errors: kSchema naming the missing class.
  static Result<std::shared_ptr<const Negation>> build(const WordClasses& lexicon, const std::string& lexicon_file);

  // Whether the part of a match that starts after `before` (the text of its clause up to the
  // part, normalized) and is followed by `after` (the rest of the clause) is negated.
  bool negated(std::string_view before, std::string_view after) const;
  // Whether `clause` (normalized; `marked` when the original ends it with a question mark)
  // is a question.
  bool question(std::string_view clause, bool marked) const;
  // Whether `sentence` warns against what it mentions or quotes the platform rule.
  bool warning(std::string_view sentence) const;

  ~Negation();

 private:
  Negation();
  std::unique_ptr<re2::RE2> scan_, after_, question_, warning_;
};

}  // namespace replylint::detail

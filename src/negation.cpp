#include "negation.hpp"

#include <re2/re2.h>

#include "replylint/tools/utf8.hpp"

namespace replylint::detail {
namespace {

// How far back from a match a negator still governs it, in characters. A clause rarely puts
// more between a negator and its verb (我们绝对不会在您付款后再额外收取).
constexpr int kWindow = 12;

RE2::Options options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  return o;
}

std::size_t back_chars(std::string_view s, int chars) {
  std::size_t pos = s.size();
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && continuation_byte(s[pos])) --pos;
    --chars;
  }
  return pos;
}

}  // namespace

Negation::Negation() = default;
Negation::~Negation() = default;

Result<std::shared_ptr<const Negation>> Negation::build(const WordClasses& lexicon, const std::string& file) {
  for (const char* name : {"negator", "not-negator", "double-negation", "rhetorical", "scope-break", "negated-after",
                           "question", "warning"})
    if (!lexicon.has(name))
      return Error{ErrorCode::kSchema,
                   std::string("the lexicon must define the word class '") + name +
                       "', which the shared negation mechanism uses (rules/README.md, \"Negation\")",
                   file, 0, 0, ""};
  std::shared_ptr<Negation> n(new Negation());
  // One scan of the window from left to right; at each position the alternatives are tried in
  // this order, so 不能不 is read as a double negation, not as 不能 then 不, and 不好意思 as
  // no negator at all. The last thing found decides.
  n->scan_ = std::make_unique<RE2>("(" + lexicon.get("double-negation") + ")|(" + lexicon.get("scope-break") + ")|(" +
                                       lexicon.get("not-negator") + ")|(" + lexicon.get("negator") + "|" +
                                       lexicon.get("rhetorical") + ")",
                                   options());
  n->after_ = std::make_unique<RE2>("^(?:" + lexicon.get("negated-after") + ")", options());
  n->question_ = std::make_unique<RE2>(lexicon.get("question"), options());
  n->warning_ = std::make_unique<RE2>(lexicon.get("warning"), options());
  for (const auto* re : {n->scan_.get(), n->after_.get(), n->question_.get(), n->warning_.get()})
    if (!re->ok())
      return Error{ErrorCode::kBadPattern, "the negation classes do not compile: " + re->error(), file, 0, 0, ""};
  return std::shared_ptr<const Negation>(std::move(n));
}

bool Negation::negated(std::string_view before, std::string_view after) const {
  if (RE2::PartialMatch(after, *after_)) return true;
  re2::StringPiece window = before.substr(back_chars(before, kWindow));
  enum { kNothing, kDouble, kBreak, kWord, kNegator } last = kNothing;
  re2::StringPiece g[5];
  std::size_t pos = 0;
  while (pos < window.size() && scan_->Match(window, pos, window.size(), RE2::UNANCHORED, g, 5)) {
    for (int k = 1; k <= 4; ++k)
      if (g[k].data()) last = static_cast<decltype(last)>(k);
    if (last == kBreak) last = kNothing;  // a negator before a break does not reach past it
    if (last == kWord) last = kNothing;   // 不好意思: no negator
    const std::size_t end = static_cast<std::size_t>(g[0].data() + g[0].size() - window.data());
    pos = end > pos ? end : pos + 1;
  }
  return last == kNegator;
}

bool Negation::question(std::string_view clause, bool marked) const {
  return marked || RE2::PartialMatch(clause, *question_);
}

bool Negation::warning(std::string_view sentence) const { return RE2::PartialMatch(sentence, *warning_); }

}  // namespace replylint::detail

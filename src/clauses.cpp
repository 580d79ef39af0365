#include "clauses.hpp"

#include <algorithm>

#include "replylint/tools/utf8.hpp"

namespace replylint::detail {
namespace {

enum Break { kNone = 0, kClause = 1, kSentence = 2 };

// What the original bytes between two normalized characters end. Only punctuation that
// separates clauses counts: not 、 (it lists: 不要通过微信、支付宝转账 is one clause), not ：
// (it joins a name to its value: 微信：abc123), and not '.', a decimal point, an abbreviation or
// a disguise (微.信) too often; an ellipsis of three or more dots ends a sentence. A tilde
// softens rather than ends (可以的~只不过…): it ends a clause only.
int gap_break(std::string_view gap, bool& question) {
  int result = kNone;
  int dots = 0;
  for (std::size_t i = 0; i < gap.size();) {
    const char32_t c = next_char(gap, i);
    dots = c == U'.' ? dots + 1 : 0;
    switch (c) {
      case U'？': case U'?': case U'﹖':
        question = true;
        [[fallthrough]];
      case U'。': case U'！': case U'!': case U'；': case U';': case U'…': case U'\n':
      case U'\r': case U'．': case U'｡': case U'﹗': case U'﹔':
        result = kSentence;
        break;
      case U'，': case U',': case U'﹐': case U'~': case U'～':
        result = std::max(result, int{kClause});
        break;
      default:
        if (dots >= 3) result = kSentence;
    }
  }
  return result;
}

}  // namespace

const Unit& Clauses::holding(const std::vector<Unit>& units, std::size_t at) {
  // Few units per reply: a linear scan is as fast as a search.
  for (const Unit& u : units)
    if (at < u.end) return u;
  return units.back();
}

void split_clauses(std::string_view original, const Normalized& n, Clauses& out) {
  out.clauses.clear();
  out.sentences.clear();
  const FoldedChar* chars = n.chars();
  std::size_t byte = 0;              // normalized offset of character k
  std::size_t clause_begin = 0, sentence_begin = 0;
  std::size_t clause_chars = 0;      // characters in the clause so far
  int pending = kNone;               // the strongest break met since the last closed clause
  bool question = false;
  for (std::size_t k = 0; k < n.size(); ++k) {
    if (k > 0 && chars[k].from > chars[k - 1].to) {
      bool q = false;
      const int b = gap_break(original.substr(chars[k - 1].to, chars[k].from - chars[k - 1].to), q);
      if (b != kNone) {
        pending = std::max(pending, b);
        question |= q;
        if (clause_chars >= 2) {
          out.clauses.push_back({clause_begin, byte, question});
          if (pending == kSentence) {
            out.sentences.push_back({sentence_begin, byte, question});
            sentence_begin = byte;
          }
          clause_begin = byte;
          clause_chars = 0;
          pending = kNone;
          question = false;
        }
      }
    }
    byte += static_cast<std::size_t>(utf8_length(chars[k].cp));
    ++clause_chars;
  }
  // The end: a question mark after the last character makes the last clause a question.
  if (n.size() > 0) {
    bool q = false;
    gap_break(original.substr(chars[n.size() - 1].to), q);
    question |= q;
  }
  out.clauses.push_back({clause_begin, n.text.size(), question});
  out.sentences.push_back({sentence_begin, n.text.size(), question});
}

}  // namespace replylint::detail

// Clauses and sentences of a reply, in normalized text. Normalization drops punctuation, so
// the boundaries are read from the ORIGINAL text between two normalized characters: a clause
// ends at ， , ~ ～ and a sentence (and its clause) at 。 ！ ! ？ ? ； ; … and line breaks.
// 、 lists and ： introduces, so neither ends a clause; a tilde softens more than it ends.
// A boundary that would leave a clause of one character is dropped, so that punctuation used
// to disguise a word (微，信) or a one-word address (亲，可以的) ends nothing. White space and
// emoji never end anything (加 V 信, 1 3 8).
//
// Computed only for replies in which some rule is being confirmed; never on the hot path.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "normalizer.hpp"

namespace replylint::detail {

// A stretch of normalized text [begin, end), in bytes.
struct Unit {
  std::size_t begin, end;
  bool question;  // it ends with ？ or ? in the original text
};

struct Clauses {
  std::vector<Unit> clauses;    // cover the normalized text, in order
  std::vector<Unit> sentences;  // likewise; every sentence is a run of whole clauses

  // The unit of `units` that holds normalized byte `at` (the last one for at == text size).
  static const Unit& holding(const std::vector<Unit>& units, std::size_t at);
};

// Fills `out` for `n`, the normalized form of `original`.
void split_clauses(std::string_view original, const Normalized& n, Clauses& out);

}  // namespace replylint::detail

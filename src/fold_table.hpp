// How each code point reads in normalized text, built once per process from ICU data.
//
// The fold is NFKC case folding, then Traditional->Simplified, then dropping whatever is a
// separator (white space, punctuation, symbols, marks, controls, format characters). Running
// ICU per message costs ~100x more than a table lookup (../shared/DESIGN.md), so the Basic
// Multilingual Plane is tabulated at first use and only the rare supplementary code points
// (emoji, CJK extensions) take ICU's path per occurrence.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace replylint::detail {

class FoldTable {
 public:
  // The process-wide table; built on first call (thread-safe), never destroyed.
  static const FoldTable& instance();

  // Appends the folded code points of `cp` to `out` (nothing for a separator). Returns the
  // first code point of the fold before separators were dropped, so that callers can tell
  // which separator it was ('.' and '*' matter in numbers and masks), or 0 for none.
  char32_t fold(char32_t cp, std::u32string& out) const;

 private:
  FoldTable();
  std::u32string fold_slow(char32_t cp, char32_t& raw_first) const;

  // BMP entry: kSkip | raw cp for separators; kMulti | index into multi_ for folds longer
  // than one code point; otherwise the single folded code point.
  static constexpr std::uint32_t kSkip = 1u << 31;
  static constexpr std::uint32_t kMulti = 1u << 30;
  std::vector<std::uint32_t> bmp_;
  std::vector<std::u32string> multi_;
  std::unordered_map<char32_t, std::u32string> trad_to_simp_;
};

// The digit a Chinese or financial numeral stands for inside a number run, or -1.
int numeral_digit(char32_t folded_cp);

}  // namespace replylint::detail

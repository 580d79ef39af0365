// The only place that asks ICU how characters fold; see fold_table_icu.hpp for when.
#include "fold_table_icu.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>
#include <vector>

namespace replylint::detail {
namespace {

const icu::Normalizer2* nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// What does not carry meaning for the rules and is used to break words up.
bool is_separator(char32_t cp) {
  // CJK strokes written as dots and bars between characters (微丶信, 138丨1234): letters to
  // Unicode, separators in chat. Only the stroke radicals that are not words on their own.
  if (cp == U'\u4E36' || cp == U'\u4E28' || cp == U'\u4E3F') return true;  // 丶 丨 丿
  switch (u_charType(cp)) {
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_PRIVATE_USE_CHAR: case U_SURROGATE:
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK:
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
      return true;
    case U_OTHER_PUNCTUATION:
      return cp != U'%' && cp != U'@';  // they carry meaning: 加3%, e-mail addresses
    default:
      return false;  // letters, digits, currency signs, unassigned
  }
}

// Dingbat digits have no NFKC decomposition but read as digits: ❶ ➀ ➊.
bool dingbat_digit(char32_t cp, std::u32string& out) {
  for (char32_t base : {U'\u2776', U'\u2780', U'\u278A'}) {
    if (cp >= base && cp < base + 10) {
      const int n = static_cast<int>(cp - base) + 1;
      out = n == 10 ? U"10" : std::u32string(1, U'0' + n);
      return true;
    }
  }
  return false;
}

std::u32string to_u32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

// Traditional->Simplified for every code point ICU's transliterator changes, read off one
// transliteration of all of them (newline-separated) instead of one call per character.
std::unordered_map<char32_t, std::u32string> build_trad_to_simp() {
  std::unordered_map<char32_t, std::u32string> map;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) return map;
  icu::UnicodeSet source;
  t->getSourceSet(source);
  std::vector<char32_t> cps;
  icu::UnicodeString all;
  for (int32_t r = 0; r < source.getRangeCount(); ++r) {
    for (UChar32 c = source.getRangeStart(r); c <= source.getRangeEnd(r); ++c) {
      if (u_charType(c) != U_OTHER_LETTER) continue;  // Han only; skip ASCII context chars
      cps.push_back(static_cast<char32_t>(c));
      all.append(c).append(static_cast<UChar>(u'\n'));
    }
  }
  t->transliterate(all);
  std::u32string out = to_u32(all);
  std::size_t i = 0;
  for (char32_t cp : cps) {
    std::u32string simp;
    while (i < out.size() && out[i] != U'\n') simp.push_back(out[i++]);
    ++i;  // the newline
    if (simp != std::u32string(1, cp) && !simp.empty()) map.emplace(cp, std::move(simp));
  }
  return map;
}

}  // namespace

struct IcuFold::Impl {
  std::unordered_map<char32_t, std::u32string> trad_to_simp = build_trad_to_simp();
  const icu::Normalizer2* nfkc = nfkc_casefold();
};

IcuFold::IcuFold() : impl_(new Impl) {}
IcuFold::~IcuFold() { delete impl_; }

std::u32string IcuFold::fold(char32_t cp, char32_t& raw_first) const {
  std::u32string folded;
  if (!dingbat_digit(cp, folded)) {
    folded = std::u32string(1, cp);
    if (impl_->nfkc && u_hasBinaryProperty(cp, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED)) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString n = impl_->nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_SUCCESS(status)) folded = to_u32(n);
    }
  }
  std::u32string simplified;
  for (char32_t c : folded) {
    auto it = impl_->trad_to_simp.find(c);
    simplified += it == impl_->trad_to_simp.end() ? std::u32string(1, c) : it->second;
  }
  raw_first = simplified.empty() ? 0 : simplified[0];
  std::u32string out;
  for (char32_t c : simplified)
    if (!is_separator(c)) out.push_back(c);
  return out;
}

}  // namespace replylint::detail

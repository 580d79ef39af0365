// The only place that asks ICU how characters fold; see fold_table.hpp for why a table.
#include "fold_table.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <memory>

namespace replylint::detail {
namespace {

const icu::Normalizer2* nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// What does not carry meaning for the rules and is used to break words up.
bool is_separator(char32_t cp) {
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

const FoldTable& FoldTable::instance() {
  static const FoldTable* table = new FoldTable();  // never destroyed: threads may outlive main
  return *table;
}

FoldTable::FoldTable() : trad_to_simp_(build_trad_to_simp()) {
  bmp_.resize(0x10000);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    char32_t raw_first = 0;
    const std::u32string f = fold_slow(cp, raw_first);
    if (f.empty()) {
      bmp_[cp] = kSkip | raw_first;
    } else if (f.size() == 1) {
      bmp_[cp] = f[0];
    } else {
      bmp_[cp] = kMulti | static_cast<std::uint32_t>(multi_.size());
      multi_.push_back(f);
    }
  }
}

std::u32string FoldTable::fold_slow(char32_t cp, char32_t& raw_first) const {
  std::u32string folded;
  if (!dingbat_digit(cp, folded)) {
    folded = std::u32string(1, cp);
    static const icu::Normalizer2* nfkc = nfkc_casefold();
    if (nfkc && u_hasBinaryProperty(cp, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED)) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString n = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_SUCCESS(status)) folded = to_u32(n);
    }
  }
  std::u32string simplified;
  for (char32_t c : folded) {
    auto it = trad_to_simp_.find(c);
    simplified += it == trad_to_simp_.end() ? std::u32string(1, c) : it->second;
  }
  raw_first = simplified.empty() ? 0 : simplified[0];
  std::u32string out;
  for (char32_t c : simplified)
    if (!is_separator(c)) out.push_back(c);
  return out;
}

char32_t FoldTable::fold(char32_t cp, std::u32string& out) const {
  if (cp < 0x10000) {
    const std::uint32_t e = bmp_[cp];
    if (e & kSkip) return e & ~kSkip;
    if (e & kMulti) {
      const std::u32string& m = multi_[e & ~kMulti];
      out += m;
      return m[0];
    }
    out.push_back(e);
    return e;
  }
  char32_t raw_first = 0;
  out += fold_slow(cp, raw_first);
  return raw_first;
}

int numeral_digit(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': case U'壹': case U'幺': return 1;
    case U'二': case U'贰': case U'两': return 2;
    case U'三': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return (cp >= U'0' && cp <= U'9') ? static_cast<int>(cp - U'0') : -1;
  }
}

}  // namespace replylint::detail

#include "normalizer.hpp"

#include <unicode/utf8.h>

#include "fold_table.hpp"

namespace replylint::detail {
namespace {

using Item = NormalizerScratch::Item;

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A '.' between digits is a decimal point (19.9, 0.5%) only when the number has that one point
// and at most two decimals; 138.1234.5678 is a phone number broken up by dots.
void keep_decimal_points(std::vector<Item>& items) {
  const std::size_t n = items.size();
  for (std::size_t i = 0; i < n;) {
    if (!(is_ascii_digit(items[i].cp) && !items[i].separator)) { ++i; continue; }
    // A dotted number: digits ('.' digits)*, nothing between them.
    std::size_t j = i, dots = 0, dot_at = 0, last_group = 0;
    while (true) {
      std::size_t k = j;
      while (k < n && !items[k].separator && is_ascii_digit(items[k].cp)) ++k;
      last_group = k - j;
      if (k + 1 < n && items[k].separator && items[k].cp == U'.' && !items[k + 1].separator &&
          is_ascii_digit(items[k + 1].cp)) {
        ++dots;
        dot_at = k;
        j = k + 1;
        continue;
      }
      j = k;
      break;
    }
    if (dots == 1 && last_group <= 2) items[dot_at].separator = false;
    i = j;
  }
}

// Two or more '*' in a row are a mask (138****5678), which must stay visible to the rules.
void keep_masks(std::vector<Item>& items) {
  const std::size_t n = items.size();
  for (std::size_t i = 0; i < n;) {
    if (!(items[i].separator && items[i].cp == U'*')) { ++i; continue; }
    std::size_t j = i;
    while (j < n && items[j].separator && items[j].cp == U'*') ++j;
    if (j - i >= 2)
      for (std::size_t k = i; k < j; ++k) items[k].separator = false;
    i = j;
  }
}

// Chinese numerals read as digits inside runs of four or more digits and numerals (separators
// between them ignored): 一三八… is a phone number, 一定 and 三天 are words.
void read_numeral_runs(std::vector<Item>& items) {
  constexpr std::size_t kMinRun = 4;
  const std::size_t n = items.size();
  for (std::size_t i = 0; i < n;) {
    if (items[i].separator || numeral_digit(items[i].cp) < 0) { ++i; continue; }
    std::size_t j = i, length = 0;
    while (j < n && (items[j].separator || numeral_digit(items[j].cp) >= 0)) {
      if (!items[j].separator) ++length;
      ++j;
    }
    if (length >= kMinRun)
      for (std::size_t k = i; k < j; ++k)
        if (!items[k].separator) items[k].cp = U'0' + numeral_digit(items[k].cp);
    i = j;
  }
}

void append_utf8(const Item& item, Normalized& out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(item.cp), error);
  if (error) return;
  out.text.append(buf, static_cast<std::size_t>(len));
  out.from.insert(out.from.end(), static_cast<std::size_t>(len), item.from);
  out.to.insert(out.to.end(), static_cast<std::size_t>(len), item.to);
}

}  // namespace

void normalize(std::string_view in, Normalized& out, NormalizerScratch& scratch) {
  const FoldTable& table = FoldTable::instance();
  out.text.clear();
  out.from.clear();
  out.to.clear();
  out.invalid_utf8 = false;
  std::vector<Item>& items = scratch.items;
  items.clear();

  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto length = static_cast<int32_t>(in.size());
  for (int32_t i = 0; i < length;) {
    const auto start = static_cast<std::uint32_t>(i);
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const auto end = static_cast<std::uint32_t>(i);
    if (c < 0) {
      out.invalid_utf8 = true;
      continue;
    }
    scratch.fold.clear();
    const char32_t raw = table.fold(static_cast<char32_t>(c), scratch.fold);
    if (scratch.fold.empty()) {
      items.push_back({raw, start, end, true});
    } else {
      for (char32_t f : scratch.fold) items.push_back({f, start, end, false});
    }
  }

  keep_decimal_points(items);
  keep_masks(items);
  read_numeral_runs(items);
  for (const Item& item : items)
    if (!item.separator) append_utf8(item, out);
}

std::uint32_t char_offset(std::string_view original, std::uint32_t byte_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(byte_offset, original.size()));
  std::uint32_t chars = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    chars += c < 0 ? static_cast<std::uint32_t>(i - start) : 1;
  }
  return chars;
}

}  // namespace replylint::detail

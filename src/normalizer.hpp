// Folds a reply into the text that rule patterns are written against (rules/README.md) and
// keeps, for every byte of it, the range of the ORIGINAL bytes it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace replylint::detail {

struct Normalized {
  std::string text;                 // folded UTF-8, always valid
  std::vector<std::uint32_t> from;  // per byte of text: original offset where its character starts
  std::vector<std::uint32_t> to;    // per byte of text: original offset where its character ends
  bool invalid_utf8 = false;

  // The original byte range of text[begin, end); begin < end <= text.size().
  std::uint32_t original_start(std::size_t begin) const { return from[begin]; }
  std::uint32_t original_end(std::size_t end) const { return to[end - 1]; }
};

// Per-thread working memory, reused so that steady-state checks do not allocate.
struct NormalizerScratch {
  struct Item {
    char32_t cp;       // folded code point
    std::uint32_t from, to;
    bool separator;    // dropped unless a context rule keeps it ('.' in 19.9, '*' in masks)
  };
  std::vector<Item> items;
  std::u32string fold;
};

// Fills `out` (its old contents are replaced, its capacity reused). `in` may be any bytes:
// ill-formed UTF-8 is dropped like a separator and sets out.invalid_utf8.
// Precondition: in.size() < 2^32.
void normalize(std::string_view in, Normalized& out, NormalizerScratch& scratch);

// Code points in original[0, byte_offset), counting each byte of ill-formed UTF-8 as one.
std::uint32_t char_offset(std::string_view original, std::uint32_t byte_offset);

}  // namespace replylint::detail

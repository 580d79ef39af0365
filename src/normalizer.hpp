// Folds a reply into the text that rule patterns are written against (rules/README.md) and
// keeps, for every character of it, the range of the ORIGINAL bytes it came from.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "replylint/tools/utf8.hpp"

namespace replylint::detail {

// The original byte range [from, to) one folded character came from. Several folded
// characters may share one range (⑩ reads 10).
struct OriginalRange {
  std::uint32_t from, to;
};

// One character of normalized text: the code point and where it came from.
struct FoldedChar {
  char32_t cp;
  std::uint32_t from, to;
};

// A growable array that never initializes what it does not write, so that reusing it for
// each reply costs nothing; contents are kept when it grows.
template <typename T>
class ScratchArray {
 public:
  ScratchArray() = default;
  ScratchArray(const ScratchArray& o) { copy_from(o); }
  ScratchArray& operator=(const ScratchArray& o) {
    if (this != &o) copy_from(o);
    return *this;
  }
  ScratchArray(ScratchArray&&) noexcept = default;
  ScratchArray& operator=(ScratchArray&&) noexcept = default;

  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  std::size_t capacity() const { return capacity_; }
  // Makes room for `n` elements, keeping the first `keep`.
  void reserve(std::size_t n, std::size_t keep) {
    if (n <= capacity_) return;
    const std::size_t grown = std::max(n, capacity_ + capacity_ / 2);
    std::unique_ptr<T[]> fresh(new T[grown]);
    if (keep) std::memcpy(fresh.get(), data_.get(), keep * sizeof(T));
    data_ = std::move(fresh);
    capacity_ = grown;
  }

 private:
  void copy_from(const ScratchArray& o) {
    data_.reset(o.capacity_ ? new T[o.capacity_] : nullptr);
    capacity_ = o.capacity_;
    if (capacity_) std::memcpy(data_.get(), o.data_.get(), capacity_ * sizeof(T));
  }
  std::unique_ptr<T[]> data_;
  std::size_t capacity_ = 0;
};

struct NormalizerScratch;

struct Normalized {
  std::string text;  // folded UTF-8, always valid
  bool invalid_utf8 = false;
  // The text it was made from, as passed to normalize(): a view, valid while the caller keeps
  // that text, which it does for as long as it matches. Clause boundaries are read from it.
  std::string_view original;

  // The original byte range of text[begin, end); begin < end <= text.size(). O(begin) and
  // O(end): they count characters, which is cheap next to the rare violation they serve.
  std::uint32_t original_start(std::size_t begin) const { return chars_.data()[char_index(begin)].from; }
  std::uint32_t original_end(std::size_t end) const { return chars_.data()[char_index(end - 1)].to; }

  // Per character of text (not per byte): the code point and where it came from.
  std::size_t size() const { return size_; }
  const FoldedChar* chars() const { return chars_.data(); }

 private:
  friend void normalize(std::string_view, Normalized&, NormalizerScratch&);
  // The character that byte `b` of text belongs to.
  std::size_t char_index(std::size_t b) const {
    std::size_t lead = 0;
    for (std::size_t i = 0; i <= b; ++i) lead += !continuation_byte(text[i]);
    return lead - 1;
  }
  ScratchArray<FoldedChar> chars_;
  std::size_t size_ = 0;
};

// Per-thread working memory, reused so that steady-state checks do not allocate.
struct NormalizerScratch {
  ScratchArray<char> text;
};

// Fills `out` (its old contents are replaced, its memory reused). `in` may be any bytes:
// ill-formed UTF-8 is skipped (it neither shows nor separates) and sets out.invalid_utf8.
// Precondition: in.size() < 2^32.
void normalize(std::string_view in, Normalized& out, NormalizerScratch& scratch);

// Code points in original[0, byte_offset), counting each byte of ill-formed UTF-8 as one.
std::uint32_t char_offset(std::string_view original, std::uint32_t byte_offset);

}  // namespace replylint::detail

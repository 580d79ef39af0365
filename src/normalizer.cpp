// One pass over the reply: decode, look up the fold table, write the folded text and the
// original range of each folded character. The context rules of rules/README.md (a decimal
// point kept in 19.9, a mask kept in 138****5678, Chinese numerals read as digits in runs of
// four or more) are decided as the pass goes: the few characters whose fate depends on what
// follows are held back or fixed up in place when it is known, so that the common character,
// a letter with nothing pending, costs a lookup and a write.
//
// The rules, in terms of the items the fold makes (a folded character, or a dropped separator;
// ill-formed UTF-8 makes no item):
//   decimal point  a '.' separator in a chain digits ('.' digits)* of adjacent items is kept
//                  when the chain has that one point and at most two digits after it;
//   mask           two or more adjacent '*' separators are kept;
//   numeral run    items from a numeral up to the next kept item that is not a numeral,
//                  separators in between ignored; with four or more numerals, each reads as
//                  its ASCII digit.
// tests/test_normalizer.cpp checks this pass against a straightforward implementation of the
// three rules, one after the other, on random and adversarial text.
#include "normalizer.hpp"

#include "fold_table.hpp"
#include "replylint/tools/utf8.hpp"

namespace replylint::detail {
namespace {

using fold::kind;


// The state of one pass. Text and ranges are written through raw pointers into memory sized
// for the worst case of the input (at most 4 bytes and 1 character per input code point; the
// rare folds into several code points make room for themselves).
class Pass {
 public:
  Pass(char* text, FoldedChar* ranges) : text_(text), ranges_(ranges) {}
  // After the memory moved (it grew).
  void rebase(char* text, FoldedChar* ranges) {
    text_ = text;
    ranges_ = ranges;
  }

  char* text() { return text_; }
  FoldedChar* ranges() { return ranges_; }

  std::size_t bytes = 0;  // written to text
  std::size_t chars = 0;  // written to ranges

  // Nothing pending: a letter can be written straight away, a separator dropped.
  bool idle() const { return (chain_ | star_ | run_) == 0; }

  void emit(char32_t c, int len, OriginalRange r) {
    put_utf8(text_ + bytes, c, len);
    bytes += static_cast<std::size_t>(len);
    ranges_[chars++] = {c, r.from, r.to};
  }

  // A kept folded character: a numeral (digit >= 0; ascii when it is '0'..'9') or a letter.
  void keep(char32_t c, int len, int digit, bool ascii, OriginalRange r) {
    if (ascii) {
      digit_in_chain();
    } else if (chain_) {
      end_chain();
    }
    star_ = kNoStar;
    if (digit >= 0) {
      if (!run_) {
        run_ = 1;
        run_count_ = 0;
        run_cjk_ = false;
        run_byte_ = bytes;
        run_char_ = chars;
      }
      ++run_count_;
      run_cjk_ |= !ascii;
    } else if (run_) {
      close_run();
    }
    emit(c, len, r);
  }

  // A dropped separator: 0 other, 1 '.', 2 '*'.
  void separator(std::uint32_t which, OriginalRange r) {
    if (which == fold::kSepDot) {
      dot_in_chain(r);
    } else if (chain_) {
      end_chain();
    }
    if (which == fold::kSepStar) {
      star(r);
    } else {
      star_ = kNoStar;  // a lone '*' stays a separator
    }
  }

  void finish() {
    if (chain_) end_chain();
    star_ = kNoStar;
    if (run_) close_run();
  }

 private:
  enum : std::uint8_t { kNoChain = 0, kGroup, kAfterDot };
  enum : std::uint8_t { kNoStar = 0, kOneStar, kMask };
  struct Dot {
    OriginalRange range;
    std::size_t byte, chr;     // where it would go in text and ranges
    std::uint32_t run_count;  // numerals of the current run before it
    bool run_cjk;
  };

  void digit_in_chain() {
    if (chain_ == kAfterDot) {
      if (++dots_ == 1) first_dot_ = pending_dot_;
      group_ = 0;
      chain_ = kGroup;
    } else if (chain_ == kNoChain) {
      chain_ = kGroup;
      dots_ = 0;
      group_ = 0;
    }
    ++group_;
  }

  void dot_in_chain(OriginalRange r) {
    if (chain_ == kGroup) {
      chain_ = kAfterDot;
      pending_dot_ = {r, bytes, chars, run_count_, run_cjk_};
    } else if (chain_ == kAfterDot) {
      end_chain();  // the previous '.' was not followed by a digit; this one follows no digit
    }
  }

  // The chain is over: keep its point if it has exactly one and at most two digits after it.
  void end_chain() {
    if (dots_ == 1 && group_ <= 2) insert_dot(first_dot_);
    chain_ = kNoChain;
  }

  // Puts the kept '.' back where it was dropped. Behind it in text are only the digits after
  // it (at most two, ASCII); the numeral run it splits is closed before it and goes on after it
  // with those digits.
  void insert_dot(const Dot& d) {
    const std::size_t tail = bytes - d.byte;
    std::size_t end = d.byte;
    if (d.run_count >= 4 && d.run_cjk) end = compact(run_byte_, d.byte, run_char_, d.chr);
    std::memmove(text_ + end + 1, text_ + d.byte, tail);
    text_[end] = '.';
    bytes = end + 1 + tail;
    std::memmove(ranges_ + d.chr + 1, ranges_ + d.chr, (chars - d.chr) * sizeof(FoldedChar));
    ranges_[d.chr] = {U'.', d.range.from, d.range.to};
    ++chars;
    run_byte_ = end + 1;
    run_char_ = d.chr + 1;
    run_count_ -= d.run_count;
    run_cjk_ = false;
  }

  void star(OriginalRange r) {
    if (star_ == kNoStar) {
      star_ = kOneStar;
      star_range_ = r;
      return;
    }
    if (star_ == kOneStar) {
      if (run_) close_run();  // a kept '*' ends a numeral run
      emit(U'*', 1, star_range_);
      star_ = kMask;
    }
    emit(U'*', 1, r);
  }

  void close_run() {
    if (run_count_ >= 4 && run_cjk_) bytes = compact(run_byte_, bytes, run_char_, chars);
    run_ = 0;
  }

  // Rewrites the numerals in text[from, to), characters [first, last), as ASCII digits;
  // returns the new end. They are numerals only: ASCII digits and BMP Chinese numerals (3
  // bytes).
  std::size_t compact(std::size_t from, std::size_t to, std::size_t first, std::size_t last) {
    for (std::size_t k = first; k < last; ++k) ranges_[k].cp = static_cast<char32_t>(U'0' + numeral_digit(ranges_[k].cp));
    std::size_t w = from;
    const std::string_view run(text_, to);
    for (std::size_t i = from; i < to;) {
      const char32_t c = next_char(run, i);
      text_[w++] = static_cast<char>(c < 0x80 ? c : U'0' + numeral_digit(c));
    }
    return w;
  }

  char* text_;
  FoldedChar* ranges_;

  std::uint8_t chain_ = kNoChain, star_ = kNoStar, run_ = 0;
  // numeral run
  bool run_cjk_ = false;
  std::uint32_t run_count_ = 0;
  std::size_t run_byte_ = 0, run_char_ = 0;
  // decimal chain
  int dots_ = 0;
  std::uint32_t group_ = 0;
  Dot pending_dot_{}, first_dot_{};
  // mask
  OriginalRange star_range_{};
};

}  // namespace

namespace {

// Everything but the common case: numerals, '.', '*', folds into several code points, and
// any character while a decision is pending. Kept out of line so that the loop stays small.
[[gnu::noinline]] void slow_item(Pass& pass, std::uint32_t e, char32_t cp, OriginalRange r, std::size_t rest,
                                 ScratchArray<FoldedChar>& ranges, ScratchArray<char>& text) {
  switch (kind(e)) {
    case fold::kKeep:
      pass.keep(fold::folded(cp, e), fold::utf8_length(e), fold::digit(e), (e & fold::kAsciiDigit) != 0, r);
      break;
    case fold::kSeparator:
      pass.separator(e & 3, r);
      break;
    default: {
      const char32_t* m = kFoldMulti + (e & ((1u << fold::kKindShift) - 1));
      const std::size_t count = m[0];
      // Room for these code points and for the rest of the input at its worst.
      text.reserve(pass.bytes + 4 * (count + rest) + 8, pass.bytes);
      ranges.reserve(pass.chars + count + rest + 2, pass.chars);
      pass.rebase(text.data(), ranges.data());
      for (std::size_t k = 1; k <= count; ++k) {
        const char32_t c = m[k];
        pass.keep(c, utf8_length(c), numeral_digit(c), c >= U'0' && c <= U'9', r);
      }
    }
  }
}

}  // namespace

void normalize(std::string_view in, Normalized& out, NormalizerScratch& scratch) {
  const std::size_t n = in.size();
  scratch.text.reserve(4 * n + 8, 0);
  out.chars_.reserve(n + 2, 0);
  Pass pass(scratch.text.data(), out.chars_.data());
  bool invalid = false;

  // The hot state lives in locals; `pass` holds it while slow_item() runs.
  char* text = scratch.text.data();
  FoldedChar* ranges = out.chars_.data();
  std::size_t bytes = 0, chars = 0;
  bool idle = true;

  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t i = 0;
  while (i < n) {
    char32_t cp;
    std::uint32_t word;  // the sequence's bytes, little-endian
    const std::uint32_t len = decode_utf8(s + i, n - i, cp, word);
    if (len == 0) goto invalid;
    {
      const OriginalRange r{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)};
      i += len;
      if (idle && fold_plain(cp)) {  // the common case: a character that reads as itself
        std::memcpy(text + bytes, &word, 4);
        bytes += len;
        ranges[chars++] = {cp, r.from, r.to};
        continue;
      }
      const std::uint32_t e = fold_entry(cp);
      if ((e & fold::kSimple) && idle) {
        // A letter is written, a separator is not: kKeep is 0 and kSeparator 1.
        const std::uint32_t keep = (e >> fold::kKindShift) ^ 1;
        std::uint32_t advance = len;
        const char32_t c = fold::folded(cp, e);
        if ((e & fold::kDeltaMask) == 0) {
          std::memcpy(text + bytes, &word, 4);  // unchanged: the input bytes (little-endian)
        } else {
          advance = static_cast<std::uint32_t>(fold::utf8_length(e));
          put_utf8(text + bytes, c, static_cast<int>(advance));
        }
        bytes += advance & (0u - keep);
        ranges[chars] = {c, r.from, r.to};
        chars += keep;
        continue;
      }
      pass.bytes = bytes;
      pass.chars = chars;
      slow_item(pass, e, cp, r, n - i, out.chars_, scratch.text);
      bytes = pass.bytes;
      chars = pass.chars;
      text = pass.text();
      ranges = pass.ranges();
      idle = pass.idle();
      continue;
    }
  invalid:
    invalid = true;
    ++i;
  }
  pass.bytes = bytes;
  pass.chars = chars;
  pass.finish();
  out.text.assign(pass.text(), pass.bytes);
  out.size_ = pass.chars;
  out.invalid_utf8 = invalid;
  out.original = in;
}

std::uint32_t char_offset(std::string_view original, std::uint32_t byte_offset) {
  // Every byte that does not start a well-formed sequence counts one, as the normalizer reads
  // it; a well-formed sequence counts one. A sequence cut by byte_offset is not well-formed.
  const auto* s = reinterpret_cast<const unsigned char*>(original.data());
  const std::size_t length = std::min<std::size_t>(byte_offset, original.size());
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < length; ++chars) {
    char32_t cp;
    const std::uint32_t len = decode_utf8(s + i, length - i, cp);
    i += len == 0 ? 1 : len;
  }
  return chars;
}

}  // namespace replylint::detail

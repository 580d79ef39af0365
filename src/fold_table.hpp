// How each code point reads in normalized text: a table generated at build time from ICU.
//
// The fold is NFKC case folding, then Traditional->Simplified, then dropping whatever is a
// separator (white space, punctuation, symbols, marks, controls, format characters); the
// definition is IcuFold (fold_table_icu.hpp). fold_table_gen asks ICU once per code point, all
// 1,114,112 of them, and writes a two-stage table (about 0.25 MB, read-only, shared by every
// thread and process) so that a reply costs one lookup per character: no ICU call per message,
// no table to build at start-up, and supplementary code points (emoji, CJK extensions) as
// cheap as any other. tests/test_normalizer.cpp checks the table against ICU for every code
// point.
#pragma once

#include <cstdint>
#include <string>

namespace replylint::detail {

// One code point's entry. The kind is in bits 30..31:
//   kKeep       one code point: bits 0..20 hold (folded - cp) mod 2^21, so that identity blocks
//               are shared; bits 21..24 the numeral digit + 1 (0: not a numeral, see
//               numeral_digit); bit 25 set when the folded code point is an ASCII digit;
//               bits 26..27 the UTF-8 length of the folded code point minus 1.
//   kSeparator  dropped: bits 0..1 say which separator it was (0 other, 1 '.', 2 '*'), because
//               '.' in 19.9 and '*' in 138****5678 are kept in context.
//   kMulti      several code points: bits 0..29 index kFoldMulti, which holds the count and
//               then the code points.
// Bit 28 (kSimple) marks the entries whose fate never depends on their neighbours: a kept
// code point that is not a numeral, and a separator other than '.' and '*'. A separator's
// bits 0..20 read as delta 0 (kSepOther), so the normalizer can treat both alike.
namespace fold {
constexpr std::uint32_t kKindShift = 30;
constexpr std::uint32_t kKeep = 0, kSeparator = 1, kMulti = 2;
constexpr std::uint32_t kDeltaMask = (1u << 21) - 1;
constexpr std::uint32_t kDigitShift = 21;
constexpr std::uint32_t kAsciiDigit = 1u << 25;
constexpr std::uint32_t kLengthShift = 26;
constexpr std::uint32_t kSimple = 1u << 28;
constexpr std::uint32_t kSepOther = 0, kSepDot = 1, kSepStar = 2;
constexpr int kBlockBits = 7;
constexpr char32_t kCodePoints = 0x110000;

inline std::uint32_t kind(std::uint32_t e) { return e >> kKindShift; }
inline char32_t folded(char32_t cp, std::uint32_t e) { return (cp + e) & kDeltaMask; }
inline int digit(std::uint32_t e) { return static_cast<int>((e >> kDigitShift) & 15) - 1; }
inline int utf8_length(std::uint32_t e) { return static_cast<int>((e >> kLengthShift) & 3) + 1; }
}  // namespace fold

// The generated table (fold_table_data.cpp in the build tree).
extern const std::uint16_t kFoldStage1[fold::kCodePoints >> fold::kBlockBits];
extern const std::uint32_t kFoldStage2[];
extern const char32_t kFoldMulti[];
// One bit per BMP code point: set when it reads as itself and is a simple entry (kKeep,
// kSimple, delta 0), the common case of Chinese text. 8 KB, so it stays in the L1 cache where
// the 0.2 MB of entries cannot.
extern const std::uint64_t kFoldPlain[0x10000 / 64];

inline bool fold_plain(char32_t cp) { return cp < 0x10000 && ((kFoldPlain[cp >> 6] >> (cp & 63)) & 1); }

// The entry of `cp`. Precondition: cp < 0x110000.
inline std::uint32_t fold_entry(char32_t cp) {
  constexpr char32_t kLow = (1u << fold::kBlockBits) - 1;
  return kFoldStage2[(static_cast<std::uint32_t>(kFoldStage1[cp >> fold::kBlockBits]) << fold::kBlockBits) | (cp & kLow)];
}

// Appends the folded code points of `cp` to `out` (nothing for a separator). Returns the first
// code point of the fold before separators were dropped as far as normalization cares: the
// folded code point, or for a separator '.', '*' or another non-zero code point. For tests
// and reference paths; the normalizer reads entries directly.
char32_t fold_code_point(char32_t cp, std::u32string& out);

// The digit a Chinese or financial numeral (or an ASCII digit) stands for inside a number run,
// or -1.
constexpr int numeral_digit(char32_t cp) {
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

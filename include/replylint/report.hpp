// replylint/report.hpp: what Engine::check() found in one reply.
//
// Offsets index the ORIGINAL reply passed to check(), end exclusive, in three units:
//   start/end             bytes of the UTF-8 reply: C, C++, Go, Rust, Python bytes
//   char_start/char_end   Unicode code points: Python str, Swift unicodeScalars
//   utf16_start/utf16_end UTF-16 code units: JavaScript, Java, C#, Windows WCHAR strings
//                         (a character above U+FFFF, an emoji, counts as two)
// An invalid UTF-8 byte counts as one unit in all three. original.substr(start, end - start)
// == text, always; in JavaScript, reply.slice(utf16_start, utf16_end) is the same span.
//
// Ownership: plain values that own their strings; a Report does not refer to the engine or to
// the reply it came from. Thread safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace replylint {

struct Violation {
  std::string rule;  // "off-platform.wechat"
  std::string pack;  // "off-platform"
  std::string title;
  int points = 0;  // the rule's points, or CheckOptions::points' override for this call
  // The platform rule this violation breaks ("<pack>.<name>", rules/README.md). One incident of
  // a platform rule costs its points once: of the violations sharing it in a reply, the one
  // with the most points (the first of equals) is `counted` into Report::points, the others
  // are shown with counted == false.
  std::string platform_rule;
  bool counted = true;
  std::uint32_t start = 0, end = 0;            // bytes in the original reply
  std::uint32_t char_start = 0, char_end = 0;  // code points in the original reply
  std::uint32_t utf16_start = 0, utf16_end = 0;  // UTF-16 code units in the original reply
  std::string text;                            // the original bytes of the span (may hold invalid UTF-8)
  std::string message;
  std::string suggestion;
};

struct Report {
  std::vector<Violation> violations;  // at most one per rule, ordered by start, then rule id
  int points = 0;                     // sum of the counted violations' points (after per-call overrides)
  bool invalid_utf8 = false;          // the reply had bytes that are not UTF-8; they were skipped
  bool clean() const { return violations.empty(); }
};

}  // namespace replylint

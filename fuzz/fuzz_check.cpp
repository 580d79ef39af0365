// libFuzzer target: Engine::check() and check_with_buyer() on arbitrary bytes, with the
// shipped packs.
// Invariants: never crashes; every span lies inside the input, start < end, both on
// code-point boundaries of the original bytes, and slicing the input with it gives the
// reported text; char offsets agree with byte offsets; the counted points add up; the built-in
// candidate stage (Hyperscan, when the build has it) reports exactly what the RE2::Set path of
// `--rules DIR` reports on the same packs, with and without a buyer's message; mask() keeps the
// character count and leaves no run of five digits.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "replylint/engine.hpp"
#include "replylint/mask.hpp"

namespace {

const replylint::Engine& engine() {
  static const replylint::Engine e = [] {
    auto r = replylint::Engine::from_embedded();
    if (!r) std::abort();
    return *r;
  }();
  return e;
}

const replylint::Engine& re2_path() {
  static const replylint::Engine e = [] {
    auto packs = replylint::embedded_packs();
    if (!packs) std::abort();
    auto r = replylint::Engine::compile(*packs);
    if (!r) std::abort();
    return *r;
  }();
  return e;
}

bool same(const replylint::Report& a, const replylint::Report& b) {
  if (a.points != b.points || a.invalid_utf8 != b.invalid_utf8 || a.violations.size() != b.violations.size()) return false;
  for (std::size_t i = 0; i < a.violations.size(); ++i) {
    const replylint::Violation &x = a.violations[i], &y = b.violations[i];
    if (x.rule != y.rule || x.start != y.start || x.end != y.end || x.points != y.points || x.counted != y.counted ||
        x.utf16_start != y.utf16_start || x.utf16_end != y.utf16_end)
      return false;
  }
  return true;
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Where a code point of well-formed UTF-8 could start: not inside a multi-byte sequence.
bool boundary(std::string_view s, std::size_t i) {
  if (i == 0 || i == s.size()) return true;
  if (!continuation(static_cast<unsigned char>(s[i]))) return true;
  // A continuation byte is a boundary only when it is stray (ill-formed input).
  std::size_t lead = i;
  int back = 0;
  while (lead > 0 && continuation(static_cast<unsigned char>(s[lead])) && back < 3) { --lead; ++back; }
  const auto c = static_cast<unsigned char>(s[lead]);
  const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
  return static_cast<int>(i - lead) >= len;
}

// Code points as the library counts them: each byte of ill-formed UTF-8 counts as one.
std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (boundary(s, i)) ++n;
  return n;
}

// The span invariants of one report on `text`.
void verify(std::string_view text, const replylint::Report& report) {
  int points = 0;
  for (const replylint::Violation& v : report.violations) {
    if (!(v.start < v.end && v.end <= text.size())) std::abort();
    if (!boundary(text, v.start) || !boundary(text, v.end)) std::abort();
    if (text.substr(v.start, v.end - v.start) != v.text) std::abort();
    if (v.char_end - v.char_start != count_chars(v.text) && !report.invalid_utf8) std::abort();
    if (v.counted) points += v.points;  // one incident of a platform rule counts once
  }
  if (points != report.points) std::abort();
}

}  // namespace

// Both engines are built here, before the first input: libFuzzer's -timeout counts only the
// calls to LLVMFuzzerTestOneInput, and the RE2 path's build (which checks every compliant
// example of the packs) takes longer than one unit's timeout under the sanitizers.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  re2_path();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto report = engine().check(text);
  if (!report) return 0;  // too long: a defined error
  verify(text, *report);
  auto other = re2_path().check(text);
  if (!other || !same(*report, *other)) std::abort();
  // The same bytes as the buyer's message and as its answer, before and after the first line
  // break: the buyer's side is read by other patterns.
  const std::size_t cut = text.find('\n');
  const std::string_view buyer = text.substr(0, cut), reply = cut == text.npos ? text : text.substr(cut + 1);
  auto answered = engine().check_with_buyer(buyer, reply);
  auto answered_re2 = re2_path().check_with_buyer(buyer, reply);
  if (static_cast<bool>(answered) != static_cast<bool>(answered_re2)) std::abort();
  if (answered) {
    verify(reply, *answered);
    if (!same(*answered, *answered_re2)) std::abort();
  }
  // mask(): one character for one, and no five ASCII digits in a row survive (adjacent digits
  // always read as one run, so at most the 3 + 4 kept ends of a long one show).
  auto masked = replylint::mask(text);
  if (!masked) std::abort();
  if (!report->invalid_utf8 && count_chars(*masked) != count_chars(text)) std::abort();
  int digits = 0;
  for (const char c : *masked)
    if ((digits = c >= '0' && c <= '9' ? digits + 1 : 0) >= 5) std::abort();
  return 0;
}

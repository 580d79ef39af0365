// Masking reads the reply through the normalizer, the engine's own eyes: what it hides is
// decided on the folded characters, and each folded character knows the original bytes it came
// from. So there is no second list of digit forms to keep in step with the fold table.
#include "replylint/mask.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <new>
#include <vector>

#include "normalizer.hpp"

namespace replylint {
namespace {

using detail::FoldedChar;
using detail::OriginalRange;

bool ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool ascii_alnum(char32_t c) { return ascii_digit(c) || (c >= U'a' && c <= U'z'); }

constexpr std::size_t kMinRun = 5;      // digits: shorter runs are prices, quantities, dates
constexpr std::size_t kKeepEndsFrom = 11;  // a phone number or longer: keep 3 + 4 to stay readable
constexpr std::size_t kKeepHead = 3, kKeepTail = 4;

// Digit runs of the folded text: the original ranges of the digits to hide.
void hide_digit_runs(const FoldedChar* c, std::size_t n, std::vector<OriginalRange>& hide) {
  for (std::size_t i = 0; i < n;) {
    if (!ascii_digit(c[i].cp)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && ascii_digit(c[j].cp)) ++j;
    const std::size_t len = j - i;
    if (len >= kMinRun) {
      const bool keep_ends = len >= kKeepEndsFrom;
      for (std::size_t d = 0; d < len; ++d)
        if (!keep_ends || (d >= kKeepHead && d + kKeepTail < len)) hide.push_back({c[i + d].from, c[i + d].to});
    }
    i = j;
  }
}

// E-mail local parts: from the first to the last letter or digit before '@', separators
// between them included (zhang.san).
void hide_email_locals(const FoldedChar* c, std::size_t n, std::vector<OriginalRange>& hide) {
  for (std::size_t at = 0; at < n; ++at) {
    if (c[at].cp != U'@') continue;
    std::size_t b = at;
    while (b > 0 && ascii_alnum(c[b - 1].cp)) --b;
    std::size_t e = at + 1;
    while (e < n && ascii_alnum(c[e].cp)) ++e;
    if (b == at || e - at - 1 < 2) continue;
    hide.push_back({c[b].from, c[at - 1].to});
  }
}

}  // namespace

Result<std::string> mask(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max())
    return Error{ErrorCode::kTooLong, "text is " + std::to_string(text.size()) + " bytes, 4 GiB or more"};
  try {
    detail::Normalized normalized;
    detail::NormalizerScratch scratch;
    detail::normalize(text, normalized, scratch);

    std::vector<OriginalRange> hide;
    hide_digit_runs(normalized.chars(), normalized.size(), hide);
    hide_email_locals(normalized.chars(), normalized.size(), hide);
    std::sort(hide.begin(), hide.end(), [](OriginalRange a, OriginalRange b) { return a.from < b.from; });

    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;  // text[0, copied) is written
    for (const OriginalRange& r : hide) {
      if (r.to <= copied) continue;  // inside a range already hidden (⑩ reads two digits)
      const std::size_t from = std::max<std::size_t>(r.from, copied);
      out.append(text.substr(copied, from - copied));
      out.append(detail::char_offset(text.substr(from), static_cast<std::uint32_t>(r.to - from)), '*');
      copied = r.to;
    }
    out.append(text.substr(copied));
    return out;
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while masking a text"};
  }
}

}  // namespace replylint

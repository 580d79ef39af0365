#include "mask.hpp"

#include <vector>

#include "utf8.hpp"

namespace replylint::cli::lint {
namespace {

bool digit(char32_t c) {
  if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) return true;
  if ((c >= 0x2460 && c <= 0x2468) || c == 0x24EA || (c >= 0x2776 && c <= 0x277E) || (c >= 0x2780 && c <= 0x2788)) return true;
  switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
    case U'八': case U'九': case U'壹': case U'贰': case U'叁': case U'肆': case U'伍': case U'陆': case U'柒':
    case U'捌': case U'玖': case U'幺': case U'两':
      return true;
    default:
      return false;
  }
}

bool separator(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '-': case '.': case '_': case '/': case 0xB7: case 0x3000: case 0x2014: case 0x2013:
    case 0xFF0D: case 0xFF0E: case 0x30FB: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return true;
    default:
      return false;
  }
}

bool email_local(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}

bool domain_char(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

}  // namespace

std::string mask_sensitive(std::string_view text) {
  std::vector<char32_t> cps;
  std::vector<bool> hide;
  cps.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 0;
    cps.push_back(decode_utf8(text, i, &n));
    i += n;
  }
  hide.assign(cps.size(), false);

  // E-mail local parts.
  for (std::size_t at = 0; at < cps.size(); ++at) {
    if (cps[at] != '@' && cps[at] != 0xFF20) continue;
    std::size_t b = at;
    while (b > 0 && email_local(cps[b - 1])) --b;
    std::size_t e = at + 1, dot = 0;
    while (e < cps.size() && domain_char(cps[e])) {
      if (cps[e] == '.') dot = e;
      ++e;
    }
    if (b == at || dot == 0 || dot + 2 > e) continue;
    for (std::size_t k = b; k < at; ++k) hide[k] = true;
  }

  // Digit runs.
  for (std::size_t i = 0; i < cps.size();) {
    if (!digit(cps[i])) {
      ++i;
      continue;
    }
    std::vector<std::size_t> digits{i};
    std::size_t j = i + 1;
    for (;;) {
      std::size_t k = j, seps = 0;
      while (k < cps.size() && separator(cps[k]) && seps < 2) ++k, ++seps;
      if (k < cps.size() && digit(cps[k])) {
        digits.push_back(k);
        j = k + 1;
      } else {
        break;
      }
    }
    if (digits.size() >= 5) {
      const bool keep_ends = digits.size() >= 11;
      for (std::size_t d = 0; d < digits.size(); ++d)
        if (!keep_ends || (d >= 3 && d + 4 < digits.size())) hide[digits[d]] = true;
    }
    i = j;
  }

  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < cps.size(); ++k) {
    if (hide[k]) out += '*';
    else append_utf8(out, cps[k]);
  }
  return out;
}

}  // namespace replylint::cli::lint

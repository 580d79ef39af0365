#include "dead_literals.hpp"

#include "fold_table.hpp"
#include "replylint/tools/utf8.hpp"

namespace replylint::detail {
namespace {

// Whether `cp` can stand in normalized text as itself. '.' and '*' stay in context (19.9,
// 138****5678).
bool survives(char32_t cp, bool ignore_case) {
  if (cp == U'.' || cp == U'*') return true;
  if (ignore_case && cp < 0x80) return true;
  if (cp >= fold::kCodePoints) return false;
  const std::uint32_t e = fold_entry(cp);
  return fold::kind(e) == fold::kKeep && fold::folded(cp, e) == cp;
}

void skip_to(std::string_view s, std::size_t& i, char end) {
  while (i < s.size() && s[i] != end) ++i;
  if (i < s.size()) ++i;
}

}  // namespace

std::optional<char32_t> dead_literal(std::string_view p) {
  const bool ignore_case = p.find("(?i") != std::string_view::npos;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '[') {  // a class: its members are alternatives, each may be dead on its own
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') {
        if (p[i] == '\\') i += 2;
        else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') { i += 2; skip_to(p, i, ']'); }
        else ++i;
      }
      ++i;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char e = p[i + 1];
      const bool word = (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9');
      if (!word) {  // an escaped literal: \. \* \$ \（
        i += 1;
        const char32_t lit = next_char(p, i);
        if (!survives(lit, ignore_case)) return lit;
        continue;
      }
      i += 2;
      if ((e == 'p' || e == 'P' || e == 'x') && i < p.size() && p[i] == '{') skip_to(p, i, '}');
      else if (e == 'x') i += 2;
      else if (e == 'Q') return std::nullopt;  // \Q…\E quoting: not worth a parser here
      continue;
    }
    if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {  // (?: (?P<name> (?i) (?i:
      i += 2;
      while (i < p.size() && p[i] != ':' && p[i] != ')' && p[i] != '>') ++i;
      ++i;
      continue;
    }
    if (c == '{') { skip_to(p, i, '}'); continue; }
    if (c == '.' || c == '^' || c == '$' || c == '|' || c == '*' || c == '+' || c == '?' || c == '(' || c == ')') {
      ++i;
      continue;
    }
    const char32_t lit = next_char(p, i);
    if (!survives(lit, ignore_case)) return lit;
  }
  return std::nullopt;
}

}  // namespace replylint::detail

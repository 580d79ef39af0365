#include "glob.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "utf8.hpp"

namespace replylint::lint {

namespace {

// One unit of a pattern or a name: a code point, or a byte that is not UTF-8 (as 0x110000 +
// the byte, so that it equals only itself).
char32_t unit_at(std::string_view s, std::size_t i, std::size_t* length) {
  if (utf8_length(s, i) == 0) {
    *length = 1;
    return 0x110000 + static_cast<unsigned char>(s[i]);
  }
  return decode_utf8(s, i, length);
}

// A compiled pattern is a list of tokens, matched by simulating the automaton over the name
// (the set of tokens reached so far), so a name costs O(pattern x name) whatever the stars:
// backtracking made `*a*a*a*a*a*a*b` exponential.
struct Token {
  // kFork reads nothing: it begins `**/`, which matches nothing at all or anything up to a '/'.
  enum Kind : std::uint8_t { kUnit, kAny, kClass, kStar, kStarStar, kFork } kind;
  explicit Token(Kind k) : kind(k) {}
  char32_t unit = 0;                          // kUnit
  bool negated = false;                       // kClass
  std::vector<std::pair<char32_t, char32_t>> ranges;  // kClass

  bool matches(char32_t c) const {
    switch (kind) {
      case kUnit: return c == unit;
      case kAny: case kStar: return c != U'/';
      case kStarStar: return true;
      case kFork: return false;
      case kClass: {
        if (c == U'/') return false;
        bool hit = false;
        for (const auto& [lo, hi] : ranges) hit |= c >= lo && c <= hi;
        return hit != negated;
      }
    }
    return false;
  }
  bool star() const { return kind == kStar || kind == kStarStar; }
};

std::vector<Token> compile(std::string_view p) {
  std::vector<Token> tokens;
  for (std::size_t pi = 0; pi < p.size();) {
    const char c = p[pi];
    if (c == '*') {
      if (pi + 1 < p.size() && p[pi + 1] == '*') {
        // `**/` is fork, `**`, '/': the fork skips both (zero folders).
        if (pi + 2 < p.size() && p[pi + 2] == '/') tokens.push_back(Token(Token::kFork));
        tokens.push_back(Token(Token::kStarStar));
        pi += 2;
        continue;
      }
      tokens.push_back(Token(Token::kStar));
      ++pi;
      continue;
    }
    if (c == '?') {
      tokens.push_back(Token(Token::kAny));
      ++pi;
      continue;
    }
    if (c == '[') {
      // The first member may be ']' itself, so the closing ']' is looked for after it.
      const std::size_t close = p.find(']', pi + 2);
      if (close != std::string_view::npos) {
        Token t(Token::kClass);
        std::size_t k = pi + 1;
        if (p[k] == '!' || p[k] == '^') {
          t.negated = true;
          ++k;
        }
        while (k < close) {
          std::size_t n = 0, m = 0;
          const char32_t lo = unit_at(p, k, &n);
          if (k + n + 1 < close && p[k + n] == '-') {
            const char32_t hi = unit_at(p, k + n + 1, &m);
            t.ranges.emplace_back(lo, hi);
            k += n + 1 + m;
          } else {
            t.ranges.emplace_back(lo, lo);
            k += n;
          }
        }
        tokens.push_back(std::move(t));
        pi = close + 1;
        continue;
      }
    }
    if (c == '\\' && pi + 1 < p.size()) ++pi;
    std::size_t n = 0;
    Token t(Token::kUnit);
    t.unit = unit_at(p, pi, &n);
    tokens.push_back(std::move(t));
    pi += n;
  }
  return tokens;
}

// Adds what is reachable without reading a character: past a star, which may match nothing,
// and from a fork past its `**/`. Every such step goes forward, so one pass is enough.
void close_over_stars(const std::vector<Token>& tokens, std::vector<char>& reached) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!reached[i]) continue;
    if (tokens[i].star()) reached[i + 1] = 1;
    if (tokens[i].kind == Token::kFork) reached[i + 1] = reached[i + 3] = 1;
  }
}

}  // namespace

bool glob_match(std::string_view p, std::string_view t) {
  const std::vector<Token> tokens = compile(p);
  std::vector<char> reached(tokens.size() + 1, 0), next(tokens.size() + 1, 0);
  reached[0] = 1;
  close_over_stars(tokens, reached);
  for (std::size_t ti = 0; ti < t.size();) {
    std::size_t n = 0;
    const char32_t c = unit_at(t, ti, &n);
    ti += n;
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!reached[i] || !tokens[i].matches(c)) continue;
      next[tokens[i].star() ? i : i + 1] = 1;
      any = true;
    }
    if (!any) return false;
    reached.swap(next);
    close_over_stars(tokens, reached);
  }
  return reached[tokens.size()] != 0;
}

void ExcludeList::add(std::string_view raw) {
  std::size_t b = 0, e = raw.size();
  while (b < e && raw[b] == ' ') ++b;
  while (e > b && raw[e - 1] == ' ') --e;
  std::string_view s = raw.substr(b, e - b);
  if (s.empty() || s[0] == '#') return;
  Pattern p;
  if (s[0] == '!') {
    p.negate = true;
    s.remove_prefix(1);
  }
  if (!s.empty() && s.back() == '/') {
    p.dir_only = true;
    s.remove_suffix(1);
  }
  if (!s.empty() && s[0] == '/') {
    p.anchored = true;
    s.remove_prefix(1);
  }
  if (s.find('/') != std::string_view::npos) p.anchored = true;
  if (s.empty()) return;
  p.glob = std::string(s);
  patterns_.push_back(std::move(p));
}

int ExcludeList::verdict(std::string_view path, bool is_dir) const {
  int v = 0;
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const Pattern& p : patterns_) {
    if (p.dir_only && !is_dir) continue;
    if (glob_match(p.glob, p.anchored ? path : name)) v = p.negate ? -1 : 1;
  }
  return v;
}

bool ExcludeList::excluded(std::string_view rel, bool is_dir) const {
  if (patterns_.empty()) return false;
  for (std::size_t k = rel.find('/'); k != std::string_view::npos; k = rel.find('/', k + 1))
    if (verdict(rel.substr(0, k), true) == 1) return true;
  return verdict(rel, is_dir) == 1;
}

}  // namespace replylint::lint

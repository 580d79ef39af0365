#include "glob.hpp"

#include "utf8.hpp"

namespace replylint::cli::lint {

bool glob_match(std::string_view p, std::string_view t) {
  std::size_t pi = 0, ti = 0;
  while (pi < p.size()) {
    const char c = p[pi];
    if (c == '*') {
      if (pi + 1 < p.size() && p[pi + 1] == '*') {
        std::size_t rest = pi + 2;
        if (rest < p.size() && p[rest] == '/') {
          // `**/`: zero or more folders.
          const std::string_view tail = p.substr(rest + 1);
          if (glob_match(tail, t.substr(ti))) return true;
          for (std::size_t k = ti; k < t.size(); ++k)
            if (t[k] == '/' && glob_match(tail, t.substr(k + 1))) return true;
          return false;
        }
        for (std::size_t k = ti; k <= t.size(); ++k)
          if (glob_match(p.substr(rest), t.substr(k))) return true;
        return false;
      }
      for (std::size_t k = ti; k <= t.size(); ++k) {
        if (glob_match(p.substr(pi + 1), t.substr(k))) return true;
        if (k < t.size() && t[k] == '/') break;
      }
      return false;
    }
    if (ti >= t.size()) return false;
    if (c == '?') {
      if (t[ti] == '/') return false;
      std::size_t n = utf8_length(t, ti);
      ti += n == 0 ? 1 : n;
      ++pi;
      continue;
    }
    if (c == '[') {
      const std::size_t close = p.find(']', pi + 2);
      if (close != std::string_view::npos) {
        bool neg = p[pi + 1] == '!' || p[pi + 1] == '^';
        bool hit = false;
        for (std::size_t k = pi + 1 + (neg ? 1 : 0); k < close; ++k) {
          if (k + 2 < close && p[k + 1] == '-') {
            if (t[ti] >= p[k] && t[ti] <= p[k + 2]) hit = true;
            k += 2;
          } else if (p[k] == t[ti]) {
            hit = true;
          }
        }
        if (hit == neg || t[ti] == '/') return false;
        ++ti;
        pi = close + 1;
        continue;
      }
    }
    if (c == '\\' && pi + 1 < p.size()) ++pi;
    if (p[pi] != t[ti]) return false;
    ++pi;
    ++ti;
  }
  return ti == t.size();
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

}  // namespace replylint::cli::lint

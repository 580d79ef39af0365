// Reading RE2 syntax only as far as the matcher and the candidate stage need: which characters
// of a pattern are syntax rather than literals, and a pattern's anchors taken out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace replylint::detail {

// Calls visit(i) for each character of `p` that is syntax rather than a literal: everything
// outside escapes, \Q...\E and bracket expressions. Stops when visit returns false.
template <typename Visit>
void scan_syntax(std::string_view p, Visit visit) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') {
        const std::size_t e = p.find("\\E", i + 2);
        if (e == std::string_view::npos) return;
        i = e + 1;
      } else if (i + 2 < p.size() && (p[i + 1] == 'p' || p[i + 1] == 'P' || p[i + 1] == 'x') && p[i + 2] == '{') {
        // \p{^Han}, \x{5c}: the braces are the escape's, and ^ there means "not", no anchor.
        const std::size_t e = p.find('}', i + 3);
        if (e == std::string_view::npos) return;
        i = e;
      } else {
        ++i;
      }
    } else if (c == '[') {
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a leading ']' is a member
      for (; j < p.size() && p[j] != ']'; ++j) {
        if (p[j] == '\\') {
          ++j;
        } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
          const std::size_t e = p.find(":]", j + 2);
          if (e != std::string_view::npos) j = e + 1;
        }
      }
      i = j;
    } else if (!visit(i)) {
      return;
    }
  }
}

// `p` with its anchors ^ and $ removed, a pattern that matches wherever `p` matches (an anchor
// only restricts). For the candidate stages: the Set reading a whole reply for a pattern whose
// ^ and $ mean the edges of a clause or sentence, and Hyperscan, which refuses anchors inside
// a group or alternation.
std::string without_anchors(std::string_view p);

}  // namespace replylint::detail

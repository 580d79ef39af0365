#include "regex_syntax.hpp"

#include <vector>

namespace replylint::detail {

std::string without_anchors(std::string_view p) {
  std::string out(p);
  std::vector<std::size_t> anchors;
  scan_syntax(p, [&](std::size_t i) {
    if (p[i] == '^' || p[i] == '$') anchors.push_back(i);
    return true;
  });
  for (auto it = anchors.rbegin(); it != anchors.rend(); ++it) out.erase(*it, 1);
  return out;
}

}  // namespace replylint::detail

// A pack's bad examples mark the span a rule must report as [[span]] (rules/README.md). The
// reply an example stands for is its text with the markers taken out: what the example runner
// checks, what the compressed alphabet learns its character frequencies from, and what the
// candidate-stage test builds its corpus from. One definition, so that the three agree.
#pragma once

#include <string>
#include <string_view>

namespace replylint::detail {

// `marked` without any "[[" or "]]" (a good example has none; a bad one has one pair).
inline std::string strip_example_markers(std::string_view marked) {
  std::string reply;
  reply.reserve(marked.size());
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (i + 1 < marked.size() && marked[i] == marked[i + 1] && (marked[i] == '[' || marked[i] == ']')) {
      ++i;
      continue;
    }
    reply += marked[i];
  }
  return reply;
}

}  // namespace replylint::detail

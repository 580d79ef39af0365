// Where each character of a YAML scalar's value stands in the file. yaml-cpp gives a scalar's
// value and where it starts, not where each character came from; this re-reads the scalar's
// source (plain, 'single', "double" with escapes, | literal and > folded block scalars, with
// YAML's line folding and chomping) and maps every byte of the value to its source.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "source.hpp"

namespace replylint::lint {

// The reply for the scalar whose source starts at file offset `start` (its first character,
// quote or block indicator), when re-reading it gives exactly `value` (as yaml-cpp read it);
// std::nullopt otherwise, so that the caller can fall back to the scalar's start.
std::optional<Reply> map_yaml_scalar(std::string_view file, std::size_t start, std::string_view value);

}  // namespace replylint::lint

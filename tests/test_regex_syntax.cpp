// Reading RE2 syntax for the candidate stages (src/regex_syntax.hpp): anchors are taken out,
// and nothing that only looks like one.
#include <catch2/catch.hpp>

#include "regex_syntax.hpp"

using replylint::detail::without_anchors;

TEST_CASE("without_anchors takes out ^ and $ and nothing else") {
  CHECK(without_anchors("^微信$") == "微信");
  CHECK(without_anchors("(?:^|[^不没])加(?:$|[^了])") == "(?:|[^不没])加(?:|[^了])");
  // ^ that negates a class or a property, and characters in escapes, are not anchors.
  CHECK(without_anchors("[^^$]x") == "[^^$]x");
  CHECK(without_anchors("a\\p{^Han}$") == "a\\p{^Han}");
  CHECK(without_anchors("\\P{^Han}\\x{5e}\\$\\^") == "\\P{^Han}\\x{5e}\\$\\^");
  CHECK(without_anchors("\\Q^$\\E^") == "\\Q^$\\E");
}

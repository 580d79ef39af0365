#include "replylint/tools/yaml_mark.hpp"

#include <algorithm>
#include <cstdint>

#include "normalizer.hpp"

namespace replylint::tools {
namespace {

using detail::char_offset;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::size_t bom_length(std::string_view text) { return text.substr(0, kBom.size()) == kBom ? kBom.size() : 0; }

}  // namespace

std::size_t yaml_mark_offset(std::string_view text, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0) return 0;
  return std::min(text.size(), bom_length(text) + static_cast<std::size_t>(mark.pos));
}

TextPosition text_position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t newline = before.rfind('\n');
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t from = newline == std::string_view::npos ? std::min(bom_length(text), offset) : newline + 1;
  // char_offset is the engine's count of characters: one per well-formed sequence, one per
  // invalid byte.
  const std::uint32_t column = char_offset(text.substr(from), static_cast<std::uint32_t>(offset - from));
  return {line, static_cast<int>(column) + 1};
}

TextPosition yaml_mark_position(std::string_view text, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0) return {};
  const std::size_t offset = yaml_mark_offset(text, mark);
  // yaml-cpp's line agrees with text_position's (it breaks lines at LF and CRLF, not at a lone
  // CR) and its column counts bytes since the line start: when that start is where a line does
  // start, only the column needs reading as characters. This keeps a pack's load linear; after
  // invalid UTF-8 yaml-cpp's counts drift, and the text is counted from its start instead.
  const auto column = static_cast<std::size_t>(mark.column);
  if (mark.line >= 0 && mark.column >= 0 && column <= offset) {
    const std::size_t from = offset - column;
    if (mark.line == 0 ? from == bom_length(text) : from > 0 && text[from - 1] == '\n')
      return {mark.line + 1, static_cast<int>(char_offset(text.substr(from), static_cast<std::uint32_t>(column))) + 1};
  }
  return text_position(text, offset);
}

}  // namespace replylint::tools

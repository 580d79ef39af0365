// replylint/tools/yaml_mark.hpp: yaml-cpp marks as positions in the file, the one place where a
// Mark becomes FILE:LINE:COLUMN: for pack errors (src/pack_loader.cpp) and for `replylint
// lint`'s config, ignore file and YAML reader (lint/), so that every YAML error has its column
// in characters, as replylint/status.hpp promises. yaml-cpp's own Mark::column counts bytes.
//
// An API for the tools built in this tree with the static library (replylint::replylint), not
// for clients: it is not installed (CMakeLists.txt) and not exported from libreplylint.so, and
// it may change with any release. It needs yaml-cpp's headers.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string_view>

namespace replylint::tools {

struct TextPosition {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based, in characters (an invalid UTF-8 byte counts one); 0 when unknown
};

// The byte offset in `text`, the whole parsed text, where `mark` points. yaml-cpp counts after
// a UTF-8 byte-order mark, may point one past the end (an error at the end of input) and drifts
// after invalid UTF-8 (it counts its U+FFFD): clamped to the text. 0 for a null mark.
std::size_t yaml_mark_offset(std::string_view text, const YAML::Mark& mark);

// Line and column of byte `offset` of `text`: lines end at LF (a CR before it belongs to the
// line), a byte-order mark is not part of the first line's columns. Offsets past the end are
// clamped.
TextPosition text_position(std::string_view text, std::size_t offset);

// Both at once: where a node or a parse error of `text` stands; {0, 0} for a null mark.
TextPosition yaml_mark_position(std::string_view text, const YAML::Mark& mark);

}  // namespace replylint::tools

// The decoding stage of `replylint lint`: a file's bytes as they are on disk become UTF-8 for
// the readers, with a map back to the file, so that no reader knows about encodings.
//
// Detection (when no encoding is named): a UTF-8 BOM or valid UTF-8 is UTF-8; a UTF-16 BOM
// (FF FE, FE FF) is UTF-16LE/BE; a file that is not valid UTF-8 is GB18030 (a superset of GBK
// and GB2312, what Chinese Windows and the workbench export) when it decodes cleanly as such.
// A file that is mostly well-formed UTF-8 with a few bad bytes stays UTF-8, so that the bad
// replies are reported one by one (readers.hpp) and the rest of the file is checked. A NUL
// byte (UTF-16 without a BOM) is an error. Anything else is an error at the first byte that
// fails. Decoding uses ICU's converters (ucnv).
//
// Thread safety: the functions are reentrant; each call opens its own converter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace replylint::lint {

struct Decoded {
  std::string text;      // UTF-8; a UTF-8 BOM stays (SourceText skips it), a UTF-16 BOM goes
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", or ICU's name of a named one
  // origin[i]: the file offset of the character that text byte i comes from; origin[text.size()]:
  // the file's size. Empty when text is the file itself (UTF-8).
  std::vector<std::uint32_t> origin;
};

// Why a file could not be decoded: the first bad byte, where it is (line and column counted
// in the characters decoded before it), and what to do.
struct DecodeError {
  std::size_t offset = 0;  // in the file
  int line = 1, column = 1;  // 0: unknown (a NUL byte: the file is not in a known encoding)
  std::string message;
};

struct DecodeResult {
  std::optional<Decoded> decoded;
  std::optional<DecodeError> error;
};

// Decodes `bytes`. `encoding`: a name ICU knows ("gbk", "utf-16le", "big5", …) forcing it, or
// empty to detect. A BOM of the named encoding is dropped; UTF-8 named is UTF-8 as detected.
DecodeResult decode_file(std::string bytes, std::string_view encoding);

// ICU's canonical name for `name`, or nullopt when ICU has no such converter.
std::optional<std::string> canonical_encoding(std::string_view name);

}  // namespace replylint::lint

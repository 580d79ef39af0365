#include "decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <memory>

#include "utf8.hpp"

namespace replylint::lint {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(std::string_view name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(std::string(name).c_str(), &err));
  if (U_FAILURE(err)) c.reset();
  return c;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes.substr(0, 4)) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%s0x%02X", out.empty() ? "" : " ", static_cast<unsigned>(b));
    out += buf;
  }
  return out;
}

// Whether a file that is not valid UTF-8 still reads as UTF-8 with a few bad bytes: its
// well-formed multi-byte sequences outnumber its bad bytes at least two to one. GBK text gives
// far more bad bytes than accidental UTF-8 sequences.
bool mostly_utf8(std::string_view s) {
  std::size_t good = 0, bad = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      ++bad;
      ++i;
    } else {
      ++good;
      i += n;
    }
  }
  return good >= 2 * bad;
}

// Converts bytes[skip..] from `cnv` to UTF-8 with the map back to the file, or the error at
// the first bad byte. `what` and `fix` word the error. ICU converts into a fixed buffer, chunk
// by chunk, so that memory stays proportional to the text, not to ICU's worst case.
DecodeResult convert(std::string bytes, std::size_t skip, UConverter* cnv, std::string name, const std::string& what,
                     const std::string& fix) {
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  constexpr std::size_t kChunk = 1 << 15;
  UChar units[kChunk];
  int32_t offsets[kChunk];
  const char* src = bytes.data() + skip;
  const char* const end = bytes.data() + bytes.size();
  Decoded d;
  d.encoding = std::move(name);
  d.text.reserve((bytes.size() - skip) * 3 / 2);
  d.origin.reserve(d.text.capacity() + 1);
  DecodeError where;  // the position the next character would have, for an error
  UChar lead = 0;     // a lead surrogate whose trail is in the next chunk
  std::uint32_t lead_from = 0, last_from = static_cast<std::uint32_t>(skip);
  bool first = true;
  auto add = [&](char32_t cp, std::uint32_t from) {
    if (first && cp == 0xFEFF) {  // a byte-order mark is no character of the text
      first = false;
      return;
    }
    first = false;
    append_utf8(d.text, cp);
    d.origin.resize(d.text.size(), from);
    if (cp == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  };
  for (;;) {
    const std::size_t call_start = static_cast<std::size_t>(src - bytes.data());
    UChar* target = units;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &target, units + kChunk, &src, end, offsets, true, &err);
    const std::size_t produced = static_cast<std::size_t>(target - units);
    for (std::size_t k = 0; k < produced; ++k) {
      // -1: a unit from bytes consumed by an earlier call.
      const std::uint32_t from = offsets[k] < 0 ? last_from : static_cast<std::uint32_t>(call_start + offsets[k]);
      last_from = from;
      if (lead) {
        const UChar l = lead;
        lead = 0;
        if (U16_IS_TRAIL(units[k])) {
          add(U16_GET_SUPPLEMENTARY(l, units[k]), lead_from);
          continue;
        }
        add(l, lead_from);
      }
      if (U16_IS_LEAD(units[k])) {
        lead = units[k];
        lead_from = from;
        continue;
      }
      add(units[k], from);
    }
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
  }
  if (lead) add(lead, lead_from);

  DecodeResult result;
  if (U_FAILURE(err)) {
    char bad[32];
    int8_t len = sizeof bad;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv, bad, &len, &e2);
    if (U_FAILURE(e2)) len = 0;
    DecodeError e = where;
    e.offset = static_cast<std::size_t>(src - bytes.data()) - static_cast<std::size_t>(len);
    const std::string shown = len > 0 ? hex_bytes(std::string_view(bad, static_cast<std::size_t>(len)))
                                      : hex_bytes(std::string_view(bytes).substr(e.offset, 1));
    e.message = what + ": " + (len > 1 ? "bytes " : "byte ") + shown + " at byte offset " + std::to_string(e.offset) +
                (err == U_TRUNCATED_CHAR_FOUND ? " (a character cut off at the end)" : "") + " cannot be decoded; " + fix;
    result.error = std::move(e);
    return result;
  }
  d.origin.push_back(static_cast<std::uint32_t>(bytes.size()));
  result.decoded = std::move(d);
  return result;
}

DecodeResult as_utf8(std::string bytes) {
  DecodeResult r;
  r.decoded = Decoded{std::move(bytes), "UTF-8", {}};
  return r;
}

const std::string kSaveFix =
    "save the file as UTF-8 (Excel: CSV UTF-8), or name its encoding with --encoding NAME or `encoding:` in "
    ".replylint.yaml (e.g. big5, shift_jis, windows-1252)";

}  // namespace

std::optional<std::string> canonical_encoding(std::string_view name) {
  const Converter c = open_converter(name);
  if (!c) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(c.get(), &err);
  if (U_FAILURE(err) || !canonical) return std::nullopt;
  return std::string(canonical);
}

DecodeResult decode_file(std::string bytes, std::string_view encoding) {
  const std::string_view b = bytes;
  if (!encoding.empty()) {
    const auto canonical = canonical_encoding(encoding);
    if (canonical && *canonical == "UTF-8") return as_utf8(std::move(bytes));
    const Converter c = open_converter(encoding);
    if (!c) {
      DecodeResult r;
      r.error = DecodeError{0, 1, 1, "unknown encoding '" + std::string(encoding) + "' (ICU's names: gbk, gb18030, "
                                     "utf-16le, utf-16be, big5, shift_jis, windows-1252, …)"};
      return r;
    }
    return convert(std::move(bytes), 0, c.get(), std::string(encoding),
                   "not " + std::string(encoding) + " (the encoding named for it)",
                   "is the name right? Without it the encoding is detected; or save the file as UTF-8");
  }
  if (b.substr(0, 3) == kUtf8Bom) return as_utf8(std::move(bytes));
  if (b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF") {
    const bool le = b[0] == '\xFF';
    const char* name = le ? "UTF-16LE" : "UTF-16BE";
    const Converter c = open_converter(name);
    return convert(std::move(bytes), 2, c.get(), name,
                   std::string("not UTF-16 although it starts with a ") + name + " byte-order mark",
                   "save it again as UTF-8 (Excel: CSV UTF-8)");
  }
  // No text library holds NUL bytes; UTF-16 without a BOM does, on every ASCII character, and
  // would otherwise pass as UTF-8 or decode "cleanly" as GB18030 into nonsense.
  if (const std::size_t nul = b.find('\0'); nul != std::string_view::npos) {
    DecodeResult r;
    r.error = DecodeError{nul, 0, 0, "a NUL byte at byte offset " + std::to_string(nul) + ": UTF-16 without a "
                                     "byte-order mark? Name its encoding (--encoding utf-16le or utf-16be, or "
                                     "`encoding:` in .replylint.yaml), or save it as UTF-8"};
    return r;
  }
  if (first_invalid_utf8(b) == std::string_view::npos || mostly_utf8(b)) return as_utf8(std::move(bytes));
  const Converter c = open_converter("GB18030");
  return convert(std::move(bytes), 0, c.get(), "GB18030", "neither UTF-8 nor GB18030/GBK", kSaveFix);
}

}  // namespace replylint::lint

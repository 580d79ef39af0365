// libFuzzer target: the decoding stage and the script-library readers of `replylint lint` on
// arbitrary file bytes. The first byte m picks the format, m % 7: txt, csv, tsv, yaml, json, md,
// xlsx; and for text formats the encoding, (m / 7) % 4: detected, gbk, utf-16le, shift_jis
// named. The rest is the file.
// Invariants: never crashes; a decoding error lies inside the file; the decoded text's map back
// to the file has one entry per byte plus the end, never goes backwards and stays inside the
// file; every reply's byte map has one entry per byte plus the end, never goes backwards and
// stays inside the text, so every finding lands on a real FILE:LINE:COLUMN; a workbook's
// replies name their cell.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "lint/decode.hpp"
#include "lint/readers.hpp"

using namespace replylint::lint;

namespace {

void check_replies(const ReadResult& result, std::size_t text_size, const SourceText* src) {
  for (const Reply& r : result.replies) {
    if (r.origin.size() != r.text.size() + 1) std::abort();
    for (std::size_t i = 0; i < r.origin.size(); ++i) {
      if (r.origin[i] > text_size) std::abort();
      if (i > 0 && r.origin[i] < r.origin[i - 1]) std::abort();
    }
    if (src) {
      const auto p = src->position(r.origin[0]);
      if (p.line < 1 || p.column < 1) std::abort();
    } else if (r.cell.empty()) {
      std::abort();
    }
  }
  for (const Problem& p : result.problems)
    if (p.offset > text_size) std::abort();
  if (result.fatal && result.fatal->offset > text_size) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const FileKind kKinds[] = {FileKind::kTxt, FileKind::kCsv, FileKind::kTsv, FileKind::kYaml,
                                    FileKind::kJson, FileKind::kMd, FileKind::kXlsx};
  static const char* kEncodings[] = {"", "gbk", "utf-16le", "shift_jis"};
  const FileKind kind = kKinds[data[0] % 7];
  std::string file(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (kind == FileKind::kXlsx) {
    check_replies(read_xlsx(file, ReadSettings{}), 0, nullptr);
    return 0;
  }
  const std::size_t file_size = file.size();
  DecodeResult decoded = decode_file(std::move(file), kEncodings[(data[0] / 7) % 4]);
  if (decoded.error) {
    if (decoded.error->offset > file_size || decoded.error->line < 0 || decoded.error->column < 0) std::abort();
    return 0;
  }
  const Decoded& d = *decoded.decoded;
  if (!d.origin.empty()) {
    if (d.origin.size() != d.text.size() + 1 || d.origin.back() != file_size) std::abort();
    for (std::size_t i = 1; i < d.origin.size(); ++i)
      if (d.origin[i] < d.origin[i - 1] || d.origin[i] > file_size) std::abort();
  }
  const SourceText src(d.text, d.origin);
  const ReadResult result = read_source(kind, src, ReadSettings{});
  check_replies(result, src.bytes().size(), &src);
  for (const Reply& r : result.replies)
    if (src.file_offset(r.origin.back()) > file_size) std::abort();
  return 0;
}

// libFuzzer target: the script-library readers of `replylint lint` on arbitrary file bytes.
// The first byte picks the format (txt, csv, tsv, yaml, json, md); the rest is the file.
// Invariants: never crashes; every reply's byte map has one entry per byte plus the end, never
// goes backwards and stays inside the file, so every finding lands on a real FILE:LINE:COLUMN.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "lint/readers.hpp"

using namespace replylint::cli::lint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const FileKind kKinds[] = {FileKind::kTxt, FileKind::kCsv, FileKind::kTsv,
                                    FileKind::kYaml, FileKind::kJson, FileKind::kMd};
  const FileKind kind = kKinds[data[0] % 6];
  const SourceText src(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  const ReadResult result = read_source(kind, src, ReadSettings{});
  const std::size_t file_size = src.bytes().size();
  for (const Reply& r : result.replies) {
    if (r.origin.size() != r.text.size() + 1) std::abort();
    for (std::size_t i = 0; i < r.origin.size(); ++i) {
      if (r.origin[i] > file_size) std::abort();
      if (i > 0 && r.origin[i] < r.origin[i - 1]) std::abort();
    }
    const auto p = src.position(r.origin[0]);
    if (p.line < 1 || p.column < 1) std::abort();
  }
  for (const Problem& p : result.problems)
    if (p.offset > file_size) std::abort();
  if (result.fatal && result.fatal->offset > file_size) std::abort();
  return 0;
}

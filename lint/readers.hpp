// The readers of `replylint lint`, one per file format (read_*.cpp), and the dispatcher that
// picks one by extension and applies what all formats share: a UTF-8 BOM is skipped, UTF-16
// is refused (the decoding stage, decode.hpp, has turned it into UTF-8 unless UTF-8 was named
// for it), and a reply holding invalid UTF-8 is reported at its first bad byte and not
// checked, while the rest of the file still is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source.hpp"

namespace replylint::lint {

// kXls (Excel 97-2003) is recognized only to be refused with advice.
enum class FileKind { kTxt, kCsv, kTsv, kYaml, kJson, kMd, kXlsx, kXls };

// By extension, case-insensitive: .txt .csv .tsv .yaml .yml .json .md .markdown .xlsx .xls.
std::optional<FileKind> kind_for_path(std::string_view path);
const char* kind_name(FileKind kind);  // "txt", "csv", ...
// Whether the format has comments, so inline suppressions (txt, yaml, md).
bool has_comments(FileKind kind);

struct ReadSettings {
  // CSV/TSV: header names of the reply columns; empty: the default names (readers.cpp).
  std::vector<std::string> columns;
  // YAML/JSON: keys whose strings are replies; empty: content, reply, text.
  std::vector<std::string> keys;
  bool all_strings = false;  // keys: ["*"]: every string
  bool md_fenced_only = false;  // markdown: fenced: only fenced code blocks are replies
  // CSV/TSV and workbook sheets: header names of the buyer's-question column; empty: the
  // default names (readers.cpp).
  std::vector<std::string> buyer_columns;
  // YAML/JSON: keys whose string is the buyer's question for the replies beside it; empty:
  // question, buyer, 问题.
  std::vector<std::string> buyer_keys;
};

ReadResult read_txt(const SourceText& src);
ReadResult read_csv(const SourceText& src, char delimiter, const ReadSettings& settings);
ReadResult read_json(const SourceText& src, const ReadSettings& settings);
ReadResult read_yaml(const SourceText& src, const ReadSettings& settings);
ReadResult read_md(const SourceText& src, const ReadSettings& settings);

// A workbook's every sheet (read_xlsx.cpp); its replies carry `cell` instead of offsets.
ReadResult read_xlsx(std::string_view bytes, const ReadSettings& settings);

// The text formats (not kXlsx, kXls), from their decoded text.
ReadResult read_source(FileKind kind, const SourceText& src, const ReadSettings& settings);

// Tables (CSV/TSV, workbook sheets): the indexes of the reply columns of a header row, chosen
// by `columns:` or by name; and the error when there is none.
std::vector<std::size_t> reply_columns(const std::vector<std::string>& header, const ReadSettings& settings);
std::string no_reply_column(const ReadSettings& settings);
// Tables: the first column, not a reply column, that holds the buyer's question its row's
// replies answer (`buyer_columns:`, or by name: question, buyer, 关键词, …问题, …提问).
std::optional<std::size_t> buyer_column(const std::vector<std::string>& header, const std::vector<std::size_t>& replies,
                                        const ReadSettings& settings);

// Whether `key` selects replies under the settings (YAML/JSON).
bool is_reply_key(std::string_view key, const ReadSettings& settings);
// Whether `key` holds the buyer's question for the replies beside it (YAML/JSON).
bool is_buyer_key(std::string_view key, const ReadSettings& settings);

}  // namespace replylint::lint

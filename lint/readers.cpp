#include "readers.hpp"

#include <algorithm>
#include <cstdio>

#include "utf8.hpp"

namespace replylint::lint {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool default_reply_column(const std::string& name) {
  for (const char* n : {"reply", "content", "text"})
    if (name == n) return true;
  for (const char* n : {"内容", "回复", "话术", "短语"})
    if (ends_with(name, n)) return true;
  return false;
}

bool default_buyer_column(const std::string& name) {
  for (const char* n : {"question", "buyer", "关键词"})
    if (name == n) return true;
  return ends_with(name, "问题") || ends_with(name, "提问");  // 问题, 买家问题, 常见问题, 买家提问
}

// A file that holds too many bad lines is not a UTF-8 file with a few typos but another
// encoding: say so once instead of reporting every line.
constexpr std::size_t kMaxEncodingProblems = 5;

}  // namespace

std::optional<FileKind> kind_for_path(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string ext = lower_ascii(name.substr(dot + 1));
  if (ext == "txt") return FileKind::kTxt;
  if (ext == "csv") return FileKind::kCsv;
  if (ext == "tsv") return FileKind::kTsv;
  if (ext == "yaml" || ext == "yml") return FileKind::kYaml;
  if (ext == "json") return FileKind::kJson;
  if (ext == "md" || ext == "markdown") return FileKind::kMd;
  if (ext == "xlsx") return FileKind::kXlsx;
  if (ext == "xls") return FileKind::kXls;
  return std::nullopt;
}

const char* kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kTxt: return "txt";
    case FileKind::kCsv: return "csv";
    case FileKind::kTsv: return "tsv";
    case FileKind::kYaml: return "yaml";
    case FileKind::kJson: return "json";
    case FileKind::kMd: return "md";
    case FileKind::kXlsx: return "xlsx";
    case FileKind::kXls: return "xls";
  }
  return "?";
}

bool has_comments(FileKind kind) { return kind == FileKind::kTxt || kind == FileKind::kYaml || kind == FileKind::kMd; }

std::vector<std::size_t> reply_columns(const std::vector<std::string>& header, const ReadSettings& settings) {
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = trim(header[i]);
    bool chosen = false;
    if (settings.columns.empty()) chosen = default_reply_column(name);
    for (const std::string& want : settings.columns) chosen = chosen || name == trim(want);
    if (chosen) columns.push_back(i);
  }
  return columns;
}

std::optional<std::size_t> buyer_column(const std::vector<std::string>& header, const std::vector<std::size_t>& replies,
                                        const ReadSettings& settings) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (std::find(replies.begin(), replies.end(), i) != replies.end()) continue;
    const std::string name = trim(header[i]);
    bool chosen = settings.buyer_columns.empty() && default_buyer_column(name);
    for (const std::string& want : settings.buyer_columns) chosen = chosen || name == trim(want);
    if (chosen) return i;
  }
  return std::nullopt;
}

std::string no_reply_column(const ReadSettings& settings) {
  if (settings.columns.empty())
    return "no reply column in the header (looked for 内容, 回复, 话术, 短语, reply, content, text, or a name "
           "ending in 内容/回复/话术/短语); name it with `columns:` in .replylint.yaml";
  std::string msg = "none of the columns named by `columns:` in .replylint.yaml (";
  for (std::size_t i = 0; i < settings.columns.size(); ++i) msg += (i ? ", " : "") + settings.columns[i];
  return msg + ") is in the header";
}

bool is_reply_key(std::string_view key, const ReadSettings& settings) {
  if (settings.all_strings) return true;
  if (settings.keys.empty()) return key == "content" || key == "reply" || key == "text";
  for (const std::string& k : settings.keys)
    if (k == key) return true;
  return false;
}

bool is_buyer_key(std::string_view key, const ReadSettings& settings) {
  if (settings.buyer_keys.empty()) return key == "question" || key == "buyer" || key == "问题";
  for (const std::string& k : settings.buyer_keys)
    if (k == key) return true;
  return false;
}

ReadResult read_source(FileKind kind, const SourceText& src, const ReadSettings& settings) {
  const std::string_view bytes = src.bytes();
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    ReadResult r;
    r.fatal = Problem{0, "the file is UTF-16 (Excel's \"Unicode text\"); save it as UTF-8 (CSV UTF-8), "
                         "or convert it: iconv -f UTF-16 -t UTF-8"};
    return r;
  }
  ReadResult r;
  switch (kind) {
    case FileKind::kTxt: r = read_txt(src); break;
    case FileKind::kCsv: r = read_csv(src, ',', settings); break;
    case FileKind::kTsv: r = read_csv(src, '\t', settings); break;
    case FileKind::kYaml: r = read_yaml(src, settings); break;
    case FileKind::kJson: r = read_json(src, settings); break;
    case FileKind::kMd: r = read_md(src, settings); break;
    case FileKind::kXlsx:
    case FileKind::kXls: r.fatal = Problem{0, "a workbook is not a text file"}; break;
  }
  if (r.fatal) return r;

  // Every reply's map back to the file is made non-decreasing and kept inside the file, so a
  // reader's odd corner (a kept trailing line break of a YAML block scalar, found by fuzzing)
  // can shift a position but never put a span's end before its start.
  for (Reply& reply : r.replies)
    for (std::size_t i = 0; i < reply.origin.size(); ++i) {
      reply.origin[i] = std::min<std::uint32_t>(reply.origin[i], static_cast<std::uint32_t>(bytes.size()));
      if (i > 0 && reply.origin[i] < reply.origin[i - 1]) reply.origin[i] = reply.origin[i - 1];
    }

  // Replies with invalid UTF-8: reported at their first bad byte, not checked.
  std::vector<Reply> good;
  good.reserve(r.replies.size());
  std::size_t bad = 0;
  std::size_t first_unreported = 0;
  for (Reply& reply : r.replies) {
    const std::size_t at = first_invalid_utf8(reply.text);
    if (at == std::string_view::npos) {
      good.push_back(std::move(reply));
      continue;
    }
    if (++bad > kMaxEncodingProblems) {
      if (bad == kMaxEncodingProblems + 1) first_unreported = reply.origin[at];
      continue;
    }
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(reply.text[at])));
    r.problems.push_back({reply.origin[at], std::string("invalid UTF-8 (byte ") + byte +
                                                "); this reply was not checked, the rest of the file was"});
  }
  if (bad > kMaxEncodingProblems) {
    r.problems.push_back({first_unreported, "invalid UTF-8 here and in " + std::to_string(bad - kMaxEncodingProblems - 1) +
                                                " more replies, not checked; is the file in another encoding? Convert "
                                                "it: iconv -f GBK -t UTF-8"});
  }
  r.replies = std::move(good);
  return r;
}

}  // namespace replylint::lint

// .csv and .tsv: RFC 4180 records (quoted cells may hold the delimiter, `""` for a quote, and
// line breaks; CRLF inside a quoted cell reads as LF), a header row, and the reply columns
// chosen by `columns:` in the config or found by name. Every non-blank cell of a reply column
// is a reply; the cell of the buyer's-question column (`buyer_columns:`, or found by name) in
// the same row is the buyer's message it answers.
#include <algorithm>
#include <optional>
#include <string>

#include "readers.hpp"

namespace replylint::cli::lint {
namespace {

struct Cell {
  ReplyBuilder text;
  std::size_t start = 0, end = 0;
};

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

// The first column that names the buyer's question and is not a reply column.
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

class Parser {
 public:
  Parser(const SourceText& src, char delimiter) : s_(src.bytes()), pos_(src.body_start()), delim_(delimiter) {}

  bool done() const { return pos_ >= s_.size(); }

  // One record into `cells`; false with `error` set when the file is malformed.
  bool record(std::vector<Cell>& cells, std::optional<Problem>& error) {
    cells.clear();
    for (;;) {
      Cell cell;
      cell.start = pos_;
      if (pos_ < s_.size() && s_[pos_] == '"') {
        const std::size_t open = pos_++;
        for (;;) {
          if (pos_ >= s_.size()) {
            error = Problem{open, "this quoted cell is never closed (a quote inside a quoted cell is written \"\")"};
            return false;
          }
          const char c = s_[pos_];
          if (c == '"') {
            if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
              cell.text.push('"', pos_);
              pos_ += 2;
              continue;
            }
            ++pos_;
            break;
          }
          if (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
            cell.text.push('\n', pos_);
            pos_ += 2;
            continue;
          }
          cell.text.push(c, pos_++);
        }
        if (pos_ < s_.size() && s_[pos_] != delim_ && s_[pos_] != '\n' && !crlf()) {
          error = Problem{pos_, "unexpected text after the closing quote of a cell (a quote inside a quoted cell "
                                "is written \"\")"};
          return false;
        }
      } else {
        while (pos_ < s_.size() && s_[pos_] != delim_ && s_[pos_] != '\n' && !crlf()) {
          cell.text.push(s_[pos_], pos_);
          ++pos_;
        }
      }
      cell.end = pos_;
      cells.push_back(std::move(cell));
      if (pos_ < s_.size() && s_[pos_] == delim_) {
        ++pos_;
        continue;
      }
      if (crlf()) ++pos_;
      if (pos_ < s_.size()) ++pos_;  // the LF
      return true;
    }
  }

 private:
  bool crlf() const { return s_[pos_] == '\r' && (pos_ + 1 == s_.size() || s_[pos_ + 1] == '\n'); }

  const std::string& s_;
  std::size_t pos_;
  char delim_;
};

bool blank_record(const std::vector<Cell>& cells) {
  for (const Cell& c : cells) {
    for (char ch : c.text.text())
      if (ch != ' ' && ch != '\t') return false;
  }
  return true;
}

}  // namespace

ReadResult read_csv(const SourceText& src, char delimiter, const ReadSettings& settings) {
  ReadResult r;
  Parser parser(src, delimiter);
  std::vector<Cell> cells;
  std::vector<std::string> header;
  std::vector<std::size_t> columns;
  std::optional<std::size_t> question;
  std::size_t header_start = src.body_start();
  int row = 0;
  std::vector<Reply> replies;
  while (!parser.done()) {
    if (!parser.record(cells, r.fatal)) return r;
    ++row;
    if (blank_record(cells)) continue;
    if (header.empty()) {
      header_start = cells.front().start;
      for (const Cell& c : cells) header.push_back(c.text.text());
      for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = trim(header[i]);
        bool chosen = false;
        if (settings.columns.empty()) chosen = default_reply_column(name);
        for (const std::string& want : settings.columns) chosen = chosen || name == trim(want);
        if (chosen) columns.push_back(i);
      }
      if (columns.empty()) {
        std::string msg;
        if (settings.columns.empty()) {
          msg = "no reply column in the header (looked for 内容, 回复, 话术, 短语, reply, content, text, or a name "
                "ending in 内容/回复/话术/短语); name it with `columns:` in .replylint.yaml";
        } else {
          msg = "none of the columns named by `columns:` in .replylint.yaml (";
          for (std::size_t i = 0; i < settings.columns.size(); ++i) msg += (i ? ", " : "") + settings.columns[i];
          msg += ") is in the header";
        }
        r.fatal = Problem{header_start, msg};
        return r;
      }
      question = buyer_column(header, columns, settings);
      continue;
    }
    for (std::size_t col : columns) {
      if (col >= cells.size()) continue;
      Cell& cell = cells[col];
      const std::string& text = cell.text.text();
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      Reply reply = cell.text.finish(cell.end > cell.start && src.bytes()[cell.start] == '"' ? cell.end - 1 : cell.end);
      reply.first_line = src.line_of(cell.start);
      reply.last_line = src.line_of(cell.end > cell.start ? cell.end - 1 : cell.start);
      reply.where = "row " + std::to_string(row) + ", " + header[col];
      if (question && *question < cells.size()) reply.buyer = cells[*question].text.text();
      r.replies.push_back(std::move(reply));
    }
  }
  return r;
}

}  // namespace replylint::cli::lint

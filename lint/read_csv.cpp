// .csv and .tsv: RFC 4180 records (quoted cells may hold the delimiter, `""` for a quote, and
// line breaks; CRLF inside a quoted cell reads as LF), a header row, and the reply columns
// chosen by `columns:` in the config or found by name. Every non-blank cell of a reply column
// is a reply; the cell of the buyer's-question column (`buyer_columns:`, or found by name) in
// the same row is the buyer's message it answers.
#include <optional>
#include <string>

#include "readers.hpp"

namespace replylint::lint {
namespace {

struct Cell {
  ReplyBuilder text;
  std::size_t start = 0, end = 0;
};

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
      columns = reply_columns(header, settings);
      if (columns.empty()) {
        r.fatal = Problem{header_start, no_reply_column(settings)};
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

}  // namespace replylint::lint

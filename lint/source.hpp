// What the readers of `replylint lint` produce: the replies of one script-library file, each
// with a map from its bytes back to the file, so that a span the engine reports inside a reply
// (a CSV cell, an unescaped JSON string, a folded YAML scalar) lands on the right
// FILE:LINE:COLUMN of the original file.
//
// Positions: lines are 1-based and end at LF (a CR before it belongs to the line and is never
// counted); columns are 1-based and count characters (code points; an invalid UTF-8 byte counts
// as one). A UTF-8 byte-order mark at the start of the file is not part of any line's columns.
// A file in another encoding is read through its UTF-8 decoding (decode.hpp): offsets are in
// the decoded text, and its map back to the file makes columns count the file's characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace replylint::lint {

// One file's bytes and where its lines start.
class SourceText {
 public:
  explicit SourceText(std::string bytes);
  // Decoded text: origin[i] is the file offset text byte i comes from (decode.hpp's Decoded).
  SourceText(std::string bytes, std::vector<std::uint32_t> origin);

  const std::string& bytes() const { return bytes_; }
  std::size_t body_start() const { return bom_; }  // 3 after a UTF-8 BOM, else 0

  struct Position {
    int line = 0;
    int column = 0;
  };
  Position position(std::size_t offset) const;
  int line_of(std::size_t offset) const;
  std::size_t line_count() const { return starts_.size(); }
  // Line n (1-based) without its LF or CRLF.
  std::string_view line_text(int n) const;
  std::size_t line_start(int n) const { return starts_[static_cast<std::size_t>(n - 1)]; }
  // The offset in the file on disk of text offset `offset`.
  std::size_t file_offset(std::size_t offset) const;

 private:
  std::string bytes_;
  std::vector<std::uint32_t> origin_;  // empty: the text is the file
  std::size_t bom_ = 0;
  std::vector<std::size_t> starts_;
};

// One reply as the engine sees it.
struct Reply {
  std::string text;
  // origin[i]: the file offset where the source of text byte i begins; origin[text.size()]:
  // where the reply's source ends. Non-decreasing.
  std::vector<std::uint32_t> origin;
  int first_line = 0;  // lines the reply covers, its key included (for disable-next-line)
  int last_line = 0;
  std::string where;   // for people: "row 3, 内容", "groups[1].items[0].content"; "" for a line
  std::string cell;    // workbooks (read_xlsx.cpp): "售前!B7", where lines and columns do not apply
  // The buyer's message the reply answers: the question column of its CSV/TSV row (or workbook
  // sheet row), or the question key of the nearest YAML/JSON mapping around it that has one.
  // Empty: none.
  std::string buyer;
};

// A problem at a file offset, in the words of `FILE:LINE:COLUMN: error: MESSAGE`.
struct Problem {
  std::size_t offset = 0;
  std::string message;
};

// A comment on a line of its own (txt, yaml, md) that may hold a suppression directive.
struct Comment {
  int line = 0;
  std::size_t offset = 0;  // where `body` starts in the file
  std::string body;        // the comment without its marker (`#`, `<!--`/`-->`), trimmed
};

struct ReadResult {
  std::vector<Reply> replies;
  std::vector<Problem> problems;  // replies that could not be read; the rest were
  std::optional<Problem> fatal;   // the file could not be parsed: nothing else counts
  std::vector<Comment> comments;
  std::vector<int> comment_lines;  // every comment line, directive or not, in order
};

// Builds a reply from pieces of the file: literal bytes keep their offsets, decoded ones map to
// the source they came from.
class ReplyBuilder {
 public:
  // Bytes copied from the file at `offset`.
  void literal(std::string_view bytes, std::size_t offset) {
    for (std::size_t i = 0; i < bytes.size(); ++i) push(bytes[i], offset + i);
  }
  // Bytes that stand for the source [from, to) (an escape, a folded line break).
  void decoded(std::string_view bytes, std::size_t from) {
    for (char c : bytes) push(c, from);
  }
  void push(char c, std::size_t offset) {
    r_.text.push_back(c);
    r_.origin.push_back(static_cast<std::uint32_t>(offset));
  }
  std::size_t size() const { return r_.text.size(); }
  const std::string& text() const { return r_.text; }
  Reply& reply() { return r_; }
  // Closes the reply: its source ends at `end`.
  Reply finish(std::size_t end) {
    r_.origin.push_back(static_cast<std::uint32_t>(end));
    Reply out = std::move(r_);
    r_ = Reply{};
    return out;
  }

 private:
  Reply r_;
};

}  // namespace replylint::lint

// .md/.markdown playbooks: each paragraph, list item and table cell (not the header row) is a
// reply; lines of a paragraph or item join with LF. Headings, thematic breaks, fenced code,
// YAML front matter and HTML comments are not replies; `>` quote markers are stripped. A
// comment `<!-- … -->` on a line of its own may hold a suppression. With `markdown: fenced` in
// the config it is the other way round: each fenced code block (``` or ~~~) is one reply, its
// lines joined with LF, and nothing else is, for libraries that explain their replies in prose
// around the fences.
#include "readers.hpp"

namespace replylint::lint {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blank(std::string_view s, std::size_t i) {
  while (i < s.size() && blank(s[i])) ++i;
  return i;
}

std::size_t trim_end(std::string_view s, std::size_t from) {
  std::size_t e = s.size();
  while (e > from && blank(s[e - 1])) --e;
  return e;
}

// A run of at least three `c` (and blanks) and nothing else.
bool rule_line(std::string_view s, char c) {
  int n = 0;
  for (char ch : s) {
    if (ch == c) ++n;
    else if (!blank(ch)) return false;
  }
  return n >= 3;
}

// Length of a list marker with the blanks after it, or 0.
std::size_t list_marker(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '*' || s[0] == '+') {
    i = 1;
  } else {
    while (i < s.size() && i < 9 && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
    ++i;
  }
  if (i < s.size() && !blank(s[i])) return 0;
  return skip_blank(s, i);
}

class MdReader {
 public:
  MdReader(const SourceText& src, ReadResult& out, bool fenced_only)
      : src_(src), out_(out), fenced_only_(fenced_only) {}

  void run() {
    const int lines = static_cast<int>(src_.line_count());
    int n = 1;
    if (src_.line_text(1) == "---") {  // front matter, when it is closed
      for (int k = 2; k <= lines; ++k)
        if (src_.line_text(k) == "---" || src_.line_text(k) == "...") {
          n = k + 1;
          break;
        }
    }
    for (; n <= lines; ++n) line(n);
    if (fence_ && fenced_only_) close_fenced_reply();  // a fence left open runs to the end
    else flush();
  }

 private:
  std::size_t offset_of(std::string_view part) const { return static_cast<std::size_t>(part.data() - src_.bytes().data()); }

  void flush() {
    if (open_) {
      if (builder_.text().find_first_not_of(" \t\n") != std::string::npos) {
        Reply reply = builder_.finish(end_);
        reply.first_line = first_;
        reply.last_line = last_;
        out_.replies.push_back(std::move(reply));
      } else {
        builder_.finish(end_);
      }
    }
    open_ = false;
    paragraph_ = false;
  }

  // Adds one line's text to the open block, or opens one.
  void add(std::string_view text, int n) {
    const std::size_t e = trim_end(text, 0);
    if (open_) {
      builder_.push('\n', end_);
    } else {
      open_ = true;
      first_ = n;
    }
    builder_.literal(text.substr(0, e), offset_of(text));
    end_ = offset_of(text) + e;
    last_ = n;
  }

  void line(int n) {
    std::string_view s = src_.line_text(n);
    if (fence_) {
      const std::size_t i = skip_blank(s, 0);
      std::size_t k = i;
      while (k < s.size() && s[k] == fence_) ++k;
      if (k - i >= fence_len_ && skip_blank(s, k) == s.size()) {
        fence_ = 0;
        if (fenced_only_) close_fenced_reply();
      } else if (fenced_only_) {
        add(s, n);
      }
      return;
    }
    if (html_comment_) {
      out_.comment_lines.push_back(n);
      if (s.find("-->") != std::string_view::npos) html_comment_ = false;
      return;
    }
    // Quote markers.
    std::size_t i = skip_blank(s, 0);
    while (i < s.size() && s[i] == '>') i = skip_blank(s, i + 1);
    s = s.substr(i);
    if (s.empty()) {
      flush();
      table_row_line_ = 0;
      return;
    }
    if (s.substr(0, 3) == "```" || s.substr(0, 3) == "~~~") {
      flush();
      fence_ = s[0];
      fence_len_ = s.find_first_not_of(fence_);
      if (fence_len_ == std::string_view::npos) fence_len_ = s.size();
      fence_line_ = n;
      return;
    }
    if (s.substr(0, 4) == "<!--") {
      flush();
      out_.comment_lines.push_back(n);
      const std::size_t close = s.find("-->", 4);
      if (close == std::string_view::npos) {
        html_comment_ = true;
        return;
      }
      const std::size_t b = skip_blank(s, 4);
      std::size_t e = close;
      while (e > b && blank(s[e - 1])) --e;
      out_.comments.push_back({n, offset_of(s) + b, std::string(s.substr(b, e - b))});
      return;
    }
    if (fenced_only_) return;  // prose around the fences
    if (s[0] == '#') {  // an ATX heading
      std::size_t k = 0;
      while (k < s.size() && s[k] == '#') ++k;
      if (k <= 6 && (k == s.size() || blank(s[k]))) {
        flush();
        return;
      }
    }
    if (open_ && paragraph_) {  // a setext underline: the paragraph above was a heading
      const std::string_view u = s.substr(0, trim_end(s, 0));
      if (u.find_first_not_of('=') == std::string_view::npos || u.find_first_not_of('-') == std::string_view::npos) {
        builder_.finish(end_);
        open_ = paragraph_ = false;
        return;
      }
    }
    if (rule_line(s, '-') || rule_line(s, '*') || rule_line(s, '_')) {
      flush();
      return;
    }
    if (s[0] == '|') {
      flush();
      table_row(s, n);
      return;
    }
    table_row_line_ = 0;
    if (const std::size_t m = list_marker(s)) {
      flush();
      add(s.substr(m), n);
      return;
    }
    if (!open_) paragraph_ = true;
    add(s, n);
  }

  // The fence's opening line belongs to the reply, so that a suppression above it applies.
  void close_fenced_reply() {
    const std::size_t before = out_.replies.size();
    flush();
    if (out_.replies.size() > before) out_.replies.back().first_line = fence_line_;
  }

  void table_row(std::string_view s, int n) {
    if (s.find_first_not_of("|-: \t") == std::string_view::npos) {  // the delimiter row: the row above was the header
      if (table_row_line_ == n - 1) out_.replies.resize(table_row_first_reply_);
      table_row_line_ = 0;
      return;
    }
    table_row_line_ = n;
    table_row_first_reply_ = out_.replies.size();
    std::size_t i = 1;
    while (i <= s.size()) {
      std::size_t j = i;
      while (j < s.size() && !(s[j] == '|' && s[j - 1] != '\\')) ++j;
      const std::size_t b = skip_blank(s, i);
      std::size_t e = j;
      while (e > b && blank(s[e - 1])) --e;
      if (e > b) {
        ReplyBuilder cell;
        cell.literal(s.substr(b, e - b), offset_of(s) + b);
        Reply reply = cell.finish(offset_of(s) + e);
        reply.first_line = reply.last_line = n;
        out_.replies.push_back(std::move(reply));
      }
      i = j + 1;
    }
  }

  const SourceText& src_;
  ReadResult& out_;
  ReplyBuilder builder_;
  bool open_ = false, paragraph_ = false, html_comment_ = false;
  int first_ = 0, last_ = 0;
  std::size_t end_ = 0;
  char fence_ = 0;
  std::size_t fence_len_ = 0;
  int table_row_line_ = 0;
  std::size_t table_row_first_reply_ = 0;
  bool fenced_only_ = false;
  int fence_line_ = 0;
};

}  // namespace

ReadResult read_md(const SourceText& src, const ReadSettings& settings) {
  ReadResult r;
  MdReader(src, r, settings.md_fenced_only).run();
  return r;
}

}  // namespace replylint::lint

// .txt: one reply a line (LF or CRLF). Blank lines are skipped. A line whose first non-blank
// character is `#` followed by a space, a tab, another `#` or the end of the line is a comment
// (so `#双十一#活动价` is still a reply).
#include "readers.hpp"

namespace replylint::lint {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

ReadResult read_txt(const SourceText& src) {
  ReadResult r;
  const std::string& bytes = src.bytes();
  for (int n = 1; n <= static_cast<int>(src.line_count()); ++n) {
    const std::string_view line = src.line_text(n);
    const std::size_t start = static_cast<std::size_t>(line.data() - bytes.data());
    std::size_t i = 0;
    while (i < line.size() && blank(line[i])) ++i;
    if (i == line.size()) continue;
    if (line[i] == '#' && (i + 1 == line.size() || blank(line[i + 1]) || line[i + 1] == '#')) {
      std::size_t b = i + 1;
      while (b < line.size() && (blank(line[b]) || line[b] == '#')) ++b;
      std::size_t e = line.size();
      while (e > b && blank(line[e - 1])) --e;
      r.comment_lines.push_back(n);
      r.comments.push_back({n, start + b, std::string(line.substr(b, e - b))});
      continue;
    }
    ReplyBuilder builder;
    builder.literal(line, start);
    Reply reply = builder.finish(start + line.size());
    reply.first_line = reply.last_line = n;
    r.replies.push_back(std::move(reply));
  }
  return r;
}

}  // namespace replylint::lint

#include "yaml_scalar.hpp"

#include <vector>

#include "utf8.hpp"

namespace replylint::lint {
namespace {

class Out {
 public:
  void push(char c, std::size_t at, bool literal_ws = false) {
    r_.text.push_back(c);
    r_.origin.push_back(static_cast<std::uint32_t>(at));
    trailing_ws_ = literal_ws ? trailing_ws_ + 1 : 0;
  }
  void push(std::string_view bytes, std::size_t at) {
    for (char c : bytes) push(c, at);
  }
  // Flow folding drops the white space written before a line break (not escaped white space).
  void drop_trailing_ws() {
    r_.text.resize(r_.text.size() - trailing_ws_);
    r_.origin.resize(r_.origin.size() - trailing_ws_);
    trailing_ws_ = 0;
  }
  std::size_t size() const { return r_.text.size(); }
  std::size_t trailing_ws() const { return trailing_ws_; }
  Reply finish(std::size_t end) {
    r_.origin.push_back(static_cast<std::uint32_t>(end));
    return std::move(r_);
  }
  const std::string& text() const { return r_.text; }

 private:
  Reply r_;
  std::size_t trailing_ws_ = 0;
};

class Scanner {
 public:
  Scanner(std::string_view s) : s_(s) {}

  bool is_break(std::size_t i) const {
    return i < s_.size() && (s_[i] == '\n' || (s_[i] == '\r' && i + 1 < s_.size() && s_[i + 1] == '\n'));
  }
  std::size_t skip_break(std::size_t i) const { return s_[i] == '\r' ? i + 2 : i + 1; }
  bool blank(std::size_t i) const { return i < s_.size() && (s_[i] == ' ' || s_[i] == '\t'); }

  // Flow folding at the line break at i: one space, or one LF per empty line after it.
  std::size_t fold(Out& out, std::size_t i) const {
    out.drop_trailing_ws();
    const std::size_t first = i;
    i = skip_break(i);
    std::vector<std::size_t> empties;
    for (;;) {
      while (blank(i)) ++i;
      if (!is_break(i)) break;
      empties.push_back(i);
      i = skip_break(i);
    }
    if (empties.empty()) out.push(' ', first);
    for (std::size_t e : empties) out.push('\n', e);
    return i;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::optional<Reply> double_quoted(std::size_t start) const {
    Out out;
    std::size_t i = start + 1;
    while (i < s_.size()) {
      const char c = s_[i];
      if (c == '"') return out.finish(i);
      if (is_break(i)) {
        i = fold(out, i);
        continue;
      }
      if (c != '\\') {
        out.push(c, i, c == ' ' || c == '\t');
        ++i;
        continue;
      }
      if (i + 1 >= s_.size()) return std::nullopt;
      const char e = s_[i + 1];
      if (is_break(i + 1)) {  // escaped line break: joins the lines, keeps what came before
        i = skip_break(i + 1);
        while (blank(i)) ++i;
        out.push("", i);
        continue;
      }
      char32_t cp = 0;
      std::size_t len = 2, digits = 0;
      switch (e) {
        case '0': cp = 0; break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 't': case '\t': cp = 9; break;
        case 'n': cp = 10; break;
        case 'v': cp = 11; break;
        case 'f': cp = 12; break;
        case 'r': cp = 13; break;
        case 'e': cp = 27; break;
        case ' ': cp = ' '; break;
        case '"': cp = '"'; break;
        case '/': cp = '/'; break;
        case '\\': cp = '\\'; break;
        case 'N': cp = 0x85; break;
        case '_': cp = 0xA0; break;
        case 'L': cp = 0x2028; break;
        case 'P': cp = 0x2029; break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: return std::nullopt;
      }
      for (std::size_t k = 0; k < digits; ++k) {
        if (i + 2 + k >= s_.size()) return std::nullopt;
        const int h = hex(s_[i + 2 + k]);
        if (h < 0) return std::nullopt;
        cp = cp * 16 + static_cast<char32_t>(h);
      }
      len += digits;
      std::string bytes;
      append_utf8(bytes, cp);
      out.push(bytes, i);
      i += len;
    }
    return std::nullopt;
  }

  std::optional<Reply> single_quoted(std::size_t start) const {
    Out out;
    std::size_t i = start + 1;
    while (i < s_.size()) {
      const char c = s_[i];
      if (c == '\'') {
        if (i + 1 < s_.size() && s_[i + 1] == '\'') {
          out.push('\'', i);
          i += 2;
          continue;
        }
        return out.finish(i);
      }
      if (is_break(i)) {
        i = fold(out, i);
        continue;
      }
      out.push(c, i, c == ' ' || c == '\t');
      ++i;
    }
    return std::nullopt;
  }

  // Plain scalars end where yaml-cpp says (at `: `, ` #`, a flow indicator or a less indented
  // line); `value` tells how much to read.
  std::optional<Reply> plain(std::size_t start, std::string_view value) const {
    Out out;
    std::size_t i = start, end = start;
    while (out.size() - out.trailing_ws() < value.size() && i < s_.size()) {
      if (is_break(i)) {
        i = fold(out, i);
        continue;
      }
      if (s_[i] == '#' && i > start && blank(i - 1)) {  // a comment: skip to the end of the line
        while (i < s_.size() && !is_break(i)) ++i;
        continue;
      }
      out.push(s_[i], i, blank(i));
      if (!blank(i)) end = i + 1;
      ++i;
    }
    out.drop_trailing_ws();
    return out.finish(end);
  }

  struct Line {
    std::size_t start = 0, content = 0, end = 0, brk = 0;  // brk: the line break (or end of file)
    std::size_t spaces = 0;
    bool empty = false;  // nothing but spaces up to the indentation
  };

  std::optional<Reply> block(std::size_t start, std::size_t explicit_indent_base, bool use_explicit) const {
    const bool folded = s_[start] == '>';
    std::size_t i = start + 1;
    char chomp = 'c';
    std::size_t indicator = 0;
    for (int k = 0; k < 2 && i < s_.size(); ++k) {
      if (s_[i] == '+' || s_[i] == '-') chomp = s_[i++];
      else if (s_[i] >= '1' && s_[i] <= '9') indicator = static_cast<std::size_t>(s_[i++] - '0');
    }
    while (blank(i)) ++i;
    if (i < s_.size() && s_[i] == '#')
      while (i < s_.size() && !is_break(i)) ++i;
    if (i < s_.size() && !is_break(i)) return std::nullopt;
    const std::size_t header_break = i;
    if (i < s_.size()) i = skip_break(i);

    // The lines of the scalar.
    std::vector<Line> lines;
    std::size_t indent = 0;
    bool indent_known = false;
    if (indicator) {
      if (!use_explicit) return std::nullopt;
      indent = explicit_indent_base + indicator;
      indent_known = true;
    }
    while (i < s_.size()) {
      Line l;
      l.start = i;
      std::size_t j = i;
      while (j < s_.size() && s_[j] == ' ') ++j;
      l.spaces = j - i;
      std::size_t e = j;
      bool only_space = true;
      for (; e < s_.size() && !is_break(e); ++e)
        if (s_[e] != ' ' && s_[e] != '\t') only_space = false;
      if (!indent_known && !only_space) {
        if (l.spaces == 0) break;
        indent = l.spaces;
        indent_known = true;
      }
      if (indent_known && !only_space && l.spaces < indent) break;
      l.end = l.brk = e;
      l.empty = only_space && (!indent_known || l.spaces <= indent);
      lines.push_back(l);
      i = e < s_.size() ? skip_break(e) : e;
    }
    for (Line& l : lines) {
      if (!l.empty && l.spaces < indent) l.empty = true;  // white space only, less indented
      l.content = l.empty ? l.end : l.start + indent;
    }
    // Trailing empty lines (after the last content line) are only kept with `+`.
    std::size_t last = lines.size();
    for (std::size_t k = lines.size(); k > 0; --k)
      if (!lines[k - 1].empty) {
        last = k - 1;
        break;
      }
    Out out;
    if (last == lines.size()) {  // no content at all
      if (chomp == '+') {
        if (header_break < s_.size()) {
          for (const Line& l : lines) out.push('\n', l.brk);
        }
      }
      return out.finish(lines.empty() ? header_break : lines.back().end);
    }
    auto more_indented = [&](const Line& l) { return l.content < l.end && (s_[l.content] == ' ' || s_[l.content] == '\t'); };
    const Line* prev = nullptr;
    std::size_t pending = 0;
    std::vector<std::size_t> pending_at;
    for (std::size_t k = 0; k <= last; ++k) {
      const Line& l = lines[k];
      if (l.empty) {
        pending_at.push_back(l.brk);
        ++pending;
        continue;
      }
      if (!prev) {
        for (std::size_t at : pending_at) out.push('\n', at);
      } else if (!folded) {
        out.push('\n', prev->brk);
        for (std::size_t at : pending_at) out.push('\n', at);
      } else if (!more_indented(*prev) && !more_indented(l)) {
        if (pending == 0) out.push(' ', prev->brk);
        for (std::size_t at : pending_at) out.push('\n', at);
      } else {
        out.push('\n', prev->brk);
        for (std::size_t at : pending_at) out.push('\n', at);
      }
      for (std::size_t c = l.content; c < l.end; ++c) out.push(s_[c], c);
      pending = 0;
      pending_at.clear();
      prev = &l;
    }
    std::size_t end = prev->end;
    if (chomp != '-') out.push('\n', prev->brk);
    if (chomp == '+')
      for (std::size_t k = last + 1; k < lines.size(); ++k) out.push('\n', lines[k].brk);
    return out.finish(end);
  }

 private:
  std::string_view s_;
};

std::size_t leading_spaces_of_line(std::string_view s, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && s[b - 1] != '\n') --b;
  std::size_t n = 0;
  while (b + n < s.size() && s[b + n] == ' ') ++n;
  return n;
}

}  // namespace

std::optional<Reply> map_yaml_scalar(std::string_view file, std::size_t start, std::string_view value) {
  if (start >= file.size()) return std::nullopt;
  // yaml-cpp marks a scalar with an anchor or a tag at the property: skip `&name` and `!tag`.
  while (start < file.size() && (file[start] == '&' || file[start] == '!')) {
    while (start < file.size() && file[start] != ' ' && file[start] != '\t' && file[start] != '\n' && file[start] != '\r')
      ++start;
    while (start < file.size() && (file[start] == ' ' || file[start] == '\t' || file[start] == '\n' || file[start] == '\r'))
      ++start;
  }
  if (start >= file.size()) return std::nullopt;
  Scanner scan(file);
  std::optional<Reply> r;
  switch (file[start]) {
    case '"': r = scan.double_quoted(start); break;
    case '\'': r = scan.single_quoted(start); break;
    case '|':
    case '>':
      r = scan.block(start, 0, false);
      if (!r || r->text != value) {
        // An explicit indentation indicator counts from the parent's indentation; try the
        // indentation of the line the header is on.
        r = scan.block(start, leading_spaces_of_line(file, start), true);
      }
      break;
    default: r = scan.plain(start, value); break;
  }
  if (!r || r->text != value) return std::nullopt;
  return r;
}

}  // namespace replylint::lint

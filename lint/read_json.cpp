// .json (RFC 8259): every string under the configured keys (default content, reply, text; all
// strings in the value of such a key, however deep), every string outside any object (a plain
// list of replies), or every string at all with keys: ["*"]. Escapes are decoded, and each
// decoded character maps back to its escape, so spans point into the string as written.
// Syntax errors stop the file; a string with invalid UTF-8 or a lone surrogate escape is
// reported and skipped, and the rest of the file is still read. A string under a question key
// (`buyer_keys:`, default question, buyer, 问题) is not a reply but the buyer's message for the
// replies of its object that have none from a nearer one.
#include <string>

#include "readers.hpp"
#include "utf8.hpp"

namespace replylint::lint {
namespace {

constexpr int kMaxDepth = 256;

class JsonReader {
 public:
  JsonReader(const SourceText& src, const ReadSettings& settings, ReadResult& out)
      : src_(src), s_(src.bytes()), pos_(src.body_start()), settings_(settings), out_(out) {}

  void run() {
    skip_ws();
    if (pos_ >= s_.size()) return;  // an empty file holds no replies
    if (!value(0, /*collect=*/false, /*key_line=*/0)) return;
    skip_ws();
    if (pos_ < s_.size()) fail(pos_, "unexpected text after the JSON value");
  }

 private:
  bool fail(std::size_t at, std::string msg) {
    if (!out_.fatal) out_.fatal = Problem{at, "JSON: " + std::move(msg)};
    return false;
  }

  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  bool expect_literal(std::string_view word) {
    if (s_.compare(pos_, word.size(), word) != 0) return fail(pos_, "expected a value");
    pos_ += word.size();
    return true;
  }

  // collect: strings here are replies. key_line: the line of the key holding this value (0: none).
  bool value(int depth, bool collect, int key_line) {
    if (depth > kMaxDepth) return fail(pos_, "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    skip_ws();
    if (pos_ >= s_.size()) return fail(pos_, "unexpected end of file; expected a value");
    const char c = s_[pos_];
    switch (c) {
      case '{': return object(depth, collect);
      case '[': return array(depth, collect, key_line);
      case '"': return string_value(collect, key_line);
      case 't': return expect_literal("true");
      case 'f': return expect_literal("false");
      case 'n': return expect_literal("null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return fail(pos_, "expected a value");
    }
  }

  bool number() {
    const std::size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (pos_ < s_.size() && s_[pos_] == '0') ++pos_;
    else if (!digits()) return fail(start, "malformed number");
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return fail(start, "malformed number");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return fail(start, "malformed number");
    }
    return true;
  }

  bool object(int depth, bool collect) {
    const std::size_t open = pos_++;
    const std::size_t path_len = path_.size();
    const std::size_t first_reply = out_.replies.size();
    std::string buyer;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    ++objects_;
    for (;;) {
      skip_ws();
      if (pos_ >= s_.size()) return fail(open, "this object is never closed");
      if (s_[pos_] != '"') return fail(pos_, "expected a key in double quotes");
      const int key_line = src_.line_of(pos_);
      std::string key;
      if (!string_literal(&key, nullptr)) return false;
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != ':') return fail(pos_, "expected ':' after the key");
      ++pos_;
      path_.resize(path_len);
      if (!path_.empty()) path_ += '.';
      path_ += key;
      skip_ws();
      if (is_buyer_key(key, settings_) && pos_ < s_.size() && s_[pos_] == '"') {
        if (!string_literal(&buyer, nullptr)) return false;
      } else if (!value(depth + 1, collect || is_reply_key(key, settings_), key_line)) {
        return false;
      }
      path_.resize(path_len);
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        --objects_;
        for (std::size_t i = first_reply; i < out_.replies.size(); ++i)
          if (out_.replies[i].buyer.empty()) out_.replies[i].buyer = buyer;
        return true;
      }
      return fail(pos_ < s_.size() ? pos_ : open, pos_ < s_.size() ? "expected ',' or '}' after an object member"
                                                                    : "this object is never closed");
    }
  }

  bool array(int depth, bool collect, int key_line) {
    const std::size_t open = pos_++;
    const std::size_t path_len = path_.size();
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (std::size_t index = 0;; ++index) {
      path_.resize(path_len);
      path_ += '[' + std::to_string(index) + ']';
      if (!value(depth + 1, collect, key_line)) return false;
      path_.resize(path_len);
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail(pos_ < s_.size() ? pos_ : open, pos_ < s_.size() ? "expected ',' or ']' after an array element"
                                                                    : "this array is never closed");
    }
  }

  bool string_value(bool collect, int key_line) {
    const std::size_t open = pos_;
    // Outside any object, strings are replies: a plain list of quick phrases.
    if (!collect && objects_ > 0) return string_literal(nullptr, nullptr);
    ReplyBuilder builder;
    if (!string_literal(nullptr, &builder)) return false;
    if (bad_escape_) {
      out_.problems.push_back(*bad_escape_);
      bad_escape_.reset();
      return true;
    }
    if (builder.text().find_first_not_of(" \t\r\n") == std::string::npos) return true;
    Reply reply = builder.finish(pos_ - 1);
    reply.first_line = key_line ? key_line : src_.line_of(open);
    reply.last_line = src_.line_of(pos_ - 1);
    reply.where = path_.empty() ? "(top level)" : path_;
    out_.replies.push_back(std::move(reply));
    return true;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool hex4(std::size_t at, char32_t* out) {
    if (at + 6 > s_.size()) return false;
    char32_t v = 0;
    for (std::size_t k = at + 2; k < at + 6; ++k) {
      const int h = hex(s_[k]);
      if (h < 0) return false;
      v = v * 16 + static_cast<char32_t>(h);
    }
    *out = v;
    return true;
  }

  // A string at pos_ (its opening quote); decoded into `key` or `builder` when given.
  bool string_literal(std::string* key, ReplyBuilder* builder) {
    const std::size_t open = pos_++;
    bad_escape_.reset();
    std::string scratch;
    for (;;) {
      if (pos_ >= s_.size()) return fail(open, "this string is never closed");
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return fail(pos_, c == '\n' ? "line break inside a string (write it as \\n)" : "control character inside a string (escape it)");
      if (c != '\\') {
        if (key) key->push_back(static_cast<char>(c));
        if (builder) builder->push(static_cast<char>(c), pos_);
        ++pos_;
        continue;
      }
      const std::size_t esc = pos_;
      if (pos_ + 1 >= s_.size()) return fail(open, "this string is never closed");
      const char e = s_[pos_ + 1];
      char32_t cp = 0;
      std::size_t len = 2;
      switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
          if (!hex4(esc, &cp)) return fail(esc, "\\u must be followed by four hex digits");
          len = 6;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t lo = 0;
            if (esc + 7 < s_.size() && s_[esc + 6] == '\\' && s_[esc + 7] == 'u' && hex4(esc + 6, &lo) && lo >= 0xDC00 &&
                lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              len = 12;
            } else {
              lone_surrogate(esc);
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            lone_surrogate(esc);
            cp = 0xFFFD;
          }
          break;
        }
        default: return fail(esc, std::string("unknown escape \\") + (static_cast<unsigned char>(e) < 0x80 ? std::string(1, e) : std::string("…")));
      }
      scratch.clear();
      append_utf8(scratch, cp);
      if (key) key->append(scratch);
      if (builder) builder->decoded(scratch, esc);
      pos_ += len;
    }
  }

  void lone_surrogate(std::size_t at) {
    if (!bad_escape_) bad_escape_ = Problem{at, "lone UTF-16 surrogate escape (not a character); this reply was not checked"};
  }

  const SourceText& src_;
  const std::string& s_;
  std::size_t pos_;
  const ReadSettings& settings_;
  ReadResult& out_;
  std::string path_;
  int objects_ = 0;
  std::optional<Problem> bad_escape_;
};

}  // namespace

ReadResult read_json(const SourceText& src, const ReadSettings& settings) {
  ReadResult r;
  JsonReader(src, settings, r).run();
  return r;
}

}  // namespace replylint::lint

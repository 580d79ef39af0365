// .yaml/.yml: every scalar under the configured keys (default content, reply, text; all
// scalars in the value of such a key, however deep), every scalar outside any mapping (a plain
// list of replies), or every scalar with keys: ["*"]. yaml-cpp's parser reports events (no
// node tree); yaml_scalar.cpp maps each value back to its source, so spans point inside
// quoted, folded and block scalars. Aliases are not read twice. Comments on lines of their own
// may hold suppressions. A scalar under a question key (`buyer_keys:`, default question, buyer,
// 问题) is not a reply but the buyer's message for the replies of its mapping that have none
// from a nearer one.
//
// yaml-cpp 0.7 can stop making progress on some malformed input (a stray ',' at the top
// level): its parser then reports the same empty document forever, and YAML::LoadAll()
// allocates until the process dies. Documents are read one at a time here, and a document that
// starts where the previous one did is reported as a syntax error.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "readers.hpp"
#include "replylint/tools/yaml_mark.hpp"
#include "yaml_scalar.hpp"

namespace replylint::lint {
namespace {

class Walker final : public YAML::EventHandler {
 public:
  Walker(const SourceText& src, const ReadSettings& settings, ReadResult& out)
      : src_(src), settings_(settings), out_(out) {}

  void OnDocumentStart(const YAML::Mark&) override { stack_.clear(); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark&, YAML::anchor_t) override { leaf(nullptr); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { leaf(nullptr); }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
    if (!stack_.empty() && stack_.back().map && stack_.back().expect_key) {
      Frame& f = stack_.back();
      f.key = value;
      f.key_line = mark.pos >= 0 ? src_.line_of(offset(mark)) : 0;
      f.key_is_reply = !f.in_key && is_reply_key(value, settings_);
      f.key_is_buyer = !f.in_key && is_buyer_key(value, settings_);
      f.expect_key = false;
      return;
    }
    if (!stack_.empty() && stack_.back().map && stack_.back().key_is_buyer) {
      stack_.back().buyer = value;
      advance();
      return;
    }
    const Context c = context();
    if ((c.collect || c.maps == 0) && !c.in_key) scalar(mark, value, c);
    advance();
  }

  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    push(false);
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    push(true);
  }
  void OnMapEnd() override { pop(); }

 private:
  struct Frame {
    bool map = false;
    bool collect = false;  // scalars here are replies
    bool in_key = false;   // a complex key: nothing in it is a reply
    int maps = 0;          // mappings around (and including) this one
    std::string path;
    std::size_t index = 0;
    bool expect_key = true;
    std::string key;
    int key_line = 0;
    bool key_is_reply = false;
    bool key_is_buyer = false;
    std::size_t first_reply = 0;  // the replies read since this mapping started
    std::string buyer;            // the value of its question key
  };
  struct Context {
    bool collect = false, in_key = false;
    int maps = 0, key_line = 0;
    std::string path;
  };

  std::size_t offset(const YAML::Mark& m) const { return tools::yaml_mark_offset(src_.bytes(), m); }

  // Where the node now starting stands.
  Context context() const {
    Context c;
    if (stack_.empty()) return c;
    const Frame& f = stack_.back();
    c.in_key = f.in_key;
    c.maps = f.maps;
    if (f.map) {
      c.collect = f.collect || f.key_is_reply;
      c.key_line = f.key_line;
      c.path = f.path.empty() ? f.key : f.path + "." + f.key;
    } else {
      c.collect = f.collect;
      c.path = f.path + "[" + std::to_string(f.index) + "]";
    }
    return c;
  }

  void advance() {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (f.map) {
      f.expect_key = !f.expect_key;
      if (f.expect_key) f.key_is_reply = f.key_is_buyer = false;
    } else {
      ++f.index;
    }
  }

  void leaf(std::nullptr_t) {
    if (!stack_.empty() && stack_.back().map && stack_.back().expect_key) {
      Frame& f = stack_.back();
      f.key.clear();
      f.key_is_reply = f.key_is_buyer = false;
      f.expect_key = false;
      return;
    }
    advance();
  }

  void push(bool map) {
    Frame f;
    f.map = map;
    if (!stack_.empty() && stack_.back().map && stack_.back().expect_key) {  // a mapping or list as a key
      Frame& parent = stack_.back();
      parent.key = "?";
      parent.key_is_reply = parent.key_is_buyer = false;
      f.in_key = true;
      f.maps = parent.maps + (map ? 1 : 0);
      f.path = parent.path;
    } else {
      const Context c = context();
      f.collect = c.collect;
      f.in_key = c.in_key;
      f.maps = c.maps + (map ? 1 : 0);
      f.path = c.path;
    }
    f.first_reply = out_.replies.size();
    stack_.push_back(std::move(f));
  }

  void pop() {
    if (!stack_.empty() && stack_.back().map)
      for (std::size_t i = stack_.back().first_reply; i < out_.replies.size(); ++i)
        if (out_.replies[i].buyer.empty()) out_.replies[i].buyer = stack_.back().buyer;
    if (!stack_.empty()) stack_.pop_back();
    if (!stack_.empty() && stack_.back().map && stack_.back().expect_key && stack_.back().key == "?") {
      stack_.back().expect_key = false;  // the complex key ended; its value follows
      return;
    }
    advance();
  }

  void scalar(const YAML::Mark& mark, const std::string& value, const Context& c) {
    if (mark.pos < 0) return;
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) return;
    const std::size_t start = offset(mark);
    std::optional<Reply> mapped = map_yaml_scalar(src_.bytes(), start, value);
    Reply reply;
    if (mapped) {
      reply = std::move(*mapped);
    } else {  // could not re-read it: every character points at the scalar's start
      reply.text = value;
      reply.origin.assign(value.size() + 1, static_cast<std::uint32_t>(start));
    }
    const int line = src_.line_of(start);
    reply.first_line = c.key_line ? std::min(c.key_line, line) : line;
    reply.last_line = src_.line_of(reply.origin.back() > start ? reply.origin.back() - 1 : start);
    reply.where = c.path.empty() ? "(top level)" : c.path;
    out_.replies.push_back(std::move(reply));
  }

  const SourceText& src_;
  const ReadSettings& settings_;
  ReadResult& out_;
  std::vector<Frame> stack_;
};

// Records where each document starts, to notice a parser that makes no progress.
class DocumentStart final : public YAML::EventHandler {
 public:
  explicit DocumentStart(YAML::EventHandler& inner) : inner_(inner) {}
  YAML::Mark mark = YAML::Mark::null_mark();
  void OnDocumentStart(const YAML::Mark& m) override {
    mark = m;
    inner_.OnDocumentStart(m);
  }
  void OnDocumentEnd() override { inner_.OnDocumentEnd(); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { inner_.OnNull(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override { inner_.OnAlias(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string& t, YAML::anchor_t a, const std::string& v) override {
    inner_.OnScalar(m, t, a, v);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& t, YAML::anchor_t a, YAML::EmitterStyle::value s) override {
    inner_.OnSequenceStart(m, t, a, s);
  }
  void OnSequenceEnd() override { inner_.OnSequenceEnd(); }
  void OnMapStart(const YAML::Mark& m, const std::string& t, YAML::anchor_t a, YAML::EmitterStyle::value s) override {
    inner_.OnMapStart(m, t, a, s);
  }
  void OnMapEnd() override { inner_.OnMapEnd(); }

 private:
  YAML::EventHandler& inner_;
};

}  // namespace

ReadResult read_yaml(const SourceText& src, const ReadSettings& settings) {
  ReadResult r;
  Walker walker(src, settings, r);
  DocumentStart guard(walker);
  std::istringstream in(src.bytes());
  try {
    YAML::Parser parser(in);
    int last = -2;
    while (parser.HandleNextDocument(guard)) {
      if (guard.mark.pos == last) {
        const std::size_t at = tools::yaml_mark_offset(src.bytes(), guard.mark);
        const char c = at < src.bytes().size() ? src.bytes()[at] : ' ';
        r.replies.clear();
        r.fatal = Problem{at, std::string("YAML: cannot parse from here") +
                                  (c == ',' || c == ']' || c == '}' ? std::string(" (a stray '") + c + "')" : "")};
        return r;
      }
      last = guard.mark.pos;
    }
  } catch (const YAML::Exception& e) {
    r.replies.clear();
    r.fatal = Problem{tools::yaml_mark_offset(src.bytes(), e.mark), "YAML: " + e.msg};
    return r;
  }

  // Comments on lines of their own, unless they are inside a multi-line scalar.
  std::vector<bool> inside(src.line_count() + 2, false);
  for (const Reply& reply : r.replies)
    for (int n = reply.first_line + 1; n <= reply.last_line; ++n) inside[static_cast<std::size_t>(n)] = true;
  for (int n = 1; n <= static_cast<int>(src.line_count()); ++n) {
    const std::string_view line = src.line_text(n);
    const std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line[i] != '#') continue;
    if (inside[static_cast<std::size_t>(n)]) continue;
    std::size_t b = i + 1;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t' || line[b] == '#')) ++b;
    std::size_t e = line.size();
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    const std::size_t start = static_cast<std::size_t>(line.data() - src.bytes().data());
    r.comment_lines.push_back(n);
    r.comments.push_back({n, start + b, std::string(line.substr(b, e - b))});
  }
  return r;
}

}  // namespace replylint::lint

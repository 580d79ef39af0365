// JSON for programs: `jsonl` is one object per reply, in input order, written as each reply is
// checked; `json` is one document holding the same objects and the totals. Fields are listed
// in the README. Written straight into the output buffer (json_writer.hpp), with no allocation
// per reply.
#include "json_record.hpp"
#include "printer.hpp"

namespace replylint::cli {

// One violation's fields, in the order the README lists them. A field is one line here.
void violation(JsonWriter& w, const Violation& v, std::string_view shown) {
  const std::size_t from = byte_of_char(shown, v.char_start), to = byte_of_char(shown, v.char_end);
  w.begin_object();
  w.field("rule", v.rule);
  w.field("pack", v.pack);
  w.field("title", v.title);
  w.field("points", v.points);
  w.field("platform_rule", v.platform_rule);
  w.field("counted", v.counted);
  w.field("start", v.start);
  w.field("end", v.end);
  w.field("char_start", v.char_start);
  w.field("char_end", v.char_end);
  w.field("text", shown.substr(from, to - from));
  w.field("message", v.message);
  w.field("suggestion", v.suggestion);
  w.end_object();
}

void record(JsonWriter& w, std::size_t number, std::string_view shown, const Result<Report>& result) {
  w.begin_object();
  w.field("line", number);
  w.field("points", result ? result->points : 0);
  if (result && result->invalid_utf8) w.field("invalid_utf8", true);
  w.key("violations");
  w.begin_array();
  if (result)
    for (const Violation& v : result->violations) violation(w, v, shown);
  w.end_array();
  if (!result) w.field("error", result.error().message);
  w.end_object();
}

namespace {

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(bool one_per_line) : one_per_line_(one_per_line) {}

  void reply(std::string& out, std::size_t number, bool first, std::string_view shown, std::string_view,
             const Result<Report>& result) const override {
    if (one_per_line_) {
      JsonWriter w(out, -1);
      record(w, number, shown, result);
      out += '\n';
      return;
    }
    // An element of the document's "replies" array, which finish() closes.
    out += first ? "{\n  \"replies\": [" : ",";
    JsonWriter w(out, 2, 2);
    record(w, number, shown, result);
  }

  void finish(std::string& out, const Totals& t) const override {
    if (one_per_line_) return;
    out += t.replies == 0 ? "{\n  \"replies\": []," : "\n  ],";
    JsonWriter w(out, 2, 1);
    w.field("checked", t.replies);
    w.field("flagged", t.flagged);
    w.field("errors", t.errors);
    w.field("points", t.points);
    out += "\n}\n";
  }

 private:
  bool one_per_line_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(bool one_per_line) { return std::make_unique<JsonPrinter>(one_per_line); }

}  // namespace replylint::cli

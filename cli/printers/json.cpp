// `--format json` and `--format jsonl`, for programs; fields in the README.
// check: `jsonl` is one object per reply, in input order, written as each reply is checked;
// `json` is one document holding the same objects and the totals. Written straight into the
// output buffer (json_writer.hpp), with no allocation per reply.
// lint: `jsonl` is one object per line, in file order: each finding ("type": "violation",
// "error" or "unused-suppression"), a "file" record per linted file, then one "summary";
// `json` is one document, {"files": [{file, format, encoding, replies, findings: […]}],
// "summary"}. "encoding": what a text file was read as; a finding in a workbook has "cell"
// ("售前!B7") in place of line and column.
#include <nlohmann/json.hpp>

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
  record(w, number, shown, result ? &*result : nullptr, result ? std::string_view() : result.error().message);
}

void record(JsonWriter& w, std::size_t number, std::string_view shown, const Report* report, std::string_view error) {
  w.begin_object();
  w.field("line", number);
  w.field("points", report ? report->points : 0);
  if (report && report->invalid_utf8) w.field("invalid_utf8", true);
  w.key("violations");
  w.begin_array();
  if (report)
    for (const Violation& v : report->violations) violation(w, v, shown);
  w.end_array();
  if (!report) w.field("error", error);
  w.end_object();
}

namespace {

using nlohmann::ordered_json;

ordered_json finding_json(const Group& g, const Finding& f) {
  ordered_json j;
  switch (f.kind) {
    case Finding::Kind::kViolation: j["type"] = "violation"; break;
    case Finding::Kind::kError: j["type"] = "error"; break;
    case Finding::Kind::kUnusedSuppression: j["type"] = "unused-suppression"; break;
  }
  j["file"] = g.path;
  if (f.line > 0) j["line"] = f.line;
  if (f.column > 0) j["column"] = f.column;
  if (const std::string_view cell = cell_of(f); !cell.empty()) j["cell"] = cell;
  if (f.kind == Finding::Kind::kViolation) {
    const Violation& v = *f.violation;
    const ShownReply& reply = *f.reply;
    if (f.line > 0) {
      j["end_line"] = f.end_line;
      j["end_column"] = f.end_column;
    }
    j["rule"] = v.rule;
    j["pack"] = v.pack;
    j["title"] = v.title;
    j["points"] = v.points;
    j["platform_rule"] = v.platform_rule;
    j["counted"] = v.counted;
    j["reply_points"] = reply.report->points;
    j["fails"] = reply.fails;
    const std::size_t from = byte_of_char(reply.text, v.char_start), to = byte_of_char(reply.text, v.char_end);
    j["text"] = reply.text.substr(from, to - from);
    if (!reply.where.empty()) j["where"] = reply.where;
    if (!reply.buyer.empty()) j["buyer"] = one_line(reply.buyer);
    j["hash"] = reply.hash;
    j["message"] = v.message;
    j["suggestion"] = v.suggestion;
  } else {
    if (!f.rule.empty()) j["rule"] = f.rule;
    j["message"] = f.message;
  }
  return j;
}

ordered_json summary_json(const Summary& s) {
  ordered_json j;
  j["files"] = s.files;
  j["replies"] = s.replies;
  j["flagged"] = s.flagged;
  j["failing"] = s.failing;
  j["hidden"] = s.hidden;
  j["points"] = s.points;
  j["suppressed"] = s.suppressed;
  j["unused_suppressions"] = s.unused;
  j["errors"] = s.errors;
  if (s.fail_on > 0) j["fail_on"] = s.fail_on;
  if (s.min_points > 0) j["min_points"] = s.min_points;
  return j;
}

std::string dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

class JsonPrinter final : public Printer {
 public:
  JsonPrinter(Source source, bool one_per_line) : source_(source), one_per_line_(one_per_line) {}

  // lint's `json` gathers its files into one document.
  bool concurrent() const override { return source_ != Source::kFile || one_per_line_; }

  void group(std::string& out, const Group& g, bool first) override {
    if (g.source == Source::kFile) file(out, g);
    else reply(out, *g.reply, first);
  }

  void finish(std::string& out, const Summary& s, const std::vector<RuleInfo>&) override {
    if (s.source != Source::kFile) return totals(out, s);
    ordered_json sum = summary_json(s);
    if (one_per_line_) {
      ordered_json j{{"type", "summary"}};
      j.update(sum);
      out += dump(j, -1) + '\n';
      return;
    }
    ordered_json doc;
    doc["files"] = std::move(files_);
    doc["summary"] = std::move(sum);
    out += dump(doc, 2) + '\n';
  }

 private:
  void reply(std::string& out, const ShownReply& r, bool first) const {
    if (one_per_line_) {
      JsonWriter w(out, -1);
      record(w, r.number, r.text, r.report, r.error);
      out += '\n';
      return;
    }
    // An element of the document's "replies" array, which totals() closes.
    out += first ? "{\n  \"replies\": [" : ",";
    JsonWriter w(out, 2, 2);
    record(w, r.number, r.text, r.report, r.error);
  }

  void totals(std::string& out, const Summary& t) const {
    if (one_per_line_) return;
    out += t.replies == 0 ? "{\n  \"replies\": []," : "\n  ],";
    JsonWriter w(out, 2, 1);
    w.field("checked", t.replies);
    w.field("flagged", t.flagged);
    w.field("errors", t.errors);
    w.field("points", t.points);
    out += "\n}\n";
  }

  void file(std::string& out, const Group& g) {
    if (one_per_line_) {
      for (const Finding& f : g.findings) out += dump(finding_json(g, f), -1) + '\n';
      if (!g.format.empty()) {
        ordered_json j{{"type", "file"}, {"file", g.path}, {"format", g.format}};
        if (!g.encoding.empty()) j["encoding"] = g.encoding;
        j["replies"] = g.replies;
        out += dump(j, -1) + '\n';
      }
      return;
    }
    ordered_json file;
    file["file"] = g.path;
    if (!g.format.empty()) {
      file["format"] = g.format;
      if (!g.encoding.empty()) file["encoding"] = g.encoding;
      file["replies"] = g.replies;
    }
    ordered_json list = ordered_json::array();
    for (const Finding& f : g.findings) {
      ordered_json j = finding_json(g, f);
      j.erase("file");
      list.push_back(std::move(j));
    }
    file["findings"] = std::move(list);
    files_.push_back(std::move(file));
  }

  Source source_;
  bool one_per_line_;
  ordered_json files_ = ordered_json::array();
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(Source source) { return std::make_unique<JsonPrinter>(source, false); }
std::unique_ptr<Printer> make_jsonl_printer(Source source) { return std::make_unique<JsonPrinter>(source, true); }

}  // namespace replylint::cli

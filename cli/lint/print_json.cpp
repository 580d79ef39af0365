// `--format jsonl`: one object per line, in file order: each finding ("type": "violation",
// "error" or "unused-suppression"), then a "file" record per linted file, then one "summary".
// `--format json`: one document, {"files": [{file, format, encoding, replies, findings: […]}],
// "summary"}. "encoding": what a text file was read as (decode.hpp); a finding in a workbook
// has "cell" ("售前!B7") in place of line and column.
// Fields: README, "replylint lint".
#include <nlohmann/json.hpp>

#include "findings.hpp"

namespace replylint::cli::lint {
namespace {

using nlohmann::ordered_json;

ordered_json finding_json(const std::string& path, const Finding& f) {
  ordered_json j;
  switch (f.kind) {
    case Finding::Kind::kViolation: j["type"] = "violation"; break;
    case Finding::Kind::kError: j["type"] = "error"; break;
    case Finding::Kind::kUnusedSuppression: j["type"] = "unused-suppression"; break;
  }
  j["file"] = path;
  if (f.line > 0) j["line"] = f.line;
  if (f.column > 0) j["column"] = f.column;
  if (!f.cell.empty()) j["cell"] = f.cell;
  if (f.kind == Finding::Kind::kViolation) {
    if (f.line > 0) {
      j["end_line"] = f.end_line;
      j["end_column"] = f.end_column;
    }
    j["rule"] = f.rule;
    j["pack"] = f.pack;
    j["title"] = f.title;
    j["points"] = f.points;
    j["reply_points"] = f.reply_points;
    j["fails"] = f.fails;
    j["text"] = f.text;
    if (!f.where.empty()) j["where"] = f.where;
    if (!f.buyer.empty()) j["buyer"] = f.buyer;
    j["hash"] = f.hash;
    j["message"] = f.message;
    j["suggestion"] = f.suggestion;
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

class JsonPrinter final : public LintPrinter {
 public:
  JsonPrinter(Output& out, bool one_per_line) : out_(out), one_per_line_(one_per_line) {}

  void file(const FileResult& r) override {
    if (one_per_line_) {
      for (const Finding& f : r.findings) out_ << dump(finding_json(r.path, f), -1) << '\n';
      if (!r.format.empty()) {
        ordered_json j{{"type", "file"}, {"file", r.path}, {"format", r.format}};
        if (!r.encoding.empty()) j["encoding"] = r.encoding;
        j["replies"] = r.replies;
        out_ << dump(j, -1) << '\n';
      }
      return;
    }
    ordered_json file;
    file["file"] = r.path;
    if (!r.format.empty()) {
      file["format"] = r.format;
      if (!r.encoding.empty()) file["encoding"] = r.encoding;
      file["replies"] = r.replies;
    }
    ordered_json list = ordered_json::array();
    for (const Finding& f : r.findings) {
      ordered_json j = finding_json(r.path, f);
      j.erase("file");
      list.push_back(std::move(j));
    }
    file["findings"] = std::move(list);
    files_.push_back(std::move(file));
  }

  void finish(const Summary& s, const std::vector<RuleInfo>&) override {
    ordered_json sum = summary_json(s);
    if (one_per_line_) {
      ordered_json j{{"type", "summary"}};
      j.update(sum);
      out_ << dump(j, -1) << '\n';
      return;
    }
    ordered_json doc;
    doc["files"] = std::move(files_);
    doc["summary"] = std::move(sum);
    out_ << dump(doc, 2) << '\n';
  }

 private:
  Output& out_;
  bool one_per_line_;
  ordered_json files_ = ordered_json::array();
};

}  // namespace

std::unique_ptr<LintPrinter> make_lint_json_printer(Output& out, bool one_per_line) {
  return std::make_unique<JsonPrinter>(out, one_per_line);
}

}  // namespace replylint::cli::lint

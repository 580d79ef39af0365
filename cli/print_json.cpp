// JSON for programs: `jsonl` is one object per reply, in input order, written as each reply is
// checked; `json` is one document holding the same objects and the totals. Fields are listed
// in the README.
#include <nlohmann/json.hpp>

#include "json_record.hpp"
#include "printer.hpp"

namespace replylint::cli {

using nlohmann::ordered_json;

ordered_json record(std::size_t number, std::string_view shown, const Result<Report>& result) {
  ordered_json rec;
  rec["line"] = number;
  if (!result) {
    rec["points"] = 0;
    rec["violations"] = ordered_json::array();
    rec["error"] = result.error().message;
    return rec;
  }
  const Report& r = *result;
  rec["points"] = r.points;
  if (r.invalid_utf8) rec["invalid_utf8"] = true;
  ordered_json list = ordered_json::array();
  for (const Violation& v : r.violations) {
    list.push_back({{"rule", v.rule},
                    {"pack", v.pack},
                    {"title", v.title},
                    {"points", v.points},
                    {"platform_rule", v.platform_rule},
                    {"counted", v.counted},
                    {"start", v.start},
                    {"end", v.end},
                    {"char_start", v.char_start},
                    {"char_end", v.char_end},
                    {"text", std::string(shown.substr(byte_of_char(shown, v.char_start),
                                                      byte_of_char(shown, v.char_end) -
                                                          byte_of_char(shown, v.char_start)))},
                    {"message", v.message},
                    {"suggestion", v.suggestion}});
  }
  rec["violations"] = std::move(list);
  return rec;
}

namespace {

class JsonPrinter final : public Printer {
 public:
  JsonPrinter(Output& out, bool one_per_line) : out_(out), one_per_line_(one_per_line) {}

  void reply(std::size_t number, std::string_view shown, std::string_view, const Result<Report>& result) override {
    ordered_json rec = record(number, shown, result);
    if (one_per_line_) out_ << rec.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    else all_.push_back(std::move(rec));
  }

  void finish(const Totals& t) override {
    if (one_per_line_) return;
    ordered_json doc;
    doc["replies"] = std::move(all_);
    doc["checked"] = t.replies;
    doc["flagged"] = t.flagged;
    doc["errors"] = t.errors;
    doc["points"] = t.points;
    out_ << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }

 private:
  Output& out_;
  bool one_per_line_;
  ordered_json all_ = ordered_json::array();
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(Output& out, bool one_per_line) {
  return std::make_unique<JsonPrinter>(out, one_per_line);
}

}  // namespace replylint::cli

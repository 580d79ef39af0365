// Every output format of `check` and `lint`, by name. A new format is a file in this folder
// defining its make_*_printer, and one line below.
#include "printer.hpp"

namespace replylint::cli {

std::unique_ptr<Printer> make_text_printer(Source source);
std::unique_ptr<Printer> make_json_printer(Source source);
std::unique_ptr<Printer> make_jsonl_printer(Source source);
std::unique_ptr<Printer> make_sarif_printer(Source source);
std::unique_ptr<Printer> make_github_printer(Source source);
std::unique_ptr<Printer> make_junit_printer(Source source);

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> all = {
      {"text", "for people: each violation with the reply around it, marked [[like this]] (default)", make_text_printer},
      {"json", "one JSON document", make_json_printer},
      {"jsonl", "one JSON object per line, in input order", make_jsonl_printer},
      {"sarif", "SARIF 2.1.0, for code scanning", make_sarif_printer},
      {"github", "GitHub Actions workflow annotations", make_github_printer},
      {"junit", "JUnit XML, for CI test reports", make_junit_printer},
  };
  return all;
}

const FormatInfo* find_format(std::string_view name) {
  for (const FormatInfo& f : formats())
    if (name == f.name) return &f;
  return nullptr;
}

}  // namespace replylint::cli

// Every output format of `check` and `lint`, by name: a new format is a file in this folder
// that defines make_NAME_printer(Source), and its line below.
#include "printer.hpp"

namespace replylint::cli {

// One line per format: its name, its --help, and its printer (declared here, in the line, so
// that the line is all a new format adds).
#define REPLYLINT_FORMAT(name, help)                                          \
  FormatInfo {                                                                \
    #name, help, [](Source source) {                                          \
      std::unique_ptr<Printer> make_##name##_printer(Source);                 \
      return make_##name##_printer(source);                                   \
    }                                                                         \
  }

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> all = {
      REPLYLINT_FORMAT(text, "for people: each violation with the reply around it, marked [[like this]] (default)"),
      REPLYLINT_FORMAT(json, "one JSON document"),
      REPLYLINT_FORMAT(jsonl, "one JSON object per line, in input order"),
      REPLYLINT_FORMAT(sarif, "SARIF 2.1.0, for code scanning"),
      REPLYLINT_FORMAT(github, "GitHub Actions workflow annotations"),
      REPLYLINT_FORMAT(junit, "JUnit XML, for CI test reports"),
  };
  return all;
}

#undef REPLYLINT_FORMAT

const FormatInfo* find_format(std::string_view name) {
  for (const FormatInfo& f : formats())
    if (name == f.name) return &f;
  return nullptr;
}

}  // namespace replylint::cli

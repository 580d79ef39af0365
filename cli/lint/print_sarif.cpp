// `--format sarif`: one SARIF 2.1.0 log (validated against the OASIS schema by the tests):
// every rule of the packs used in tool.driver.rules with its help text and points, a result per
// violation and per unused suppression, columns in Unicode code points (run.columnKind),
// partialFingerprints from the reply's hash (stable while the reply's text is), and errors as
// tool execution notifications. run.defaultEncoding is UTF-8; a file read in another encoding
// is listed in run.artifacts with its encoding. A finding in a workbook has its cell
// ("售前!B7") as a logical location and no region.
#include <nlohmann/json.hpp>

#include <map>

#include "findings.hpp"

#ifndef REPLYLINT_VERSION
#define REPLYLINT_VERSION "unknown"
#endif

namespace replylint::cli::lint {
namespace {

using nlohmann::ordered_json;

// A path as a URI reference: relative paths stay relative (to %SRCROOT%), absolute ones become
// file:// URIs; everything but unreserved characters and '/' is percent-encoded.
std::string uri_for(const std::string& path, bool* absolute) {
  *absolute = !path.empty() && path[0] == '/';
  std::string out = *absolute ? "file://" : "";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

ordered_json physical(const std::string& path, const Finding& f) {
  bool absolute = false;
  ordered_json loc;
  loc["artifactLocation"]["uri"] = uri_for(path, &absolute);
  if (!absolute) loc["artifactLocation"]["uriBaseId"] = "%SRCROOT%";
  if (f.line > 0) {
    ordered_json region;
    region["startLine"] = f.line;
    if (f.column > 0) region["startColumn"] = f.column;
    if (f.end_line > 0) {
      region["endLine"] = f.end_line;
      region["endColumn"] = f.end_column;
    }
    if (f.kind == Finding::Kind::kViolation) region["snippet"]["text"] = f.text;
    loc["region"] = std::move(region);
  }
  return loc;
}

class SarifPrinter final : public LintPrinter {
 public:
  explicit SarifPrinter(Output& out) : out_(out) {}

  void file(const FileResult& r) override {
    if (decoded(r)) {
      ordered_json a;
      bool absolute = false;
      a["location"]["uri"] = uri_for(r.path, &absolute);
      if (!absolute) a["location"]["uriBaseId"] = "%SRCROOT%";
      a["encoding"] = r.encoding;
      artifacts_.push_back(std::move(a));
    }
    for (const Finding& f : r.findings) {
      if (f.kind == Finding::Kind::kError) {
        ordered_json n;
        n["level"] = "error";
        n["message"]["text"] = f.message;
        n["locations"] = ordered_json::array({{{"physicalLocation", physical(r.path, f)}}});
        notifications_.push_back(std::move(n));
        continue;
      }
      ordered_json res;
      if (f.kind == Finding::Kind::kUnusedSuppression) {
        res["ruleId"] = kUnusedRule;
        res["level"] = "error";
        res["message"]["text"] = f.message;
      } else {
        res["ruleId"] = f.rule;
        res["level"] = f.fails ? "error" : "warning";
        res["message"]["text"] = f.title + " (" + std::to_string(f.points) + " points): " + f.before + "[[" + f.text +
                                 "]]" + f.after + "\n违规: " + f.message + "\n建议: " + f.suggestion;
      }
      ordered_json location;
      location["physicalLocation"] = physical(r.path, f);
      if (!f.cell.empty())  // a workbook's cell: its place, as Excel writes it
        location["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", f.cell}, {"kind", "element"}}});
      else if (!f.where.empty())
        location["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", f.where}}});
      res["locations"] = ordered_json::array({std::move(location)});
      if (f.kind == Finding::Kind::kViolation) {
        res["partialFingerprints"]["replyHash/v1"] = f.hash;
        res["properties"]["points"] = f.points;
        res["properties"]["replyPoints"] = f.reply_points;
      }
      results_.push_back(std::move(res));
    }
  }

  void finish(const Summary& s, const std::vector<RuleInfo>& rules) override {
    ordered_json driver;
    driver["name"] = "replylint";
    driver["semanticVersion"] = REPLYLINT_VERSION;
    ordered_json list = ordered_json::array();
    std::map<std::string, int> index;
    for (const RuleInfo& r : rules) {
      ordered_json rule;
      rule["id"] = r.id;
      rule["shortDescription"]["text"] = r.title;
      rule["fullDescription"]["text"] = r.message;
      rule["help"]["text"] = "建议: " + r.suggestion + "\n来源: " + r.source + "\n(replylint explain " + r.id + ")";
      rule["defaultConfiguration"]["level"] = "error";
      rule["properties"]["points"] = r.points;
      rule["properties"]["pack"] = r.pack;
      index[r.id] = static_cast<int>(list.size());
      list.push_back(std::move(rule));
    }
    {
      ordered_json rule;
      rule["id"] = kUnusedRule;
      rule["shortDescription"]["text"] = "A suppression that suppresses nothing";
      rule["fullDescription"]["text"] =
          "A replylint-disable-next-line comment or an ignore-file entry did not match any violation: the reply was "
          "fixed or edited, or the comment is in the wrong place.";
      rule["help"]["text"] = "Remove the suppression, or move it to the line before the reply it is for.";
      rule["defaultConfiguration"]["level"] = "error";
      index[kUnusedRule] = static_cast<int>(list.size());
      list.push_back(std::move(rule));
    }
    for (ordered_json& res : results_) {
      const auto it = index.find(res["ruleId"].get<std::string>());
      if (it != index.end()) {
        ordered_json copy;
        for (auto& [k, v] : res.items()) {
          copy[k] = v;
          if (k == "ruleId") copy["ruleIndex"] = it->second;
        }
        res = std::move(copy);
      }
    }
    driver["rules"] = std::move(list);
    ordered_json run;
    run["tool"]["driver"] = std::move(driver);
    ordered_json invocation;
    invocation["executionSuccessful"] = s.errors == 0;
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = std::move(notifications_);
    run["invocations"] = ordered_json::array({std::move(invocation)});
    if (!artifacts_.empty()) run["artifacts"] = std::move(artifacts_);
    run["defaultEncoding"] = "UTF-8";
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results_);
    ordered_json log;
    log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = ordered_json::array({std::move(run)});
    out_ << log.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }

 private:
  Output& out_;
  ordered_json results_ = ordered_json::array();
  ordered_json notifications_ = ordered_json::array();
  ordered_json artifacts_ = ordered_json::array();  // files read in another encoding than UTF-8
};

}  // namespace

std::unique_ptr<LintPrinter> make_lint_sarif_printer(Output& out) { return std::make_unique<SarifPrinter>(out); }

}  // namespace replylint::cli::lint

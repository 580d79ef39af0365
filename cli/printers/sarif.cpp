// `--format sarif`: one SARIF 2.1.0 log (validated against the OASIS schema by the tests):
// every rule of the packs used in tool.driver.rules with its help text and points, a result per
// violation and per unused suppression, columns in Unicode code points (run.columnKind),
// partialFingerprints from the reply's hash (stable while the reply's text is), and errors as
// tool execution notifications. run.defaultEncoding is UTF-8; a file read in another encoding
// is listed in run.artifacts with its encoding. A finding in a workbook has its cell
// ("售前!B7") as a logical location and no region.
#include <nlohmann/json.hpp>

#include <map>

#include "printer.hpp"

#ifndef REPLYLINT_VERSION
#define REPLYLINT_VERSION "unknown"
#endif

namespace replylint::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::size_t kContext = 20;  // characters of the reply on each side of a span

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

// Where a finding is, as SARIF puts it. A file's place is a physical location (relative paths
// against %SRCROOT%); a line of `check`'s standard input has no file to name, only a
// description; a `check` argument has only its name, as a logical location.
ordered_json location_of(const Group& g, const Finding& f) {
  ordered_json loc;
  const std::string_view cell = cell_of(f);
  if (g.source == Source::kFile || g.source == Source::kLine || g.source == Source::kJsonLine) {
    ordered_json physical;
    if (g.source == Source::kFile) {
      bool absolute = false;
      physical["artifactLocation"]["uri"] = uri_for(g.path, &absolute);
      if (!absolute) physical["artifactLocation"]["uriBaseId"] = "%SRCROOT%";
    } else {
      physical["artifactLocation"]["description"]["text"] = "standard input";
    }
    if (f.line > 0) {
      ordered_json region;
      region["startLine"] = f.line;
      if (f.column > 0) region["startColumn"] = f.column;
      if (f.end_line > 0 && f.end_column > 0) {
        region["endLine"] = f.end_line;
        region["endColumn"] = f.end_column;
      }
      if (f.kind == Finding::Kind::kViolation) region["snippet"]["text"] = snippet(f.reply->text, *f.violation, 0, false).text;
      physical["region"] = std::move(region);
    }
    loc["physicalLocation"] = std::move(physical);
  }
  if (!cell.empty())  // a workbook's cell: its place, as Excel writes it
    loc["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", cell}, {"kind", "element"}}});
  else if (f.reply && !f.reply->where.empty())
    loc["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", f.reply->where}}});
  else if (g.source == Source::kReply)
    loc["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", location(g, f)}}});
  return loc;
}

class SarifPrinter final : public Printer {
 public:
  void group(std::string&, const Group& g, bool) override {
    if (decoded(g)) {
      ordered_json a;
      bool absolute = false;
      a["location"]["uri"] = uri_for(g.path, &absolute);
      if (!absolute) a["location"]["uriBaseId"] = "%SRCROOT%";
      a["encoding"] = g.encoding;
      artifacts_.push_back(std::move(a));
    }
    for (const Finding& f : g.findings) {
      if (f.kind == Finding::Kind::kError) {
        ordered_json n;
        n["level"] = "error";
        n["message"]["text"] = g.source == Source::kFile ? f.message : location(g, f) + ": " + f.message;
        ordered_json loc = location_of(g, f);
        if (loc.contains("physicalLocation")) {
          ordered_json only;
          only["physicalLocation"] = std::move(loc["physicalLocation"]);
          n["locations"] = ordered_json::array({std::move(only)});
        }
        notifications_.push_back(std::move(n));
        continue;
      }
      ordered_json res;
      if (f.kind == Finding::Kind::kUnusedSuppression) {
        res["ruleId"] = kUnusedRule;
        res["level"] = "error";
        res["message"]["text"] = f.message;
      } else {
        const Violation& v = *f.violation;
        const Snippet s = snippet(f.reply->text, v, kContext, true);
        res["ruleId"] = v.rule;
        res["level"] = f.reply->fails ? "error" : "warning";
        res["message"]["text"] = v.title + " (" + std::to_string(v.points) + " points): " + s.before + "[[" +
                                 std::string(s.text) + "]]" + s.after + "\n违规: " + v.message + "\n建议: " + v.suggestion;
      }
      res["locations"] = ordered_json::array({location_of(g, f)});
      if (f.kind == Finding::Kind::kViolation) {
        const ShownReply& reply = *f.reply;
        if (!reply.hash.empty()) res["partialFingerprints"]["replyHash/v1"] = reply.hash;
        res["properties"]["points"] = f.violation->points;
        res["properties"]["replyPoints"] = reply.report->points;
        if (!f.violation->counted) res["properties"]["counted"] = false;
        // The question the reply answers: a rule may fire only because of it.
        if (!reply.buyer.empty()) res["properties"]["buyer"] = one_line(reply.buyer);
      }
      results_.push_back(std::move(res));
    }
  }

  void finish(std::string& out, const Summary& s, const std::vector<RuleInfo>& rules) override {
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
    if (s.source == Source::kFile) {  // only lint has suppressions
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
    out += log.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
  }

 private:
  ordered_json results_ = ordered_json::array();
  ordered_json notifications_ = ordered_json::array();
  ordered_json artifacts_ = ordered_json::array();  // files read in another encoding than UTF-8
};

}  // namespace

std::unique_ptr<Printer> make_sarif_printer(Source) { return std::make_unique<SarifPrinter>(); }

}  // namespace replylint::cli

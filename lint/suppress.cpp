#include "suppress.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "config.hpp"
#include "replylint/tools/yaml_mark.hpp"

namespace replylint::lint {
namespace fs = std::filesystem;
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

bool is_hex16(const std::string& s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::vector<Directive> parse_directives(const SourceText& src, const ReadResult& read, const Engine& engine,
                                        std::vector<Problem>& problems) {
  std::vector<Directive> out;
  const std::set<int> comment_lines(read.comment_lines.begin(), read.comment_lines.end());
  const std::string_view marker = kDirective;
  for (const Comment& c : read.comments) {
    const std::string_view body = c.body;
    if (body.substr(0, 10) != "replylint-") continue;
    const std::size_t word_end = std::min(body.find_first_of(" \t"), body.size());
    if (body.substr(0, word_end) != marker) {
      problems.push_back({c.offset, "unknown directive '" + std::string(body.substr(0, word_end)) +
                                        "' (write: replylint-disable-next-line RULE -- reason)"});
      continue;
    }
    Directive d;
    d.line = c.line;
    d.offset = c.offset;
    const std::string_view rest = body.substr(word_end);
    const std::size_t dashes = rest.find("--");
    const std::string rules = trim(rest.substr(0, dashes));
    d.reason = dashes == std::string_view::npos ? "" : trim(rest.substr(dashes + 2));
    if (rules.empty()) {
      problems.push_back({c.offset, "a suppression names the rule it suppresses: replylint-disable-next-line RULE -- reason"});
      continue;
    }
    if (d.reason.empty()) {
      problems.push_back({c.offset, "a suppression needs a reason: replylint-disable-next-line " + rules +
                                        " -- why this reply is acceptable"});
      continue;
    }
    bool ok = true;
    std::size_t from = 0;
    while (from <= rules.size()) {
      std::size_t comma = rules.find(',', from);
      if (comma == std::string::npos) comma = rules.size();
      const std::string id = trim(std::string_view(rules).substr(from, comma - from));
      from = comma + 1;
      if (id.empty()) continue;
      if (!engine.find_rule(id)) {
        problems.push_back({c.offset, "unknown rule '" + id + "' in a suppression (replylint rules list shows every rule)"});
        ok = false;
        break;
      }
      d.rules.push_back(id);
    }
    if (!ok) continue;
    d.used.assign(d.rules.size(), false);
    for (int n = c.line + 1; n <= static_cast<int>(src.line_count()); ++n) {
      if (comment_lines.count(n)) continue;
      if (src.line_text(n).find_first_not_of(" \t") == std::string_view::npos) continue;
      d.target = n;
      break;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<IgnoreFile> load_ignore_file(const fs::path& path, const Engine& engine) {
  IgnoreFile f;
  f.path = path;
  f.shown = shown_path(path);
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return f;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const SourceText src(ss.str());
  auto error = [&](const YAML::Mark& m, std::string msg) {
    Error e;
    e.code = ErrorCode::kSchema;
    e.file = f.shown;
    e.message = std::move(msg);
    const auto p = tools::yaml_mark_position(src.bytes(), m);
    e.line = p.line;
    e.column = p.column;
    return e;
  };
  YAML::Node root;
  try {
    root = YAML::Load(src.bytes());
  } catch (const YAML::Exception& e) {
    return error(e.mark, "YAML: " + e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) return f;
  if (!root.IsSequence())
    return error(root.Mark(), "an ignore file is a list of entries: - {file: …, rule: …, hash: …, reason: …}");
  for (const YAML::Node& item : root) {
    if (!item.IsMap()) return error(item.Mark(), "each entry is a mapping with file, rule, hash and reason");
    IgnoreEntry e;
    const auto p = tools::yaml_mark_position(src.bytes(), item.Mark());
    e.line = p.line;
    e.column = p.column;
    for (const auto& kv : item) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (!kv.second.IsScalar()) return error(kv.second.Mark(), "'" + key + "' must be a string");
      const std::string value = kv.second.Scalar();
      if (key == "file") e.file = fs::path(value).lexically_normal().generic_string();
      else if (key == "rule") e.rule = value;
      else if (key == "hash") e.hash = value;
      else if (key == "reason") e.reason = trim(value);
      else return error(kv.first.Mark(), "unknown key '" + key + "' (known: file, rule, hash, reason)");
    }
    if (e.file.empty() || e.rule.empty() || e.hash.empty())
      return error(item.Mark(), "an entry needs file, rule, hash and reason");
    if (e.reason.empty()) return error(item.Mark(), "an entry needs a reason: why this reply is acceptable");
    if (!is_hex16(e.hash))
      return error(item.Mark(), "'hash' is the 16 hex digits replylint prints with the finding");
    if (!engine.find_rule(e.rule))
      return error(item.Mark(), "unknown rule '" + e.rule + "' (replylint rules list shows every rule)");
    f.by_file[e.file].push_back(f.entries.size());
    f.entries.push_back(std::move(e));
  }
  return f;
}

}  // namespace replylint::lint

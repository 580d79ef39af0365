#include "config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "decode.hpp"
#include "source.hpp"
#include "replylint/tools/yaml_mark.hpp"

namespace replylint::lint {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kKeys = {"packs",   "pack_dirs", "builtin_packs", "disable", "points",     "exclude",
                                        "columns", "keys",      "markdown",      "encoding",   "fail_on",
                                        "ignore_file", "buyer_columns", "buyer_keys"};

class ConfigParser {
 public:
  ConfigParser(std::string text, std::string shown) : src_(std::move(text)), shown_(std::move(shown)) {}

  Error error(const YAML::Mark& m, std::string msg) const {
    Error e;
    e.code = ErrorCode::kSchema;
    e.message = std::move(msg);
    e.file = shown_;
    const auto p = where(m);
    e.line = p.line;
    e.column = p.column;
    return e;
  }

  tools::TextPosition where(const YAML::Mark& m) const { return tools::yaml_mark_position(src_.bytes(), m); }

  std::optional<Error> strings(const YAML::Node& n, const std::string& key, std::vector<std::string>& out,
                               std::vector<YAML::Mark>* marks = nullptr) const {
    if (!n.IsSequence()) return error(n.Mark(), "'" + key + "' must be a list of strings");
    for (const YAML::Node& item : n) {
      if (!item.IsScalar() || item.Scalar().empty())
        return error(item.Mark(), "'" + key + "' must be a list of non-empty strings");
      out.push_back(item.Scalar());
      if (marks) marks->push_back(item.Mark());
    }
    return std::nullopt;
  }

  std::optional<Error> integer(const YAML::Node& n, const std::string& what, int lo, int hi, int& out) const {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      if (!s.empty() && s.size() < 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        out = std::stoi(s);
        if (out >= lo && out <= hi) return std::nullopt;
      }
    }
    return error(n.Mark(), what + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }

  std::optional<Error> encoding_name(const YAML::Node& n, std::string& out) const {
    if (!n.IsScalar() || n.Scalar().empty()) return error(n.Mark(), "an encoding is a name, e.g. gbk or utf-16le");
    if (!canonical_encoding(n.Scalar()))
      return error(n.Mark(), "unknown encoding '" + n.Scalar() + "' (ICU's names: gbk, gb18030, utf-16le, utf-16be, "
                                                                  "big5, shift_jis, windows-1252, …)");
    out = n.Scalar();
    return std::nullopt;
  }

  // `encoding: NAME` for every file, or `encoding: {GLOB: NAME, …}`.
  std::optional<Error> encodings(const YAML::Node& v, Config& c) const {
    if (v.IsMap()) {
      for (const auto& gv : v) {
        Config::EncodingRule rule;
        if (!gv.first.IsScalar() || gv.first.Scalar().empty())
          return error(gv.first.Mark(), "'encoding' maps file globs to encodings, e.g. {\"*.csv\": gbk}");
        rule.glob.add(gv.first.Scalar());
        if (auto e = encoding_name(gv.second, rule.name)) return e;
        c.encodings.push_back(std::move(rule));
      }
      return std::nullopt;
    }
    Config::EncodingRule rule;  // every file, also those outside this folder (--config)
    if (auto e = encoding_name(v, rule.name)) return e;
    c.encodings.push_back(std::move(rule));
    return std::nullopt;
  }

  Result<Config> parse(const fs::path& dir) {
    YAML::Node root;
    try {
      root = YAML::Load(src_.bytes());
    } catch (const YAML::Exception& e) {
      Error err = error(e.mark, "YAML: " + e.msg);
      err.code = ErrorCode::kYamlSyntax;
      return err;
    }
    Config c = default_config(dir);
    c.file = shown_;
    if (!root.IsDefined() || root.IsNull()) return c;
    if (!root.IsMap()) return error(root.Mark(), "a .replylint.yaml is a mapping of settings (packs, disable, …)");
    std::set<std::string> seen;
    for (const auto& kv : root) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const YAML::Node& v = kv.second;
      if (!seen.insert(key).second) return error(kv.first.Mark(), "'" + key + "' is given twice");
      std::optional<Error> e;
      if (key == "packs") {
        std::vector<YAML::Mark> marks;
        e = strings(v, key, c.check.only, &marks);
        for (std::size_t i = 0; !e && i < marks.size(); ++i) {
          const auto p = where(marks[i]);
          c.refs.push_back({c.check.only[i], p.line, p.column, true});
        }
      } else if (key == "pack_dirs") {
        std::vector<std::string> dirs;
        e = strings(v, key, dirs);
        for (const std::string& d : dirs) c.pack_dirs.push_back((dir / d).lexically_normal());
      } else if (key == "builtin_packs") {
        if (!v.IsScalar() || (v.Scalar() != "true" && v.Scalar() != "false"))
          e = error(v.Mark(), "'builtin_packs' must be true or false");
        else
          c.builtin_packs = v.Scalar() == "true";
      } else if (key == "disable") {
        std::vector<YAML::Mark> marks;
        e = strings(v, key, c.check.skip, &marks);
        for (std::size_t i = 0; !e && i < marks.size(); ++i) {
          const auto p = where(marks[i]);
          c.refs.push_back({c.check.skip[i], p.line, p.column, false});
        }
      } else if (key == "points") {
        if (!v.IsMap()) {
          e = error(v.Mark(), "'points' must map rule ids to points, e.g. {off-platform.wechat: 12}");
        } else {
          for (const auto& rp : v) {
            int pts = 0;
            if (!rp.first.IsScalar()) {
              e = error(rp.first.Mark(), "'points' must map rule ids to points");
              break;
            }
            e = integer(rp.second, "points for " + rp.first.Scalar(), 0, kMaxPoints, pts);
            if (e) break;
            // A rule given twice: the last wins, as it always has (CheckOptions takes a rule once).
            auto& list = c.check.points;
            const auto same = std::find_if(list.begin(), list.end(), [&](const CheckOptions::Points& q) { return q.rule == rp.first.Scalar(); });
            if (same != list.end()) same->points = pts;
            else list.push_back({rp.first.Scalar(), pts});
            const auto p = where(rp.first.Mark());
            c.refs.push_back({rp.first.Scalar(), p.line, p.column, false});
          }
        }
      } else if (key == "exclude") {
        std::vector<std::string> patterns;
        e = strings(v, key, patterns);
        for (const std::string& p : patterns) c.exclude.add(p);
      } else if (key == "columns") {
        e = strings(v, key, c.read.columns);
      } else if (key == "buyer_columns") {
        e = strings(v, key, c.read.buyer_columns);
      } else if (key == "buyer_keys") {
        e = strings(v, key, c.read.buyer_keys);
      } else if (key == "keys") {
        e = strings(v, key, c.read.keys);
        if (!e && std::find(c.read.keys.begin(), c.read.keys.end(), "*") != c.read.keys.end()) {
          if (c.read.keys.size() > 1) e = error(v.Mark(), "'keys': \"*\" (every string) stands alone");
          c.read.all_strings = true;
        }
      } else if (key == "markdown") {
        if (!v.IsScalar() || (v.Scalar() != "all" && v.Scalar() != "fenced"))
          e = error(v.Mark(), "'markdown' must be all (paragraphs, list items, table cells) or fenced (only fenced "
                              "code blocks)");
        else
          c.read.md_fenced_only = v.Scalar() == "fenced";
      } else if (key == "encoding") {
        e = encodings(v, c);
      } else if (key == "fail_on") {
        int n = 0;
        e = integer(v, "'fail_on'", 1, 9999, n);
        c.fail_on = n;
      } else if (key == "ignore_file") {
        if (!v.IsScalar() || v.Scalar().empty()) e = error(v.Mark(), "'ignore_file' must be a path");
        else c.ignore_file = (dir / v.Scalar()).lexically_normal();
      } else {
        std::string known;
        for (const std::string& k : kKeys) known += (known.empty() ? "" : ", ") + k;
        e = error(kv.first.Mark(), "unknown key '" + key + "' (known: " + known + ")");
      }
      if (e) return *e;
    }
    return c;
  }

 private:
  SourceText src_;
  std::string shown_;
};

}  // namespace

std::string Config::encoding_for(const fs::path& abs) const {
  std::string name;
  const fs::path rel = dir.empty() ? fs::path() : abs.lexically_relative(dir);
  const bool inside = !rel.empty() && *rel.begin() != "..";
  for (const EncodingRule& r : encodings)
    if (r.glob.empty() || (inside && r.glob.excluded(rel.generic_string(), false))) name = r.name;
  return name;
}

std::vector<Error> Config::check_ids(const Engine& engine) const {
  std::vector<Error> out;
  for (const Ref& r : refs) {
    bool known = false;
    if (r.pack) {
      for (const PackSpec& p : engine.packs()) known = known || p.id == r.id;
    } else {
      known = engine.find_rule(r.id) != nullptr;
    }
    if (known) continue;
    Error e;
    e.code = ErrorCode::kInvalidArgument;
    e.file = file;
    e.line = r.line;
    e.column = r.column;
    e.message = std::string(r.pack ? "unknown pack '" : "unknown rule '") + r.id +
                "' (replylint rules list shows the loaded packs and rules)";
    out.push_back(std::move(e));
  }
  return out;
}

Config default_config(const fs::path& dir) {
  Config c;
  c.dir = dir;
  c.ignore_file = dir.empty() ? fs::path() : dir / kIgnoreName;
  return c;
}

Result<Config> load_config(const fs::path& file, const std::string& shown) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Error e;
    e.code = ErrorCode::kIo;
    e.file = shown;
    e.message = "cannot read the config file";
    return e;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ConfigParser(ss.str(), shown).parse(file.parent_path());
}

ConfigFinder::ConfigFinder(std::optional<fs::path> forced, bool none) : forced_(std::move(forced)), none_(none) {}

std::shared_ptr<const Result<Config>> ConfigFinder::load(const fs::path& file) {
  auto& slot = by_file_[file];
  if (!slot) slot = std::make_shared<const Result<Config>>(load_config(file, shown_path(file)));
  return slot;
}

std::shared_ptr<const Result<Config>> ConfigFinder::for_dir(const fs::path& dir) {
  if (forced_) return load(*forced_);
  if (none_) {
    auto& slot = by_dir_[fs::path()];
    if (!slot) slot = std::make_shared<const Result<Config>>(default_config(fs::path()));
    return slot;
  }
  std::vector<fs::path> visited;
  std::shared_ptr<const Result<Config>> found;
  std::error_code ec;
  for (fs::path d = dir;; d = d.parent_path()) {
    if (auto it = by_dir_.find(d); it != by_dir_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(d);
    if (fs::is_regular_file(d / kConfigName, ec)) {
      found = load(d / kConfigName);
      break;
    }
    if (fs::exists(d / ".git", ec)) {  // the repository's root: no config above counts
      found = std::make_shared<const Result<Config>>(default_config(d));
      break;
    }
    if (d == d.parent_path() || d.empty()) {
      Config c = default_config(dir);
      c.ignore_file.clear();
      found = std::make_shared<const Result<Config>>(std::move(c));
      break;
    }
  }
  for (const fs::path& d : visited) by_dir_[d] = found;
  return found;
}

std::string shown_path(const fs::path& absolute) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec) {
    const fs::path rel = absolute.lexically_relative(cwd);
    if (!rel.empty()) return rel.generic_string();
  }
  return absolute.generic_string();
}

}  // namespace replylint::lint

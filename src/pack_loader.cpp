// The only yaml-cpp user: YAML text -> PackSpec, with errors that point at file:line:column.
// Structure errors are collected as they are met and the first one is returned, so a pack is
// either loaded whole or not at all.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "replylint/tools/yaml_mark.hpp"
#include "replylint/pack.hpp"

namespace replylint {
namespace {

// Limits on what one pack may hold (rules/README.md, "Limits"), so that no pack, however
// written or generated, makes loading or matching use unbounded memory or time.
constexpr std::size_t kMaxPackBytes = 1 << 20;         // the file as read
constexpr std::size_t kMaxPackTextBytes = 4 << 20;     // all its strings, YAML aliases expanded
constexpr std::size_t kMaxRules = 500;                 // rules in one pack
constexpr std::size_t kMaxPatterns = 100;              // patterns (and, apart, unless entries) per rule
constexpr std::size_t kMaxPatternBytes = 4096;         // one pattern or exception
constexpr std::size_t kMaxExamples = 200;              // bad or good examples per rule
constexpr std::size_t kMaxClasses = 500;               // word classes in one file
constexpr std::size_t kMaxClassEntries = 1000;         // words of one class
constexpr std::size_t kMaxParts = 8;                   // parts of one `all:` pattern

// Thrown inside this file only; load_pack() turns it into a Result.
struct LoadError {
  Error error;
};

class PackReader {
 public:
  PackReader(std::string_view file, std::string_view text) : file_(file), text_(text) {}

  PackSpec read(const YAML::Node& root) {
    PackSpec pack;
    pack.file = file_;
    expect_map(root, "a pack");
    if (root["lexicon"]) return read_lexicon(root, std::move(pack));
    check_keys(root, {"pack", "title", "version", "platform_rules", "classes", "rules"});
    pack.id = text(require(root, "pack"), "pack");
    if (!valid_name(pack.id)) fail(root["pack"], "pack id '" + pack.id + "' must be lowercase letters, digits and '-'");
    pack.title = text(require(root, "title"), "title");
    pack.version = integer(require(root, "version"), "version", 1, 1000000);
    pack.platform_rules = texts(require(root, "platform_rules"), "platform_rules");
    if (const YAML::Node classes = root["classes"]) pack.classes = read_classes(classes);
    const YAML::Node rules = require(root, "rules");
    expect_seq(rules, "rules");
    if (rules.size() == 0) fail(rules, "'rules' must list at least one rule");
    if (rules.size() > kMaxRules)
      fail(rules, "a pack may hold at most " + std::to_string(kMaxRules) + " rules, found " + std::to_string(rules.size()));
    for (const YAML::Node& rule : rules) pack.rules.push_back(read_rule(rule, pack.id));
    return pack;
  }

 private:
  RuleSpec read_rule(const YAML::Node& node, const std::string& pack_id) {
    RuleSpec rule;
    rule.pos = pos(node);
    expect_map(node, "a rule");
    rule_ = "";
    if (node["id"] && node["id"].IsScalar()) rule_ = node["id"].Scalar();
    check_keys(node, {"id", "title", "points", "message", "suggestion", "source", "platform_rule", "patterns", "buyer",
                      "negation", "questions", "warnings", "unless", "validate", "examples"});
    rule.id = text(require(node, "id"), "id");
    const std::string prefix = pack_id + ".";
    if (rule.id.rfind(prefix, 0) != 0 || !valid_name(rule.id.substr(prefix.size())))
      fail(node["id"], "rule id '" + rule.id + "' must be '" + prefix + "<name>', name of lowercase letters, digits and '-'");
    rule.title = text(require(node, "title"), "title");
    rule.points = integer(require(node, "points"), "points", 1, kMaxPoints);
    rule.message = text(require(node, "message"), "message");
    rule.suggestion = text(require(node, "suggestion"), "suggestion");
    rule.source = text(require(node, "source"), "source");

    if (const YAML::Node v = node["validate"]) {
      const std::string name = text(v, "validate");
      if (name == "cn-id") rule.validate = Validator::kCnId;
      else if (name == "luhn") rule.validate = Validator::kLuhn;
      else fail(v, "unknown validator '" + name + "' (expected one of: cn-id, luhn)");
    }

    if (const YAML::Node v = node["platform_rule"]) {
      rule.platform_rule = text(v, "platform_rule");
      if (!valid_name(rule.platform_rule))
        fail(v, "platform_rule '" + rule.platform_rule + "' must be lowercase letters, digits and '-'");
    }
    if (const YAML::Node v = node["negation"]) rule.negation = boolean(v, "negation");
    if (const YAML::Node v = node["questions"]) rule.question_excuses = choice(v, "questions", "count", "excuse");
    if (const YAML::Node v = node["warnings"]) rule.warning_excuses = !choice(v, "warnings", "excuse", "count");

    rule.patterns = read_patterns(require(node, "patterns"), "patterns");
    if (const YAML::Node buyer = node["buyer"]) rule.buyer = read_patterns(buyer, "buyer");

    if (const YAML::Node unless = node["unless"]) {
      expect_seq(unless, "unless");
      at_most(unless, kMaxPatterns, "unless");
      for (const YAML::Node& u : unless) rule.unless.push_back(read_exception(u));
    }

    const YAML::Node examples = require(node, "examples");
    expect_map(examples, "'examples'");
    check_keys(examples, {"bad", "good"});
    rule.bad_examples = read_examples(require(examples, "bad"), "bad");
    rule.good_examples = read_examples(require(examples, "good"), "good");
    rule_ = "";
    return rule;
  }

  // A lexicon: word classes shared by every pack, and nothing else.
  PackSpec read_lexicon(const YAML::Node& root, PackSpec pack) {
    check_keys(root, {"lexicon", "title", "version", "classes"});
    pack.lexicon = true;
    pack.id = text(root["lexicon"], "lexicon");
    if (!valid_name(pack.id)) fail(root["lexicon"], "lexicon name '" + pack.id + "' must be lowercase letters, digits and '-'");
    pack.title = text(require(root, "title"), "title");
    pack.version = integer(require(root, "version"), "version", 1, 1000000);
    pack.classes = read_classes(require(root, "classes"));
    if (pack.classes.empty()) fail(root["classes"], "'classes' must define at least one word class");
    return pack;
  }

  std::vector<WordClass> read_classes(const YAML::Node& node) {
    expect_map(node, "'classes'");
    if (node.size() > kMaxClasses)
      fail(node, "'classes' may define at most " + std::to_string(kMaxClasses) + " word classes, found " +
                     std::to_string(node.size()));
    std::vector<WordClass> out;
    std::set<std::string> seen;
    for (const auto& kv : node) {
      WordClass c;
      c.name = text(kv.first, "a class name");
      c.pos = pos(kv.first);
      if (!valid_name(c.name)) fail(kv.first, "class name '" + c.name + "' must be lowercase letters, digits and '-'");
      if (!seen.insert(c.name).second) fail(kv.first, "word class '" + c.name + "' is defined twice");
      const YAML::Node& entries = kv.second;
      expect_seq(entries, "classes." + c.name);
      if (entries.size() == 0) fail(entries, "'classes." + c.name + "' must list at least one word");
      at_most(entries, kMaxClassEntries, "classes." + c.name);
      for (const YAML::Node& e : entries) c.entries.push_back(pattern(e, "a word of class '" + c.name + "'"));
      out.push_back(std::move(c));
    }
    return out;
  }

  // `patterns:` and `buyer:` entries: a string is one pattern over the whole reply; a mapping
  // {all: [part, ...], within: clause|sentence|reply, distance: N} asks for every part in one
  // scope (a clause unless said otherwise), in any order.
  std::vector<PatternSpec> read_patterns(const YAML::Node& list, const std::string& what) {
    expect_seq(list, what);
    if (list.size() == 0) fail(list, "'" + what + "' must list at least one pattern");
    at_most(list, kMaxPatterns, what);
    std::vector<PatternSpec> out;
    for (const YAML::Node& p : list) {
      PatternSpec spec;
      spec.pos = pos(p);
      if (!p.IsMap()) {
        spec.pattern = pattern(p, "a pattern");
        out.push_back(std::move(spec));
        continue;
      }
      check_keys(p, {"all", "within", "distance"});
      const YAML::Node parts = require(p, "all");
      expect_seq(parts, "all");
      if (parts.size() == 0) fail(parts, "'all' must list at least one part");
      at_most(parts, kMaxParts, "all");
      for (const YAML::Node& part : parts) {
        std::string text = pattern(part, "a part");
        if (spec.pattern.empty()) spec.pattern = std::move(text);
        else spec.with.push_back(std::move(text));
      }
      spec.scope = Scope::kClause;
      if (const YAML::Node w = p["within"]) {
        const std::string scope = text(w, "within");
        if (scope == "clause") spec.scope = Scope::kClause;
        else if (scope == "sentence") spec.scope = Scope::kSentence;
        else if (scope == "reply") spec.scope = Scope::kReply;
        else fail(w, "unknown scope '" + scope + "' (expected one of: clause, sentence, reply)");
      }
      if (const YAML::Node d = p["distance"]) spec.distance = integer(d, "distance", 1, 200);
      out.push_back(std::move(spec));
    }
    return out;
  }

  ExceptionSpec read_exception(const YAML::Node& node) {
    ExceptionSpec e;
    e.pos = pos(node);
    expect_map(node, "an 'unless' entry");
    check_keys(node, {"before", "after", "inside", "reply", "window"});
    int kinds = 0;
    static const std::pair<const char*, ExceptionSpec::Where> kWhere[] = {
        {"before", ExceptionSpec::Where::kBefore},
        {"after", ExceptionSpec::Where::kAfter},
        {"inside", ExceptionSpec::Where::kInside},
        {"reply", ExceptionSpec::Where::kReply}};
    for (const auto& [key, where] : kWhere) {
      if (const YAML::Node p = node[key]) {
        ++kinds;
        e.where = where;
        e.pattern = pattern(p, key);
        e.pos = pos(p);
      }
    }
    if (kinds != 1) fail(node, "an 'unless' entry needs exactly one of before, after, inside, reply");
    if (const YAML::Node w = node["window"]) {
      if (e.where != ExceptionSpec::Where::kBefore && e.where != ExceptionSpec::Where::kAfter)
        fail(w, "'window' goes with 'before' or 'after' only");
      e.window = integer(w, "window", 1, 64);
    }
    return e;
  }

  std::vector<ExampleSpec> read_examples(const YAML::Node& node, const std::string& kind) {
    expect_seq(node, "examples." + kind);
    if (node.size() < 3) fail(node, "examples." + kind + " must list at least 3 replies, found " + std::to_string(node.size()));
    at_most(node, kMaxExamples, "examples." + kind);
    std::vector<ExampleSpec> out;
    for (const YAML::Node& e : node) {
      if (!e.IsMap()) {
        out.push_back({text(e, "an example"), pos(e), ""});
        continue;
      }
      // {buyer: …, reply: …}: the reply checked with the buyer's message as its context.
      check_keys(e, {"buyer", "reply"});
      out.push_back({text(require(e, "reply"), "reply"), pos(e), text(require(e, "buyer"), "buyer")});
    }
    return out;
  }

  // --- typed access with positions ---------------------------------------------------------

  SourcePos pos(const YAML::Node& node) const {
    const tools::TextPosition p = tools::yaml_mark_position(text_, node.Mark());
    return {p.line, p.column};
  }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) {
    const SourcePos p = node ? pos(node) : SourcePos{};
    throw LoadError{{ErrorCode::kSchema, message, file_, p.line, p.column, rule_}};
  }

  YAML::Node require(const YAML::Node& map, const char* key) {
    YAML::Node v = map[key];
    if (!v || v.IsNull()) fail(map, std::string("missing key '") + key + "'");
    return v;
  }

  void check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed) {
    std::set<std::string> seen;
    for (const auto& kv : map) {
      const YAML::Node& key = kv.first;
      if (!key.IsScalar()) fail(key, "keys must be plain words");
      const std::string& k = key.Scalar();
      if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; }) == allowed.end()) {
        std::string list;
        for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
        fail(key, "unknown key '" + k + "' (expected one of: " + list + ")");
      }
      if (!seen.insert(k).second) fail(key, "duplicate key '" + k + "'");
    }
  }

  void expect_map(const YAML::Node& node, const std::string& what) {
    if (!node.IsMap()) fail(node, what + " must be a mapping of keys to values");
  }

  void expect_seq(const YAML::Node& node, const std::string& what) {
    if (!node.IsSequence()) fail(node, "'" + what + "' must be a list");
  }

  std::string text(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) fail(node, "'" + what + "' must be a string");
    if (node.Scalar().empty()) fail(node, "'" + what + "' must not be empty");
    // YAML aliases repeat a string without repeating its bytes in the file: count what is read.
    text_bytes_ += node.Scalar().size();
    if (text_bytes_ > kMaxPackTextBytes)
      fail(node, "the pack's strings add up to more than " + std::to_string(kMaxPackTextBytes >> 20) +
                     " MiB (YAML aliases repeat them)");
    return node.Scalar();
  }

  std::string pattern(const YAML::Node& node, const std::string& what) {
    std::string p = text(node, what);
    if (p.size() > kMaxPatternBytes)
      fail(node, "'" + what + "' is " + std::to_string(p.size()) + " bytes, over the limit of " +
                     std::to_string(kMaxPatternBytes));
    return p;
  }

  void at_most(const YAML::Node& list, std::size_t limit, const std::string& what) {
    if (list.size() > limit)
      fail(list, "'" + what + "' may list at most " + std::to_string(limit) + " entries, found " +
                     std::to_string(list.size()));
  }

  std::vector<std::string> texts(const YAML::Node& node, const std::string& what) {
    expect_seq(node, what);
    if (node.size() == 0) fail(node, "'" + what + "' must not be empty");
    std::vector<std::string> out;
    for (const YAML::Node& n : node) out.push_back(text(n, what + " entry"));
    return out;
  }

  bool boolean(const YAML::Node& node, const std::string& what) {
    const std::string s = node.IsScalar() ? node.Scalar() : std::string();
    if (s == "true") return true;
    if (s == "false") return false;
    fail(node, "'" + what + "' must be true or false, got '" + s + "'");
  }

  // One of two words: false for `no`, true for `yes`.
  bool choice(const YAML::Node& node, const std::string& what, const char* no, const char* yes) {
    const std::string s = node.IsScalar() ? node.Scalar() : std::string();
    if (s == no) return false;
    if (s == yes) return true;
    fail(node, "'" + what + "' must be " + no + " or " + yes + ", got '" + s + "'");
  }

  int integer(const YAML::Node& node, const std::string& what, int lo, int hi) {
    const std::string range = std::to_string(lo) + ".." + std::to_string(hi);
    if (!node.IsScalar()) fail(node, "'" + what + "' must be a whole number in " + range);
    const std::string& s = node.Scalar();
    int value = 0;
    bool ok = !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) value = std::stoi(s);
    if (!ok || value < lo || value > hi) fail(node, "'" + what + "' must be a whole number in " + range + ", got '" + s + "'");
    return value;
  }

  static bool valid_name(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
  }

  std::string file_;
  std::string_view text_;  // the pack as parsed, for positions in characters
  std::string rule_;  // the rule being read, for error messages
  std::size_t text_bytes_ = 0;
};

}  // namespace

Result<PackSpec> load_pack(std::string_view yaml_text, std::string_view file) {
  if (yaml_text.size() > kMaxPackBytes)
    return Error{ErrorCode::kSchema,
                 "pack is " + std::to_string(yaml_text.size()) + " bytes, over the limit of " +
                     std::to_string(kMaxPackBytes),
                 std::string(file), 0, 0, ""};
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    return PackReader(file, yaml_text).read(root);
  } catch (const LoadError& e) {
    return e.error;
  } catch (const YAML::Exception& e) {
    const tools::TextPosition p = tools::yaml_mark_position(yaml_text, e.mark);
    return Error{ErrorCode::kYamlSyntax, e.msg, std::string(file), p.line, p.column, ""};
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while reading the pack", std::string(file), 0, 0, ""};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what(), std::string(file), 0, 0, ""};
  }
}

Result<std::vector<PackSpec>> load_pack_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error{ErrorCode::kIo, "not a directory", dir};
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml") files.push_back(it->path());
  if (ec) return Error{ErrorCode::kIo, "cannot list directory: " + ec.message(), dir};
  if (files.empty()) return Error{ErrorCode::kIo, "no *.yaml rule pack in the directory", dir};
  std::sort(files.begin(), files.end());

  std::vector<PackSpec> packs;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return Error{ErrorCode::kIo, "cannot read file", path.string()};
    auto pack = load_pack(text.str(), path.string());
    if (!pack) return pack.error();
    packs.push_back(std::move(pack).value());
  }
  return packs;
}

}  // namespace replylint

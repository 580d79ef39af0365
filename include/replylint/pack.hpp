// replylint/pack.hpp: rule packs as plain data, and the YAML loader.
//
// A PackSpec is what a `rules/*.yaml` file says (schema: rules/README.md). It can be written in
// code (tests, embedders) or loaded from YAML; Engine::compile() turns packs into an engine.
//
//   auto pack = replylint::load_pack(yaml_text, "shop.yaml");
//   if (!pack) return pack.error();   // "shop.yaml:12:7: error: unknown key 'paterns' [shop.x]"
//
// Ownership: plain values. Thread safety: the functions keep no state; call from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "replylint/export.h"
#include "replylint/status.hpp"

namespace replylint {

// The most points a rule may cost: in a pack (at least 1 there) and in an override
// (CheckOptions::points, the C API's replylint_options_points, lint's .replylint.yaml).
constexpr int kMaxPoints = 48;

// Where a value stood in its pack file, so that compile errors can point at it.
struct SourcePos {
  int line = 0;    // 1-based; 0 when the spec was built in code
  int column = 0;  // 1-based
};

struct ExceptionSpec {
  enum class Where { kBefore, kAfter, kInside, kReply };
  Where where = Where::kBefore;
  std::string pattern;  // RE2, against normalized text
  int window = 8;       // characters looked at, for kBefore and kAfter
  SourcePos pos;
};

// Where the parts of a pattern must all be found (rules/README.md, "Scope"). Clauses end at
// ， , ~ and sentences at 。 ！ ？ ； … and line breaks of the ORIGINAL text (the normalized
// text has no punctuation; 、 and ： end nothing); a separator used to disguise a word (微.信,
// 1 3 8) ends nothing.
enum class Scope { kReply, kSentence, kClause };

struct PatternSpec {
  std::string pattern;            // RE2 against normalized text; {name} uses a word class
  std::vector<std::string> with;  // more parts that must also match in the same scope, in any order
  Scope scope = Scope::kReply;    // kClause by default when `with` is used (the `all:` form)
  int distance = 0;               // at most this many characters from the first part's start to
                                  // the last part's end; 0: anywhere in the scope
  SourcePos pos;
};

// A named list of words or small RE2 fragments, used in patterns as {name} and expanded to
// (?:entry|entry|...) when the engine is built. Entries may use other classes.
struct WordClass {
  std::string name;  // lowercase letters, digits and '-'
  std::vector<std::string> entries;
  SourcePos pos;
};

struct ExampleSpec {
  std::string text;   // the reply; bad examples mark the expected span with [[ and ]]
  SourcePos pos;
  std::string buyer;  // the buyer's message the reply answers ({buyer: …, reply: …}); may be empty
};

// A check on the digits of a reported span, for numbers whose shape alone says too little.
enum class Validator {
  kNone,
  kCnId,  // 18 characters, 17 digits and a GB 11643 (ISO 7064 MOD 11-2) check digit or x
  kLuhn,  // 13..19 digits passing the Luhn check (bank cards)
};

struct RuleSpec {
  std::string id;  // "<pack>.<name>"
  std::string title;
  int points = 0;
  Validator validate = Validator::kNone;  // a match whose span fails it is dropped
  std::string message;
  std::string suggestion;
  std::string source;
  std::vector<PatternSpec> patterns;
  std::vector<ExceptionSpec> unless;
  // The buyer's last message must match one of these for the rule to fire (rules that judge a
  // consent: 问：有没有QQ？ 答：有的). Empty: the rule reads the reply alone.
  std::vector<PatternSpec> buyer;
  // The platform rule's name inside the pack; rules of a pack sharing it count once per reply.
  // Empty: the rule's own name (it counts on its own).
  std::string platform_rule;
  // The shared negation mechanism (rules/README.md, "Negation"): a match governed by a negator
  // of its clause (不会加收, 没有微信), a rhetorical form (怎么会收您手续费呢) or a warning in its
  // sentence (私下转账不受平台保护) is excused. False for rules whose match is itself the negative
  // statement and which carry their own negators in the pattern.
  bool negation = true;
  bool question_excuses = false;  // `questions: excuse`: a match in a question clause is excused
  bool warning_excuses = true;    // `warnings: count`: a warning in the sentence does not excuse
  std::vector<ExampleSpec> bad_examples;
  std::vector<ExampleSpec> good_examples;
  SourcePos pos;
};

struct PackSpec {
  std::string id;
  std::string title;
  int version = 0;
  std::vector<std::string> platform_rules;
  std::vector<RuleSpec> rules;
  std::vector<WordClass> classes;  // this pack's own word classes
  // A lexicon file (`lexicon:` instead of `pack:`) holds only word classes, shared by every
  // pack; it has no rules. When the packs compiled together hold none, the built-in one is used.
  bool lexicon = false;
  std::string file;  // where it was loaded from ("<embedded>/invoice.yaml" for built-in packs)
};

// Parses one pack. `file` is only used in error messages and PackSpec::file.
// Errors: kYamlSyntax, kSchema (unknown key, missing key, wrong type, bad id, too few
// examples...), each with file, line, column and rule id when known. Patterns are not compiled
// here: Engine::compile() reports kBadPattern.
REPLYLINT_API Result<PackSpec> load_pack(std::string_view yaml_text, std::string_view file);

// Every `*.yaml` file of `dir`, sorted by name. Errors: kIo (no such directory, unreadable
// file, no pack in it) and the errors of load_pack(); the first error wins.
REPLYLINT_API Result<std::vector<PackSpec>> load_pack_dir(const std::string& dir);

// The packs compiled into the library from rules/ at build time.
REPLYLINT_API Result<std::vector<PackSpec>> embedded_packs();

}  // namespace replylint

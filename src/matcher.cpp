#include "matcher.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "normalizer.hpp"
#include "validators.hpp"

namespace replylint::detail {
namespace {

// The Set holds every pattern at once; RE2's default 8 MB budget makes its DFA thrash and run
// ~10x slower (../shared/DESIGN.md), so it gets a deliberate budget.
constexpr int64_t kSetMaxMem = 64 << 20;

RE2::Options pattern_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  return o;
}

// Start of the character `chars` characters before `pos` (or 0) in valid UTF-8.
std::size_t back_chars(std::string_view s, std::size_t pos, int chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    --chars;
  }
  return pos;
}

std::size_t forward_chars(std::string_view s, std::size_t pos, int chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --chars;
  }
  return pos;
}

}  // namespace

struct Matcher::Rule {
  struct Exception {
    ExceptionSpec::Where where;
    std::unique_ptr<RE2> re;
    int window;
  };
  struct Pattern {
    std::unique_ptr<RE2> re;
    int span_group;  // the group named "span", or 0 for the whole match
  };
  std::vector<Pattern> patterns;
  std::vector<Exception> unless;
  Validator validate = Validator::kNone;

  bool excused(std::string_view text, std::size_t begin, std::size_t end) const {
    for (const Exception& e : unless) {
      std::string_view scope;
      switch (e.where) {
        case ExceptionSpec::Where::kBefore: {
          const std::size_t from = back_chars(text, begin, e.window);
          scope = text.substr(from, begin - from);
          break;
        }
        case ExceptionSpec::Where::kAfter:
          scope = text.substr(end, forward_chars(text, end, e.window) - end);
          break;
        case ExceptionSpec::Where::kInside: scope = text.substr(begin, end - begin); break;
        case ExceptionSpec::Where::kReply: scope = text; break;
      }
      if (RE2::PartialMatch(scope, *e.re)) return true;
    }
    return false;
  }

  // The span of the first match of `pattern` that no exception excuses and the validator
  // accepts. The span is the group named "span" where the pattern has one and it took part.
  bool first_unexcused(std::string_view text, const Pattern& pattern, std::size_t& begin, std::size_t& end) const {
    re2::StringPiece groups[kMaxGroups];
    const int n = pattern.span_group + 1;
    std::size_t pos = 0;
    while (pos <= text.size() && pattern.re->Match(text, pos, text.size(), RE2::UNANCHORED, groups, n)) {
      const re2::StringPiece& m = groups[pattern.span_group].data() ? groups[pattern.span_group] : groups[0];
      const re2::StringPiece span = m.empty() ? groups[0] : m;
      begin = static_cast<std::size_t>(span.data() - text.data());
      end = begin + span.size();
      if (end > begin && passes(validate, text.substr(begin, end - begin)) && !excused(text, begin, end))
        return true;
      // Go on after this span; an empty match (refused at build) would otherwise loop.
      pos = end > begin ? end : forward_chars(text, begin, 1);
      if (end == begin && begin == text.size()) break;
    }
    return false;
  }

  static constexpr int kMaxGroups = 64;
};

struct Matcher::Impl {
  std::vector<Rule> rules;
  std::vector<std::size_t> pattern_rule;  // Set index -> rule index
  std::vector<std::size_t> pattern_slot;  // Set index -> index in the rule's patterns
  std::unique_ptr<RE2::Set> set;
};

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;

Result<std::shared_ptr<const Matcher>> Matcher::build(const std::vector<PackSpec>& packs) {
  std::shared_ptr<Matcher> m(new Matcher());
  Impl& impl = *m->impl_;
  RE2::Options set_options = pattern_options();
  set_options.set_max_mem(kSetMaxMem);
  impl.set = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);

  for (const PackSpec& pack : packs) {
    for (const RuleSpec& spec : pack.rules) {
      auto bad = [&](const SourcePos& p, const std::string& what) {
        return Error{ErrorCode::kBadPattern, what, pack.file, p.line, p.column, spec.id};
      };
      Rule rule;
      rule.validate = spec.validate;
      for (const PatternSpec& p : spec.patterns) {
        auto re = std::make_unique<RE2>(p.pattern, pattern_options());
        if (!re->ok())
          return bad(p.pos, "bad pattern '" + p.pattern + "': " + re->error());
        if (RE2::FullMatch("", *re))
          return bad(p.pos, "pattern '" + p.pattern + "' matches the empty string, so it would fire everywhere");
        int span_group = 0;
        if (auto g = re->NamedCapturingGroups().find("span"); g != re->NamedCapturingGroups().end())
          span_group = g->second;
        if (span_group >= Rule::kMaxGroups)
          return bad(p.pos, "pattern '" + p.pattern + "' has its 'span' group after more than " +
                                std::to_string(Rule::kMaxGroups - 1) + " groups");
        std::string set_error;
        if (impl.set->Add(p.pattern, &set_error) < 0) return bad(p.pos, "bad pattern '" + p.pattern + "': " + set_error);
        impl.pattern_rule.push_back(impl.rules.size());
        impl.pattern_slot.push_back(rule.patterns.size());
        rule.patterns.push_back({std::move(re), span_group});
      }
      for (const ExceptionSpec& e : spec.unless) {
        auto re = std::make_unique<RE2>(e.pattern, pattern_options());
        if (!re->ok())
          return bad(e.pos, "bad 'unless' pattern '" + e.pattern + "': " + re->error());
        rule.unless.push_back({e.where, std::move(re), e.window});
      }
      impl.rules.push_back(std::move(rule));
    }
  }
  if (impl.rules.empty()) return Error{ErrorCode::kInvalidArgument, "no rules to compile"};
  if (!impl.set->Compile())
    return Error{ErrorCode::kOutOfMemory, "the rule patterns together exceed RE2's memory budget of " +
                                              std::to_string(kSetMaxMem >> 20) + " MB"};
  return std::shared_ptr<const Matcher>(std::move(m));
}

void Matcher::match(const Normalized& normalized, std::vector<int>& candidates, std::vector<Hit>& hits) const {
  const std::string_view text = normalized.text;
  candidates.clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!impl_->set->Match(text, &candidates, &info) && info.kind != RE2::Set::kNoError) {
    // The DFA ran out of memory on this text: fall back to trying every pattern, which is
    // slower but gives the same answer.
    candidates.clear();
    for (std::size_t i = 0; i < impl_->pattern_rule.size(); ++i) candidates.push_back(static_cast<int>(i));
  }
  std::sort(candidates.begin(), candidates.end());  // rule order, then pattern order

  std::size_t i = 0;
  while (i < candidates.size()) {
    const std::size_t rule_index = impl_->pattern_rule[candidates[i]];
    const Rule& rule = impl_->rules[rule_index];
    bool found = false;
    std::size_t best_begin = 0, best_end = 0;
    for (; i < candidates.size() && impl_->pattern_rule[candidates[i]] == rule_index; ++i) {
      std::size_t b, e;
      if (rule.first_unexcused(text, rule.patterns[impl_->pattern_slot[candidates[i]]], b, e) && (!found || b < best_begin)) {
        found = true;
        best_begin = b;
        best_end = e;
      }
    }
    if (found) hits.push_back({rule_index, best_begin, best_end});
  }
}

}  // namespace replylint::detail

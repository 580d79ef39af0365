#include "matcher.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <mutex>
#include <optional>

#include "clauses.hpp"
#include "compressed_alphabet.hpp"
#include "example_markers.hpp"
#ifdef REPLYLINT_HYPERSCAN
#include "hyperscan_set.hpp"
#endif
#include "negation.hpp"
#include "normalizer.hpp"
#include "regex_syntax.hpp"
#include "pack_blob.hpp"
#include "replylint/tools/utf8.hpp"
#include "validators.hpp"

namespace replylint::detail {
namespace {

// Each candidate Set's DFA budget (a cap on states built as they are met, not an allocation).
// RE2's default 8 MB makes a Set's DFA thrash and run ~10x slower. One Set of every shipped
// pattern thrashed even at 64 MB: the states of a DFA for many unanchored patterns with gaps
// multiply, and its cache was reset all through the corpus (400 µs a reply, warm). One Set
// per pack keeps each DFA within its budget: 15.5 µs a reply warm on 20,000 generated
// replies; at 16 MB the largest pack's Set still thrashed (90-110 µs).
constexpr int64_t kSetMaxMem = 64 << 20;

// Confirming patterns: word classes expand into large alternations, and with RE2's default
// budget their lazy DFAs thrash or give up for the NFA, about ten times slower. The budget is
// a cap on memory allocated as states are met, not an allocation.
constexpr int64_t kConfirmMaxMem = 32 << 20;

RE2::Options pattern_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  return o;
}

RE2::Options confirm_options() {
  RE2::Options o = pattern_options();
  o.set_max_mem(kConfirmMaxMem);
  return o;
}

// The Set over the compressed alphabet: a byte is a character.
RE2::Options coded_options() {
  RE2::Options o = pattern_options();
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_max_mem(kSetMaxMem);
  return o;
}

// Start of the character `chars` characters before `pos` (or 0) in valid UTF-8.
std::size_t back_chars(std::string_view s, std::size_t pos, int chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && continuation_byte(s[pos])) --pos;
    --chars;
  }
  return pos;
}

std::size_t forward_chars(std::string_view s, std::size_t pos, int chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && continuation_byte(s[pos])) ++pos;
    --chars;
  }
  return pos;
}

// Whether the group named "span" is the whole pattern, (?P<span>...): then the span is the
// match, and RE2 need not be asked for groups, which spares it a submatch search (about half
// of a confirmation).
bool span_is_whole(std::string_view p) {
  if (p.rfind("(?P<span>", 0) != 0) return false;
  int depth = 0;
  bool whole = false;
  scan_syntax(p, [&](std::size_t i) {
    if (p[i] == '(') ++depth;
    if (p[i] == ')' && --depth == 0) {
      whole = i + 1 == p.size();
      return false;
    }
    return true;
  });
  return whole;
}

// Whether compiling `p` could fail for size although it parses: a counted repetition of 100 or
// more, or a very long pattern. Those are compiled when the matcher is built, so that such a
// pack is refused then, as RE2 words it ("pattern too large - compile failed"); the others
// cannot come near RE2's budget and are compiled on first use.
bool may_be_too_large(std::string_view p) {
  if (p.size() >= 4096) return true;
  bool large = false;
  scan_syntax(p, [&](std::size_t i) {
    if (p[i] != '{') return true;
    for (std::size_t j = i + 1; j < p.size() && ((p[j] >= '0' && p[j] <= '9') || p[j] == ','); ++j) {
      std::size_t k = j;
      while (k < p.size() && p[k] >= '0' && p[k] <= '9') ++k;
      if (k - j >= 3) large = true;  // 100 or more
      j = k;
      if (j >= p.size() || p[j] != ',') break;
    }
    return !large;
  });
  return large;
}

// The index RE2 will give the capturing group called `name` (groups are numbered by their
// opening parenthesis), or 0 when there is none. Reads RE2 syntax only as far as groups need:
// escapes, \Q...\E and bracket expressions are skipped.
int named_group_index(std::string_view p, std::string_view name) {
  int group = 0, found = 0;
  scan_syntax(p, [&](std::size_t i) {
    if (p[i] != '(') return true;
    if (i + 1 < p.size() && p[i + 1] == '?') {
      if (p.substr(i + 2, 2) == "P<") {
        ++group;
        const std::size_t close = p.find('>', i + 4);
        if (close != std::string_view::npos && p.substr(i + 4, close - i - 4) == name) found = group;
      }
    } else {
      ++group;
    }
    return found == 0;
  });
  return found;
}

}  // namespace

// An RE2 compiled the first time it is needed. A process rarely needs most of them (`replylint
// check` of one reply, one or two), and compiling all 170 patterns and 190 exceptions of the
// shipped packs took 30 ms of the 50 ms an engine took to build. The pattern was parsed when
// the matcher was built, and compiled then if it could be too large (may_be_too_large), so
// compiling here does not fail; should RE2 still refuse it for size, it is compiled again
// with the Set's budget rather than left unusable.
class OnDemandRE2 {
 public:
  explicit OnDemandRE2(std::string pattern, std::unique_ptr<RE2> compiled = nullptr)
      : pattern_(std::move(pattern)), re_(std::move(compiled)) {}
  const RE2& get() const {
    std::call_once(once_, [this] {
      if (!re_) re_ = std::make_unique<RE2>(pattern_, confirm_options());
      if (!re_->ok()) {
        RE2::Options bigger = pattern_options();
        bigger.set_max_mem(kSetMaxMem);
        re_ = std::make_unique<RE2>(pattern_, bigger);
      }
      const auto& named = re_->NamedCapturingGroups();
      if (const auto found = named.find("span"); found != named.end() && !span_is_whole(pattern_))
        span_group_ = found->second;
    });
    return *re_;
  }
  // The group named "span", or 0 when the span is the whole match. Valid after get().
  int span_group() const { return span_group_; }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
  mutable int span_group_ = 0;
};

// What one reply's confirmation needs: its text, its clauses (split on first need), and the
// buyer's message it answers, if any.
struct Context {
  const Normalized& reply;
  const Normalized* buyer;
  Clauses& clauses;
  bool split = false;
  const Clauses& units() {
    if (!split) {
      split_clauses(reply.original, reply, clauses);
      split = true;
    }
    return clauses;
  }
};

namespace {
thread_local Clauses t_clauses, t_buyer_clauses;
}  // namespace

struct Matcher::Rule {
  struct Exception {
    ExceptionSpec::Where where;
    std::unique_ptr<OnDemandRE2> re;
    int window;
  };
  struct Pattern {
    std::vector<std::unique_ptr<OnDemandRE2>> parts;
    std::vector<int> entries;  // the Set entry of each part (-1 for buyer patterns, not in the Set)
    Scope scope = Scope::kReply;
    int distance = 0;
  };
  std::vector<Pattern> patterns;
  std::vector<Pattern> buyer;
  std::vector<Exception> unless;
  Validator validate = Validator::kNone;
  bool negates = true, question_excuses = false, warning_excuses = true;  // RuleSpec::negation, …

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
      if (RE2::PartialMatch(scope, e.re->get())) return true;
    }
    return false;
  }

  // The shared negation mechanism on the part [begin, end) that carries the statement (the
  // last part of a match): a negator before it in its clause, or a negation right after it;
  // or, when it ends in a clause that asks (ends with ？), a negation that opens the next
  // clause: the claim asked back and denied (刷卡要加点？没有这种说法). A match that runs on into
  // the next clause holds that clause's words itself (延迟发货赔付？没有: the denial is the
  // violation), so the next clause does not excuse it.
  static bool negated(const Negation& n, Context& c, std::size_t begin, std::size_t end) {
    const std::string_view text = c.reply.text;
    const std::vector<Unit>& clauses = c.units().clauses;
    const Unit& clause = Clauses::holding(clauses, begin);
    const std::size_t stop = std::max(end, clause.end);
    if (n.negated(text.substr(clause.begin, begin - clause.begin), text.substr(end, stop - end))) return true;
    if (!clause.question || end > clause.end || clause.end >= text.size()) return false;
    const Unit& next = Clauses::holding(clauses, clause.end);
    return n.negated({}, text.substr(next.begin, next.end - next.begin));
  }

  // Whether the whole match [begin, end) is excused by its context: a question (for rules that
  // say so) or a warning in its sentence.
  bool context_excuses(const Negation& n, Context& c, std::size_t begin) const {
    const std::string_view text = c.reply.text;
    if (question_excuses) {
      const Unit& clause = Clauses::holding(c.units().clauses, begin);
      if (n.question(text.substr(clause.begin, clause.end - clause.begin), clause.question)) return true;
    }
    if (warning_excuses) {
      const Unit& sentence = Clauses::holding(c.units().sentences, begin);
      if (n.warning(text.substr(sentence.begin, sentence.end - sentence.begin))) return true;
    }
    return false;
  }

  // The span of a match of `re` in text[from, to) starting at or after `pos`: the group named
  // "span" where the pattern has one and it took part, else the whole match.
  static bool next_match(const OnDemandRE2& part, std::string_view text, std::size_t from, std::size_t to,
                         std::size_t pos, std::size_t& begin, std::size_t& end) {
    const RE2& re = part.get();
    const int span_group = part.span_group();  // checked < kMaxGroups at build
    re2::StringPiece groups[kMaxGroups];
    const std::string_view unit = text.substr(from, to - from);
    if (pos > to) return false;
    if (!re.Match(unit, pos - from, unit.size(), RE2::UNANCHORED, groups, span_group + 1)) return false;
    const re2::StringPiece& m = groups[span_group].data() ? groups[span_group] : groups[0];
    const re2::StringPiece span = m.empty() ? groups[0] : m;
    begin = static_cast<std::size_t>(span.data() - text.data());
    end = begin + span.size();
    return true;
  }

  // The first match of `pattern` in the reply (or, for buyer patterns, in the buyer's message)
  // that no exception excuses and the validator accepts. A pattern of several parts matches
  // where every part matches inside one unit of its scope; its span runs from the first part's
  // start to the last part's end.
  bool first_unexcused(Context& c, const Negation* negation, const Pattern& pattern, bool on_buyer, std::size_t& begin,
                       std::size_t& end) const {
    const Normalized& n = on_buyer ? *c.buyer : c.reply;
    const std::string_view text = n.text;
    const bool exceptions = !on_buyer;
    // Units to search: the whole text, or its clauses or sentences.
    const Unit whole{0, text.size(), false};
    const std::vector<Unit>* units = nullptr;
    if (pattern.scope != Scope::kReply) {
      if (on_buyer) {
        split_clauses(n.original, n, t_buyer_clauses);
        units = pattern.scope == Scope::kClause ? &t_buyer_clauses.clauses : &t_buyer_clauses.sentences;
      } else {
        units = pattern.scope == Scope::kClause ? &c.units().clauses : &c.units().sentences;
      }
    }
    const std::size_t unit_count = units ? units->size() : 1;
    for (std::size_t u = 0; u < unit_count; ++u) {
      const Unit& unit = units ? (*units)[u] : whole;
      // Whether every part occurs in the unit at all: one forward DFA pass each, no positions
      // or groups, which is what most units of a multi-part pattern fail on.
      if (pattern.parts.size() > 1) {
        const std::string_view unit_text = text.substr(unit.begin, unit.end - unit.begin);
        bool all_there = true;
        for (const auto& part : pattern.parts)
          if (!part->get().Match(unit_text, 0, unit_text.size(), RE2::UNANCHORED, nullptr, 0)) {
            all_there = false;
            break;
          }
        if (!all_there) continue;
      }
      // The other parts: the first match of each in the unit, the same for every match of the
      // first part, so looked for once.
      std::size_t other_b = std::string_view::npos, other_e = 0, last_ob = 0, last_oe = 0;
      bool all = true;
      for (std::size_t k = 1; k < pattern.parts.size(); ++k) {
        std::size_t pb, pe;
        if (!next_match(*pattern.parts[k], text, unit.begin, unit.end, unit.begin, pb, pe)) {
          all = false;
          break;
        }
        other_b = std::min(other_b, pb);
        other_e = std::max(other_e, pe);
        if (k == 1 || pb > last_ob) {
          last_ob = pb;
          last_oe = pe;
        }
      }
      if (!all) continue;  // a part missing from this unit is missing for every match in it
      std::size_t pos = unit.begin;
      std::size_t b0, e0;
      while (next_match(*pattern.parts[0], text, unit.begin, unit.end, pos, b0, e0)) {
        std::size_t b = b0, e = e0, last_b = b0, last_e = e0;
        if (pattern.parts.size() > 1) {
          b = std::min(b, other_b);
          e = std::max(e, other_e);
          if (last_ob > last_b) {
            last_b = last_ob;
            last_e = last_oe;
          }
        }
        const bool near = pattern.distance == 0 || char_count(text.substr(b, e - b)) <= static_cast<std::size_t>(pattern.distance);
        if (e > b && near && passes(validate, text.substr(b, e - b)) &&
            !(exceptions && excused(text, b, e)) &&
            !(exceptions && negation && negates && (negated(*negation, c, last_b, last_e) ||
                                                            context_excuses(*negation, c, b)))) {
          begin = b;
          end = e;
          return true;
        }
        // Go on after this span; an empty match (refused at build) would otherwise loop.
        pos = e0 > b0 ? e0 : forward_chars(text, b0, 1);
        if (pos >= unit.end) break;
      }
    }
    return false;
  }

  static std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (char ch : s) n += !continuation_byte(ch);
    return n;
  }

  static constexpr int kMaxGroups = 64;
};

struct Matcher::Impl {
  std::vector<Rule> rules;
  struct Entry {
    std::size_t rule, pattern, part;
  };
  std::vector<Entry> entries;  // Set entry (compile order) -> where it belongs
  std::vector<std::size_t> entry_pack;  // Set entry -> index of its pack, which picks its Set
  std::shared_ptr<const Negation> negation;
  // Candidate selection: the patterns rewritten over the compressed alphabet in Sets that
  // read encoded text, one per pack (kSetMaxMem says why), and any the rewriter could not
  // handle in a Set that reads the normalized text itself. Each Set has the map of its
  // indexes back to pattern indexes.
  CompressedAlphabet alphabet;
  struct CodedSet {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> patterns;
  };
  std::vector<CodedSet> coded_sets;
  std::unique_ptr<RE2::Set> plain_set;
  std::vector<int> coded_patterns, plain_patterns;
  std::vector<std::string> coded_texts;  // the rewritten patterns, parallel to coded_patterns
#ifdef REPLYLINT_HYPERSCAN
  // In place of coded_sets, for the built-in packs: Hyperscan is as fast on the first reply as
  // on the millionth. Warm on replies they have seen the Sets are faster (20 against 65 µs a
  // reply with the round-6 packs, bench/run.sh), but their DFAs take 0.7-4 ms a reply to fill
  // and keep growing on varied replies (README, "Performance").
  std::unique_ptr<const HyperscanSet> hyperscan;
#endif
};

namespace {

// The normalized text of every example of every pack, markers removed: text like the replies
// the engine will see, for choosing which characters get single-byte codes.
std::vector<std::string> example_texts(const std::vector<PackSpec>& packs) {
  std::vector<std::string> texts;
  Normalized n;
  NormalizerScratch scratch;
  for (const PackSpec& pack : packs)
    for (const RuleSpec& rule : pack.rules)
      for (const auto* list : {&rule.bad_examples, &rule.good_examples})
        for (const ExampleSpec& e : *list) {
          const std::string text = strip_example_markers(e.text);
          normalize(text, n, scratch);
          texts.push_back(n.text);
        }
  return texts;
}

// Matches `set` over `text` and appends the pattern indexes it reports (through `map`) to
// `out`. False, with `failed` set, when RE2 could not answer (its DFA ran out of memory).
bool match_set(const RE2::Set& set, std::string_view text, const std::vector<int>& map, std::vector<int>& scratch,
               std::vector<int>& out, bool& failed) {
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  // First without asking which patterns: RE2 then stops at the first match and allocates
  // nothing, and most replies match nothing at all.
  if (!set.Match(text, nullptr, &info)) {
    failed = info.kind != RE2::Set::kNoError;
    return false;
  }
  if (!set.Match(text, &scratch, &info)) {
    failed = true;
    return false;
  }
  for (int k : scratch) out.push_back(map[static_cast<std::size_t>(k)]);
  return true;
}

thread_local ScratchArray<char> t_encoded;  // per-thread scratch: the reply in the compressed alphabet
thread_local std::vector<int> t_set_hits;

}  // namespace

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;

Result<std::shared_ptr<const Matcher>> Matcher::build(const std::vector<PackSpec>& packs,
                                                      std::shared_ptr<const Negation> negation, bool validated,
                                                      const CandidateSpec* prebuilt) {
  std::shared_ptr<Matcher> m(new Matcher());
  Impl& impl = *m->impl_;
  impl.negation = std::move(negation);

  // Every pattern and exception is parsed here, so that a broken pack is refused now; they are
  // compiled when first needed (OnDemandRE2). RE2::Set::Add parses exactly as the RE2
  // constructor does and reports the same error text.
  RE2::Options parse_options = pattern_options();
  RE2::Set parser(parse_options, RE2::UNANCHORED);
  auto parse_error = [&](const std::string& pattern) {
    if (validated) return std::optional<std::string>();
    std::string error;
    return parser.Add(pattern, &error) < 0 ? std::optional<std::string>(error) : std::nullopt;
  };

  struct Origin {
    const PackSpec* pack;
    const RuleSpec* rule;
    const PatternSpec* pattern;
    const std::string* text;
  };
  std::vector<Origin> origins;  // per Set entry
  std::vector<std::string> patterns;
  for (const PackSpec& pack : packs) {
    const std::size_t pack_index = static_cast<std::size_t>(&pack - packs.data());
    for (const RuleSpec& spec : pack.rules) {
      auto bad = [&](const SourcePos& p, const std::string& what) {
        return Error{ErrorCode::kBadPattern, what, pack.file, p.line, p.column, spec.id};
      };
      Rule rule;
      rule.validate = spec.validate;
      rule.negates = spec.negation;
      rule.question_excuses = spec.question_excuses;
      rule.warning_excuses = spec.warning_excuses;
      // Each part is parsed (and compiled now if it could be too large); reply parts become
      // Set entries.
      auto compile_pattern = [&](const PatternSpec& p, bool in_set) -> std::optional<Error> {
        Rule::Pattern pattern;
        pattern.scope = p.scope;
        pattern.distance = p.distance;
        std::vector<const std::string*> parts{&p.pattern};
        for (const std::string& w : p.with) parts.push_back(&w);
        for (const std::string* part : parts) {
          if (auto error = parse_error(*part)) return bad(p.pos, "bad pattern '" + *part + "': " + *error);
          std::unique_ptr<RE2> compiled;
          if (!validated && may_be_too_large(*part)) {
            compiled = std::make_unique<RE2>(*part, pattern_options());
            if (!compiled->ok()) return bad(p.pos, "bad pattern '" + *part + "': " + compiled->error());
          }
          if (named_group_index(*part, "span") >= Rule::kMaxGroups)
            return bad(p.pos, "pattern '" + *part + "' has its 'span' group after more than " +
                                  std::to_string(Rule::kMaxGroups - 1) + " groups");
          if (!validated && p.scope != Scope::kReply && RE2::FullMatch("", RE2(*part, pattern_options())))
            return bad(p.pos, "pattern '" + *part + "' matches the empty string, so it would fire everywhere");
          pattern.parts.push_back(std::make_unique<OnDemandRE2>(*part, std::move(compiled)));
          if (in_set) {
            pattern.entries.push_back(static_cast<int>(impl.entries.size()));
            impl.entries.push_back({impl.rules.size(), rule.patterns.size(), pattern.parts.size() - 1});
            impl.entry_pack.push_back(pack_index);
            patterns.push_back(p.scope == Scope::kReply ? *part : without_anchors(*part));
            origins.push_back({&pack, &spec, &p, part});
          } else {
            pattern.entries.push_back(-1);
          }
        }
        (in_set ? rule.patterns : rule.buyer).push_back(std::move(pattern));
        return std::nullopt;
      };
      for (const PatternSpec& p : spec.patterns)
        if (auto error = compile_pattern(p, true)) return *error;
      for (const PatternSpec& p : spec.buyer)
        if (auto error = compile_pattern(p, false)) return *error;
      // Exceptions that look at the same text (same place, same window) become one RE2, the
      // alternation of their patterns: one search instead of several, the same answer (a
      // match is excused when any of them matches). Patterns that cannot be pasted into an
      // alternation safely (\Q without \E, named groups that could clash) stay alone.
      std::vector<std::pair<const ExceptionSpec*, std::string>> merged;  // first of a group, pattern
      for (const ExceptionSpec& e : spec.unless) {
        if (auto error = parse_error(e.pattern)) return bad(e.pos, "bad 'unless' pattern '" + e.pattern + "': " + *error);
        if (!validated && may_be_too_large(e.pattern)) {
          const RE2 compiled(e.pattern, pattern_options());
          if (!compiled.ok()) return bad(e.pos, "bad 'unless' pattern '" + e.pattern + "': " + compiled.error());
        }
        const bool pastable = e.pattern.find("\\Q") == std::string::npos && e.pattern.find("(?P<") == std::string::npos;
        const int window = e.where == ExceptionSpec::Where::kBefore || e.where == ExceptionSpec::Where::kAfter ? e.window : 0;
        auto same = std::find_if(merged.begin(), merged.end(), [&](const auto& group) {
          const int w = group.first->where == ExceptionSpec::Where::kBefore || group.first->where == ExceptionSpec::Where::kAfter
                            ? group.first->window
                            : 0;
          return group.first->where == e.where && w == window && !group.second.empty();
        });
        if (pastable && same != merged.end() && !parse_error(same->second + "|(?:" + e.pattern + ")")) {
          same->second += "|(?:" + e.pattern + ")";
        } else {
          merged.push_back({&e, pastable ? "(?:" + e.pattern + ")" : std::string()});
          if (!pastable) merged.back().second.clear();
        }
      }
      for (const auto& [e, pattern] : merged)
        rule.unless.push_back({e->where, std::make_unique<OnDemandRE2>(pattern.empty() ? e->pattern : pattern), e->window});
      impl.rules.push_back(std::move(rule));
    }
  }
  if (impl.rules.empty()) return Error{ErrorCode::kInvalidArgument, "no rules to compile"};

  // Each Set entry rewritten over the compressed alphabet, or not (the rewriter does not handle
  // it): made here, or taken from the build.
  std::vector<std::optional<std::string>> rewritten(patterns.size());
  bool hyperscan = false;
  if (prebuilt) {
    auto alphabet = CompressedAlphabet::from_codes(prebuilt->alphabet);
    if (!alphabet || prebuilt->coded_entries.size() != prebuilt->coded_patterns.size())
      return Error{ErrorCode::kInternal, "the compiled-in candidate stage does not fit the packs"};
    impl.alphabet = std::move(*alphabet);
    for (std::size_t k = 0; k < prebuilt->coded_entries.size(); ++k) {
      const auto entry = static_cast<std::size_t>(prebuilt->coded_entries[k]);
      if (entry >= patterns.size()) return Error{ErrorCode::kInternal, "the compiled-in candidate stage does not fit the packs"};
      rewritten[entry] = prebuilt->coded_patterns[k];
    }
#ifdef REPLYLINT_HYPERSCAN
    if (!prebuilt->hyperscan.empty()) {
      // A database that does not load here (made for a CPU with features this one lacks, such
      // as the build machine's AVX-512, or read under valgrind, which lacks them too) leaves
      // the rewritten patterns to RE2::Sets: slower to start, the same answers.
      if (auto loaded = HyperscanSet::load(prebuilt->hyperscan, prebuilt->hyperscan_features)) {
        impl.hyperscan = std::move(loaded).value();
        hyperscan = true;
      }
    }
#endif
  } else {
    impl.alphabet = CompressedAlphabet::build(patterns, example_texts(packs));
    for (std::size_t k = 0; k < patterns.size(); ++k) rewritten[k] = impl.alphabet.rewrite(patterns[k]);
  }
  RE2::Options plain_options = pattern_options();
  plain_options.set_max_mem(kSetMaxMem);
  std::vector<Impl::CodedSet> coded(packs.size());
  for (auto& c : coded) c.set = std::make_unique<RE2::Set>(coded_options(), RE2::UNANCHORED);
  auto plain = std::make_unique<RE2::Set>(plain_options, RE2::UNANCHORED);
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    // With Hyperscan, the build has already sorted the entries (those in prebuilt are coded).
    Impl::CodedSet& c = coded[impl.entry_pack[k]];
    if (rewritten[k] && (hyperscan || c.set->Add(*rewritten[k], nullptr) >= 0)) {
      impl.coded_patterns.push_back(static_cast<int>(k));
      impl.coded_texts.push_back(*rewritten[k]);
      if (!hyperscan) c.patterns.push_back(static_cast<int>(k));
    } else {
      plain->Add(patterns[k], nullptr);  // parsed above
      impl.plain_patterns.push_back(static_cast<int>(k));
    }
  }
  auto too_big = [] {
    return Error{ErrorCode::kOutOfMemory, "the rule patterns together exceed RE2's memory budget of " +
                                              std::to_string(kSetMaxMem >> 20) + " MB"};
  };
  for (Impl::CodedSet& c : coded) {
    if (c.patterns.empty()) continue;
    if (!c.set->Compile()) return too_big();
    impl.coded_sets.push_back(std::move(c));
  }
  if (!impl.plain_patterns.empty()) {
    if (!plain->Compile()) return too_big();
    impl.plain_set = std::move(plain);
  }

  // A pattern that matches the empty string would fire on every reply. The Sets tell which
  // do: matching the empty text, a rewritten pattern behaves as the original (only anchors and
  // repetition counts matter there). This also builds the Sets' start states, the first states
  // of their automata, now rather than during the first reply.
  std::vector<int> empty;
  std::vector<std::pair<const RE2::Set*, const std::vector<int>*>> sets{{impl.plain_set.get(), &impl.plain_patterns}};
  for (const Impl::CodedSet& c : impl.coded_sets) sets.push_back({c.set.get(), &c.patterns});
  for (const auto& [set, map] : sets) {
    std::vector<int> found;
    if (!validated && set && set->Match("", &found))
      for (int k : found)
        if (origins[static_cast<std::size_t>((*map)[static_cast<std::size_t>(k)])].pattern->scope == Scope::kReply)
          empty.push_back((*map)[static_cast<std::size_t>(k)]);  // scoped parts were checked whole above
  }
  if (!empty.empty()) {
    const Origin& o = origins[static_cast<std::size_t>(*std::min_element(empty.begin(), empty.end()))];
    return Error{ErrorCode::kBadPattern,
                 "pattern '" + *o.text + "' matches the empty string, so it would fire everywhere",
                 o.pack->file, o.pattern->pos.line, o.pattern->pos.column, o.rule->id};
  }
  return std::shared_ptr<const Matcher>(std::move(m));
}

bool Matcher::candidates(const Normalized& normalized, std::vector<int>& candidates) const {
  const Impl& impl = *impl_;
  candidates.clear();
  bool failed = false;
  if (!impl.coded_patterns.empty()) {
    t_encoded.reserve(2 * normalized.size() + 1, 0);
    const std::string_view encoded(t_encoded.data(), impl.alphabet.encode(normalized, t_encoded.data()));
#ifdef REPLYLINT_HYPERSCAN
    if (impl.hyperscan) {
      t_set_hits.clear();
      failed = !impl.hyperscan->match(encoded, t_set_hits);
      for (int k : t_set_hits) candidates.push_back(impl.coded_patterns[static_cast<std::size_t>(k)]);
    }
#endif
    for (const Impl::CodedSet& c : impl.coded_sets)
      if (!failed) match_set(*c.set, encoded, c.patterns, t_set_hits, candidates, failed);
  }
  if (impl.plain_set && !failed)
    match_set(*impl.plain_set, normalized.text, impl.plain_patterns, t_set_hits, candidates, failed);
  if (failed) {
    // A DFA ran out of memory on this text: try every pattern, which is slower but gives the
    // same answer.
    candidates.clear();
    for (std::size_t i = 0; i < impl.entries.size(); ++i) candidates.push_back(static_cast<int>(i));
    return true;
  }
  std::sort(candidates.begin(), candidates.end());  // rule order, then pattern order
  return !candidates.empty();
}

void Matcher::match(const Normalized& normalized, std::vector<int>& candidates, std::vector<Hit>& hits,
                    const Normalized* buyer) const {
  if (!this->candidates(normalized, candidates)) return;
  Context context{normalized, buyer, t_clauses};
  confirm(context, candidates, hits);
}

CandidateSpec Matcher::candidate_spec() const {
  return CandidateSpec{impl_->alphabet.codes(), impl_->coded_patterns, impl_->coded_texts, {}, 0};
}

bool Matcher::uses_hyperscan() const {
#ifdef REPLYLINT_HYPERSCAN
  return impl_->hyperscan != nullptr;
#else
  return false;
#endif
}

std::size_t Matcher::pattern_count() const { return impl_->entries.size(); }
std::size_t Matcher::pattern_rule(std::size_t pattern) const { return impl_->entries[pattern].rule; }

int Matcher::program_size(std::size_t pattern) const {
  const Impl::Entry& e = impl_->entries[pattern];
  return impl_->rules[e.rule].patterns[e.pattern].parts[e.part]->get().ProgramSize();
}

bool Matcher::confirm_pattern(std::size_t pattern, const Normalized& text, std::size_t& begin, std::size_t& end) const {
  const Impl::Entry& e = impl_->entries[pattern];
  const Rule& rule = impl_->rules[e.rule];
  if (!rule.buyer.empty()) return false;
  Context context{text, nullptr, t_clauses};
  return rule.first_unexcused(context, impl_->negation.get(), rule.patterns[e.pattern], false, begin, end);
}

void Matcher::match_each_rule(const Normalized& normalized, std::vector<int>& candidates, std::vector<Hit>& hits) const {
  candidates.clear();
  for (std::size_t i = 0; i < impl_->entries.size(); ++i) candidates.push_back(static_cast<int>(i));
  Context context{normalized, nullptr, t_clauses};
  confirm(context, candidates, hits);
}

void Matcher::confirm(Context& context, const std::vector<int>& candidates, std::vector<Hit>& hits) const {
  const Impl& impl = *impl_;
  const auto flagged = [&](int entry) { return std::binary_search(candidates.begin(), candidates.end(), entry); };
  std::size_t i = 0;
  while (i < candidates.size()) {
    const std::size_t rule_index = impl.entries[static_cast<std::size_t>(candidates[i])].rule;
    const Rule& rule = impl.rules[rule_index];
    // The patterns of this rule with every part flagged, each tried once.
    std::size_t last_pattern = static_cast<std::size_t>(-1);
    bool found = false;
    std::size_t best_begin = 0, best_end = 0;
    const bool answerable = rule.buyer.empty() || context.buyer != nullptr;
    for (; i < candidates.size() && impl.entries[static_cast<std::size_t>(candidates[i])].rule == rule_index; ++i) {
      const std::size_t p = impl.entries[static_cast<std::size_t>(candidates[i])].pattern;
      if (p == last_pattern || !answerable) continue;
      last_pattern = p;
      const Rule::Pattern& pattern = rule.patterns[p];
      if (!std::all_of(pattern.entries.begin(), pattern.entries.end(), flagged)) continue;
      std::size_t b, e;
      if (rule.first_unexcused(context, impl.negation.get(), pattern, false, b, e) && (!found || b < best_begin)) {
        found = true;
        best_begin = b;
        best_end = e;
      }
    }
    if (found && !rule.buyer.empty()) {
      // The buyer must have asked for it: one of the buyer patterns matches the message.
      found = false;
      for (const Rule::Pattern& bp : rule.buyer) {
        std::size_t b, e;
        if (rule.first_unexcused(context, nullptr, bp, true, b, e)) {
          found = true;
          break;
        }
      }
    }
    if (found) hits.push_back({rule_index, best_begin, best_end});
  }
}

}  // namespace replylint::detail

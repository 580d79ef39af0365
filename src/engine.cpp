#include "replylint/engine.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "replylint/engine_slot.hpp"

#include "dead_literals.hpp"
#include "embedded_packs.hpp"
#include "expand.hpp"
#include "matcher.hpp"
#include "negation.hpp"
#include "pack_blob.hpp"
#include "normalizer.hpp"
#include "word_classes.hpp"
#include "replylint/tools/utf8.hpp"

namespace replylint {

struct Engine::Impl {
  std::vector<PackSpec> packs;
  std::vector<RuleInfo> rules;  // in compile order
  // The matchers, each numbering its rules from `first` on in `rules`: one for all the packs,
  // or, when the built-in packs come first unchanged, theirs as the build compiled it and one
  // for the packs after them.
  struct Part {
    std::shared_ptr<const detail::Matcher> matcher;
    std::size_t first;
  };
  std::vector<Part> matchers;
  EngineOptions options;
  std::unordered_map<std::string_view, std::size_t> rule_index;  // id -> index in rules
  std::unordered_set<std::string_view> pack_ids;
};

namespace {

// Working memory of one thread, reused across checks so the steady state does not allocate.
struct Scratch {
  detail::Normalized normalized, buyer;
  detail::NormalizerScratch normalizer;
  std::vector<int> candidates;
  std::vector<detail::Hit> hits;
};

Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

// The per-call options, checked against the engine. `points` is filled only when overridden.
struct Selection {
  const CheckOptions* options = nullptr;
  bool filters = false;
  std::unordered_map<std::size_t, int> points;  // rule index -> overridden points

  bool names(const std::vector<std::string>& ids, const RuleInfo& rule) const {
    for (const std::string& id : ids)
      if (id == rule.id || id == rule.pack) return true;
    return false;
  }
  bool applies(const RuleInfo& rule) const {
    if (!filters) return true;
    if (!options->only.empty() && !names(options->only, rule)) return false;
    return !names(options->skip, rule);
  }
};

// A pattern or exception with a literal that normalized text never holds ('Ａ', '，', ' ',
// '發') has a branch that can never match, or is an exception that can never apply.
std::optional<Error> dead_pattern(const std::vector<PackSpec>& packs) {
  const auto error = [](const PackSpec& pack, const RuleSpec& rule, const SourcePos& pos, const std::string& what,
                        char32_t cp) {
    return Error{ErrorCode::kBadPattern,
                 what + " holds '" + detail::utf8(cp) + "', which never occurs in normalized text (lower case, Simplified, "
                        "no spaces or punctuation: rules/README.md), so it can never " +
                     (what == "pattern" ? "match there" : "apply"),
                 pack.file, pos.line, pos.column, rule.id};
  };
  for (const PackSpec& pack : packs)
    for (const RuleSpec& rule : pack.rules) {
      for (const auto* list : {&rule.patterns, &rule.buyer})
        for (const PatternSpec& p : *list) {
          if (auto cp = detail::dead_literal(p.pattern)) return error(pack, rule, p.pos, "pattern", *cp);
          for (const std::string& w : p.with)
            if (auto cp = detail::dead_literal(w)) return error(pack, rule, p.pos, "pattern", *cp);
        }
      for (const ExceptionSpec& e : rule.unless)
        if (auto cp = detail::dead_literal(e.pattern)) return error(pack, rule, e.pos, "this exception", *cp);
    }
  return std::nullopt;
}

// A rule that flags one of its own compliant examples contradicts itself; such a pack is refused
// at load rather than left to `rules test`. (Good examples flagged by another pack's rule are a
// clash between packs, which only `rules test` over all of them can see.)
std::optional<Error> flags_own_compliant_example(const Engine& engine, std::size_t skip_packs) {
  for (std::size_t k = skip_packs; k < engine.packs().size(); ++k) {
    const PackSpec& pack = engine.packs()[k];
    for (const RuleSpec& rule : pack.rules) {
      for (const ExampleSpec& e : rule.good_examples) {
        auto report = engine.check_with_buyer(e.buyer, e.text);
        if (!report) continue;  // over the length limit: `rules test` says so
        for (const Violation& v : report->violations)
          if (v.rule == rule.id)
            return Error{ErrorCode::kSchema, "the rule flags its own compliant example at '" + v.text + "'",
                         pack.file, e.pos.line, e.pos.column, rule.id};
      }
    }
  }
  return std::nullopt;
}

// A pack may state one platform rule twice, as a phrasing and as its general form
// (invoice.fee and invoice.fee-any): where both fire on overlapping text, that is one
// incident said twice, and only the one with the most points (the earlier rule of equals) is
// reported. The violations are still in compile order here: the matchers report rules in order.
void drop_restatements(Report& report) {
  std::vector<Violation>& all = report.violations;
  std::vector<bool> drop(all.size(), false);
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = 0; j < all.size() && !drop[i]; ++j) {
      const Violation& a = all[i];
      const Violation& b = all[j];
      if (i == j || drop[j] || a.platform_rule != b.platform_rule || a.end <= b.start || b.end <= a.start) continue;
      drop[i] = b.points > a.points || (b.points == a.points && j < i);
    }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (!drop[i]) {
      if (kept != i) all[kept] = std::move(all[i]);
      ++kept;
    }
  all.resize(kept);
}

// One incident of a platform rule costs its points once: of the violations that share a
// platform rule, the one with the most points (the first of equals) counts.
void count_platform_rules(Report& report) {
  report.points = 0;
  for (std::size_t i = 0; i < report.violations.size(); ++i) {
    Violation& v = report.violations[i];
    v.counted = true;
    for (std::size_t j = 0; j < report.violations.size() && v.counted; ++j) {
      const Violation& w = report.violations[j];
      if (j != i && w.platform_rule == v.platform_rule && (w.points > v.points || (w.points == v.points && j < i)))
        v.counted = false;
    }
    if (v.counted) report.points += v.points;
  }
}

}  // namespace

Engine::Engine(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

EngineSlot::EngineSlot(Engine engine) : engine_(std::move(engine)) {}

Engine EngineSlot::get() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return engine_;
}

Engine EngineSlot::exchange(Engine next) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::swap(engine_, next);
  }
  return next;  // the caller releases the old engine, outside the lock
}

void EngineSlot::set(Engine next) { exchange(std::move(next)); }

Result<Engine> Engine::compile(const std::vector<PackSpec>& packs, EngineOptions options) {
  return build(packs, options, true);
}

namespace detail {

Result<Expanded> expand(const std::vector<PackSpec>& packs) {
  Expanded out;
  for (const PackSpec& p : packs)
    if (p.lexicon) {
      if (out.lexicon)
        return Error{ErrorCode::kInvalidArgument,
                     "two lexicons: " + out.lexicon->file + " and " + p.file + " (the rules use one)", p.file};
      out.lexicon = &p;
    }
  if (!out.lexicon) {
    auto builtin = embedded_lexicon();
    if (!builtin) return builtin.error();
    out.owned_lexicon.push_back(std::move(builtin).value());
    out.lexicon = &out.owned_lexicon.back();
  }
  auto negation = negation_of(*out.lexicon);
  if (!negation) return negation.error();
  out.negation = std::move(negation).value();
  for (const PackSpec& pack : packs) {
    if (pack.lexicon) continue;
    auto classes = WordClasses::build(out.lexicon, &pack);
    if (!classes) return classes.error();
    PackSpec expanded = pack;
    for (RuleSpec& rule : expanded.rules) {
      auto fix = [&](std::string& pattern, const SourcePos& pos) -> std::optional<Error> {
        auto e = classes->expand(pattern);
        if (!e) return Error{e.error().code, e.error().message, pack.file, pos.line, pos.column, rule.id};
        pattern = std::move(e).value();
        return std::nullopt;
      };
      for (auto* list : {&rule.patterns, &rule.buyer})
        for (PatternSpec& p : *list) {
          if (auto error = fix(p.pattern, p.pos)) return *error;
          for (std::string& w : p.with)
            if (auto error = fix(w, p.pos)) return *error;
        }
      for (ExceptionSpec& e : rule.unless)
        if (auto error = fix(e.pattern, e.pos)) return *error;
    }
    out.packs.push_back(std::move(expanded));
  }
  return out;
}

Result<std::shared_ptr<const Negation>> negation_of(const PackSpec& lexicon) {
  auto shared = WordClasses::build(&lexicon, nullptr);
  if (!shared) return shared.error();
  return Negation::build(*shared, lexicon.file);
}

Result<std::shared_ptr<const Matcher>> build_matcher(const std::vector<PackSpec>& packs) {
  auto expanded = expand(packs);
  if (!expanded) return expanded.error();
  return Matcher::build(expanded->packs, expanded->negation);
}

std::size_t builtin_prefix(const std::vector<PackSpec>& packs) {
  const EmbeddedBytes bytes = embedded_bytes();
  const std::size_t n = embedded_pack_data().written.size();
  if (n == 0 || packs.size() <= n) return 0;
  const std::vector<PackSpec> head(packs.begin(), packs.begin() + static_cast<std::ptrdiff_t>(n));
  return write_packs(head) == bytes.written ? n : 0;
}
}  // namespace detail

namespace {

// The state of the engine of `packs`, whose rule packs with word classes expanded are
// `expanded`. The first `builtin` of `expanded` are the built-in packs, which the build has
// checked and compiled (embedded_packs.hpp): the parse checks are skipped for them and their
// matcher is made from what the build made; the rest get a matcher of their own, checked. A
// template only so that it can make Engine's private Impl, which the members below name for
// it. Throws std::bad_alloc.
template <typename Impl>
Result<std::shared_ptr<Impl>> assemble(const std::vector<PackSpec>& packs, const std::vector<PackSpec>& expanded,
                                       std::shared_ptr<const detail::Negation> negation, EngineOptions options,
                                       std::size_t builtin) {
  auto impl = std::make_shared<Impl>();
  std::set<std::string> ids;
  std::set<std::string> pack_ids;
  for (const PackSpec& pack : packs) {
    if (!pack_ids.insert(pack.id).second)
      return Error{ErrorCode::kDuplicateRule, "pack '" + pack.id + "' is loaded twice", pack.file};
  }
  for (std::size_t k = 0; k < expanded.size(); ++k) {
    const PackSpec& pack = expanded[k];
    const PackSpec& written = *std::find_if(packs.begin(), packs.end(), [&](const PackSpec& p) { return p.id == pack.id && !p.lexicon; });
    for (std::size_t r = 0; r < pack.rules.size(); ++r) {
      const RuleSpec& x = pack.rules[r];
      if (!ids.insert(x.id).second)
        return Error{ErrorCode::kDuplicateRule, "rule id '" + x.id + "' is used twice", pack.file,
                     x.pos.line, x.pos.column, x.id};
      RuleInfo info{x.id, pack.id, x.title, x.message, x.suggestion, x.source, x.points, {}, {}, {}, {}};
      info.platform_rule =
          pack.id + "." + (x.platform_rule.empty() ? x.id.substr(pack.id.size() + 1) : x.platform_rule);
      auto describe = [](const PatternSpec& p) {
        if (p.with.empty() && p.scope == Scope::kReply) return p.pattern;
        std::string d = "all of [" + p.pattern;
        for (const std::string& w : p.with) d += ", " + w;
        d += std::string("] within a ") + (p.scope == Scope::kClause ? "clause" : p.scope == Scope::kSentence ? "sentence" : "reply");
        if (p.distance) d += ", at most " + std::to_string(p.distance) + " characters";
        return d;
      };
      for (const PatternSpec& p : written.rules[r].patterns) info.patterns.push_back(describe(p));
      for (const PatternSpec& p : x.patterns) info.expanded.push_back(describe(p));
      for (const PatternSpec& p : x.buyer) info.buyer.push_back(describe(p));
      impl->rules.push_back(std::move(info));
    }
  }
  std::size_t builtin_rules = 0;
  if (builtin > 0) {
    const detail::EmbeddedPacks& data = detail::embedded_pack_data();
    auto matcher = detail::Matcher::build(data.expanded, negation, true, &data.candidates);
    if (!matcher) return matcher.error();
    impl->matchers.push_back({std::move(matcher).value(), 0});
    for (std::size_t k = 0; k < builtin; ++k) builtin_rules += expanded[k].rules.size();
  }
  if (builtin < expanded.size()) {
    std::vector<PackSpec> slice;
    if (builtin > 0) slice.assign(expanded.begin() + static_cast<std::ptrdiff_t>(builtin), expanded.end());
    const std::vector<PackSpec>& rest = builtin > 0 ? slice : expanded;
    if (auto dead = dead_pattern(rest)) return *dead;
    auto matcher = detail::Matcher::build(rest, negation);
    if (!matcher) return matcher.error();
    impl->matchers.push_back({std::move(matcher).value(), builtin_rules});
  }
  impl->packs = packs;
  impl->options = options;
  for (std::size_t i = 0; i < impl->rules.size(); ++i) {
    impl->rule_index.emplace(impl->rules[i].id, i);
    impl->pack_ids.insert(impl->rules[i].pack);
  }
  return impl;
}

}  // namespace

Result<Engine> Engine::build(const std::vector<PackSpec>& packs, EngineOptions options, bool verify_examples) {
  try {
    if (packs.empty()) return Error{ErrorCode::kInvalidArgument, "no rule packs to compile"};
    auto expanded = detail::expand(packs);
    if (!expanded) return expanded.error();
    // The built-in packs, unchanged, followed by a shop's own (lint's pack_dirs): the build
    // checked the built-in ones and compiled their candidate stage, which is kept.
    const std::size_t builtin_written = detail::builtin_prefix(packs);
    const std::size_t builtin = builtin_written ? detail::embedded_pack_data().expanded.size() : 0;
    auto impl = assemble<Impl>(packs, expanded->packs, expanded->negation, options, builtin);
    if (!impl) return impl.error();
    Engine engine(std::move(impl).value());
    if (verify_examples)
      if (auto contradiction = flags_own_compliant_example(engine, builtin_written)) return *contradiction;
    return engine;
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while compiling the rules"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}


// The built-in packs were loaded, expanded and validated by the build (embedded_packs.hpp):
// no YAML, no class expansion and no parse checks here.
Result<Engine> Engine::from_embedded(EngineOptions options) {
  try {
    const detail::EmbeddedPacks& data = detail::embedded_pack_data();
    const auto lexicon = std::find_if(data.written.begin(), data.written.end(), [](const PackSpec& p) { return p.lexicon; });
    if (data.expanded.empty() || lexicon == data.written.end())
      return Error{ErrorCode::kInternal, "no rule pack was compiled in"};
    auto negation = detail::negation_of(*lexicon);
    if (!negation) return negation.error();
    auto impl = assemble<Impl>(data.written, data.expanded, std::move(negation).value(), options, data.expanded.size());
    if (!impl) return impl.error();
    return Engine(std::move(impl).value());
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while compiling the rules"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

Result<Engine> Engine::from_directory(const std::string& dir, EngineOptions options) {
  auto packs = load_pack_dir(dir);
  if (!packs) return packs.error();
  return compile(*packs, options);
}

Result<Engine> Engine::from_yaml(const std::vector<PackText>& texts, EngineOptions options) {
  try {
    if (texts.empty()) return Error{ErrorCode::kInvalidArgument, "no rule packs to compile"};
    std::vector<PackSpec> packs;
    packs.reserve(texts.size());
    for (const PackText& t : texts) {
      auto pack = load_pack(t.yaml, t.file);
      if (!pack) return pack.error();
      packs.push_back(std::move(pack).value());
    }
    return compile(packs, options);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while loading the rules"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

Result<Engine> Engine::from_yaml(std::string_view yaml, std::string_view file, EngineOptions options) {
  try {
    return from_yaml(std::vector<PackText>{PackText{std::string(file), std::string(yaml)}}, options);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while loading the rules"};
  }
}

Result<Report> Engine::check(std::string_view text) const {
  static const CheckOptions kDefaults;
  return check(text, kDefaults);
}

Result<Report> Engine::check(std::string_view text, const CheckOptions& options) const {
  return run({}, text, options);
}

Result<Report> Engine::check_with_buyer(std::string_view buyer, std::string_view reply,
                                        const CheckOptions& options) const {
  return run(buyer, reply, options);
}

Result<Report> Engine::run(std::string_view buyer, std::string_view text, const CheckOptions& options) const {
  const Impl& impl = *impl_;
  const std::size_t limit = options.max_reply_bytes ? options.max_reply_bytes : impl.options.max_reply_bytes;
  if (text.size() > limit)
    return Error{ErrorCode::kTooLong,
                 "reply is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(limit)};
  if (buyer.size() > limit)
    return Error{ErrorCode::kTooLong,
                 "buyer's message is " + std::to_string(buyer.size()) + " bytes, over the limit of " + std::to_string(limit)};
  try {
    Selection selection;
    selection.options = &options;
    selection.filters = !options.only.empty() || !options.skip.empty();
    for (const auto* list : {&options.only, &options.skip})
      for (const std::string& id : *list)
        if (!impl.rule_index.count(id) && !impl.pack_ids.count(id))
          return Error{ErrorCode::kInvalidArgument,
                       std::string("CheckOptions::") + (list == &options.only ? "only" : "skip") + " names '" + id +
                           "', which is neither a pack nor a rule of this engine",
                       "", 0, 0, id};
    for (const CheckOptions::Points& p : options.points) {
      const auto found = impl.rule_index.find(p.rule);
      if (found == impl.rule_index.end())
        return Error{ErrorCode::kInvalidArgument,
                     "CheckOptions::points names '" + p.rule + "', which is not a rule of this engine", "", 0, 0, p.rule};
      if (p.points < 0 || p.points > kMaxPoints)
        return Error{ErrorCode::kInvalidArgument,
                     "CheckOptions::points gives " + std::to_string(p.points) + " points, outside 0.." +
                         std::to_string(kMaxPoints), "", 0, 0, p.rule};
      if (!selection.points.emplace(found->second, p.points).second)
        return Error{ErrorCode::kInvalidArgument, "CheckOptions::points names a rule twice", "", 0, 0, p.rule};
    }

    Scratch& s = thread_scratch();
    detail::normalize(text, s.normalized, s.normalizer);
    if (!buyer.empty()) detail::normalize(buyer, s.buyer, s.normalizer);
    s.hits.clear();
    for (const Impl::Part& part : impl.matchers) {
      const std::size_t from = s.hits.size();
      part.matcher->match(s.normalized, s.candidates, s.hits, buyer.empty() ? nullptr : &s.buyer);
      for (std::size_t i = from; i < s.hits.size(); ++i) s.hits[i].rule += part.first;
    }

    Report report;
    report.invalid_utf8 = s.normalized.invalid_utf8;
    report.violations.reserve(s.hits.size());
    for (const detail::Hit& hit : s.hits) {
      const RuleInfo& rule = impl.rules[hit.rule];
      if (!selection.applies(rule)) continue;
      Violation v;
      v.rule = rule.id;
      v.pack = rule.pack;
      v.title = rule.title;
      v.points = rule.points;
      v.platform_rule = rule.platform_rule;
      if (!selection.points.empty())
        if (const auto p = selection.points.find(hit.rule); p != selection.points.end()) v.points = p->second;
      v.start = s.normalized.original_start(hit.begin);
      v.end = s.normalized.original_end(hit.end);
      v.char_start = detail::char_offset(text, v.start);
      v.char_end = v.char_start + detail::char_offset(text.substr(v.start), v.end - v.start);
      v.utf16_start = detail::utf16_units(text.substr(0, v.start));
      v.utf16_end = v.utf16_start + detail::utf16_units(text.substr(v.start, v.end - v.start));
      v.text = std::string(text.substr(v.start, v.end - v.start));
      v.message = rule.message;
      v.suggestion = rule.suggestion;
      report.violations.push_back(std::move(v));
    }
    if (report.violations.size() > 1) drop_restatements(report);
    std::sort(report.violations.begin(), report.violations.end(), [](const Violation& a, const Violation& b) {
      return a.start != b.start ? a.start < b.start : a.rule < b.rule;
    });
    count_platform_rules(report);
    return report;
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while checking a reply"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

const std::vector<RuleInfo>& Engine::rules() const { return impl_->rules; }

const RuleInfo* Engine::find_rule(std::string_view id) const {
  const auto found = impl_->rule_index.find(id);
  return found == impl_->rule_index.end() ? nullptr : &impl_->rules[found->second];
}

const std::vector<PackSpec>& Engine::packs() const { return impl_->packs; }

}  // namespace replylint

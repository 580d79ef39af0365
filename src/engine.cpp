#include "replylint/engine.hpp"

#include <algorithm>
#include <set>

#include "matcher.hpp"
#include "normalizer.hpp"

namespace replylint {

struct Engine::Impl {
  std::vector<PackSpec> packs;
  std::vector<RuleInfo> rules;  // in compile order, the order the matcher numbers them
  std::shared_ptr<const detail::Matcher> matcher;
  EngineOptions options;
};

namespace {

// Working memory of one thread, reused across checks so the steady state does not allocate.
struct Scratch {
  detail::Normalized normalized;
  detail::NormalizerScratch normalizer;
  std::vector<int> candidates;
  std::vector<detail::Hit> hits;
};

Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

Engine::Engine(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Engine> Engine::compile(const std::vector<PackSpec>& packs, EngineOptions options) {
  try {
    if (packs.empty()) return Error{ErrorCode::kInvalidArgument, "no rule packs to compile"};
    auto impl = std::make_shared<Impl>();
    std::set<std::string> ids;
    std::set<std::string> pack_ids;
    for (const PackSpec& pack : packs) {
      if (!pack_ids.insert(pack.id).second)
        return Error{ErrorCode::kDuplicateRule, "pack '" + pack.id + "' is loaded twice", pack.file};
      for (const RuleSpec& r : pack.rules) {
        if (!ids.insert(r.id).second)
          return Error{ErrorCode::kDuplicateRule, "rule id '" + r.id + "' is used twice", pack.file,
                       r.pos.line, r.pos.column, r.id};
        RuleInfo info{r.id, pack.id, r.title, r.message, r.suggestion, r.source, r.points, {}};
        for (const PatternSpec& p : r.patterns) info.patterns.push_back(p.pattern);
        impl->rules.push_back(std::move(info));
      }
    }
    auto matcher = detail::Matcher::build(packs);
    if (!matcher) return matcher.error();
    impl->matcher = std::move(matcher).value();
    impl->packs = packs;
    impl->options = options;
    return Engine(std::move(impl));
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while compiling the rules"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

Result<Engine> Engine::from_embedded(EngineOptions options) {
  auto packs = embedded_packs();
  if (!packs) return packs.error();
  return compile(*packs, options);
}

Result<Engine> Engine::from_directory(const std::string& dir, EngineOptions options) {
  auto packs = load_pack_dir(dir);
  if (!packs) return packs.error();
  return compile(*packs, options);
}

Result<Report> Engine::check(std::string_view text) const {
  const Impl& impl = *impl_;
  if (text.size() > impl.options.max_reply_bytes)
    return Error{ErrorCode::kTooLong, "reply is " + std::to_string(text.size()) + " bytes, over the limit of " +
                                          std::to_string(impl.options.max_reply_bytes)};
  try {
    Scratch& s = thread_scratch();
    detail::normalize(text, s.normalized, s.normalizer);
    s.hits.clear();
    impl.matcher->match(s.normalized, s.candidates, s.hits);

    Report report;
    report.invalid_utf8 = s.normalized.invalid_utf8;
    report.violations.reserve(s.hits.size());
    for (const detail::Hit& hit : s.hits) {
      const RuleInfo& rule = impl.rules[hit.rule];
      Violation v;
      v.rule = rule.id;
      v.pack = rule.pack;
      v.title = rule.title;
      v.points = rule.points;
      v.start = s.normalized.original_start(hit.begin);
      v.end = s.normalized.original_end(hit.end);
      v.char_start = detail::char_offset(text, v.start);
      v.char_end = v.char_start + detail::char_offset(text.substr(v.start), v.end - v.start);
      v.text = std::string(text.substr(v.start, v.end - v.start));
      v.message = rule.message;
      v.suggestion = rule.suggestion;
      report.points += v.points;
      report.violations.push_back(std::move(v));
    }
    std::sort(report.violations.begin(), report.violations.end(), [](const Violation& a, const Violation& b) {
      return a.start != b.start ? a.start < b.start : a.rule < b.rule;
    });
    return report;
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while checking a reply"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

const std::vector<RuleInfo>& Engine::rules() const { return impl_->rules; }

const RuleInfo* Engine::find_rule(std::string_view id) const {
  for (const RuleInfo& r : impl_->rules)
    if (r.id == id) return &r;
  return nullptr;
}

const std::vector<PackSpec>& Engine::packs() const { return impl_->packs; }

}  // namespace replylint

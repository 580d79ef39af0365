#include "commands.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include "drafts.hpp"
#include "replylint/engine.hpp"
#include "replylint/examples.hpp"

namespace replylint::cli {
namespace {

std::optional<Engine> load_engine(const Options& o) {
  auto engine = o.rules_dir.empty() ? Engine::from_embedded() : Engine::from_directory(o.rules_dir);
  if (!engine) {
    std::cerr << engine.error().to_string() << '\n';
    return std::nullopt;
  }
  return std::move(engine).value();
}

Result<Report> check_one(const Engine& engine, const Draft& d) {
  if (!d.error.empty()) return Error{ErrorCode::kInvalidArgument, d.error, {}, 0, 0, {}};
  return engine.check_with_buyer(d.buyer, d.reply);
}

// Checks `drafts` into `results` on `threads` threads, each taking a contiguous slice.
void check_all(const Engine& engine, const std::vector<Draft>& drafts, std::vector<Result<Report>>& results,
               unsigned threads) {
  results.clear();
  results.reserve(drafts.size());
  if (threads <= 1 || drafts.size() < 2 * threads) {
    for (const Draft& d : drafts) results.push_back(check_one(engine, d));
    return;
  }
  std::vector<std::optional<Result<Report>>> slots(drafts.size());
  std::vector<std::thread> pool;
  const std::size_t per = (drafts.size() + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t i = t * per; i < std::min(drafts.size(), (t + 1) * per); ++i)
        slots[i].emplace(check_one(engine, drafts[i]));
    });
  }
  for (std::thread& th : pool) th.join();
  for (auto& slot : slots) results.push_back(std::move(*slot));
}

}  // namespace

int run_check(const Options& o) {
  std::ios::sync_with_stdio(false);
  const auto engine = load_engine(o);
  if (!engine) return 2;
  Output out(stdout);
  const bool by_line = o.input == Input::kLines || o.input == Input::kJsonl;
  auto printer = o.format == Format::kText ? make_text_printer(out, by_line ? "line" : "reply")
                                           : make_json_printer(out, o.format == Format::kJsonl);
  Totals totals;
  DraftReader reader(o);
  std::vector<Draft> batch;
  std::vector<Result<Report>> results;
  while (!out.closed() && reader.next(batch)) {
    check_all(*engine, batch, results, o.threads);
    for (std::size_t i = 0; i < batch.size() && !out.closed(); ++i) {
      const std::size_t number = reader.first_number() + i;
      const Result<Report>& result = results[i];
      ++totals.replies;
      if (!result) {
        ++totals.errors;
        std::cerr << "replylint: " << (by_line ? "line " : "reply ") << number << ": error: " << result.error().message
                  << '\n';
      } else if (!result->clean()) {
        ++totals.flagged;
        totals.points += result->points;
      }
      // Only what is printed is masked: a clean reply is not shown at all in text.
      const bool flagged = result && !result->clean();
      printer->reply(number, flagged ? shown_text(batch[i].reply, o.show_matches) : std::string(),
                     flagged ? shown_text(batch[i].buyer, o.show_matches) : std::string(), result);
    }
  }
  printer->finish(totals);
  out.flush();
  if (totals.errors > 0) return 2;
  return totals.flagged > 0 ? 1 : 0;
}

int run_rules_list(const Options& o) {
  const auto engine = load_engine(o);
  if (!engine) return 2;
  Output out(stdout);
  std::size_t width = 0;
  for (const RuleInfo& r : engine->rules()) width = std::max(width, r.id.size());
  std::size_t packs = 0;
  for (const PackSpec& pack : engine->packs()) {
    if (pack.lexicon) {
      out << "lexicon " << pack.id << "  " << pack.title << "  (" << static_cast<long long>(pack.classes.size())
          << " word classes, " << pack.file << ")\n";
      continue;
    }
    ++packs;
    out << pack.id << "  " << pack.title << "  (version " << static_cast<long long>(pack.version) << ", "
        << pack.file << ")\n";
    for (const RuleSpec& r : pack.rules)
      out << "  " << r.id << std::string(width + 2 - r.id.size(), ' ') << (r.points < 10 ? " " : "")
          << static_cast<long long>(r.points) << " points  " << r.title << '\n';
  }
  const std::size_t rules = engine->rules().size();
  out << static_cast<long long>(rules) << (rules == 1 ? " rule in " : " rules in ") << static_cast<long long>(packs)
      << (packs == 1 ? " pack\n" : " packs\n");
  return 0;
}

int run_rules_test(const Options& o) {
  const auto engine = load_engine(o);
  if (!engine) return 2;
  const ExampleRun run = run_examples(*engine);
  Output out(stdout);
  for (const ExampleFailure& f : run.failures) out << f.to_string() << '\n';
  out << "rules test: " << static_cast<long long>(run.passed) << " passed, "
      << static_cast<long long>(run.failures.size()) << " failed\n";
  return run.failures.empty() ? 0 : 1;
}

int run_explain(const Options& o) {
  const auto engine = load_engine(o);
  if (!engine) return 2;
  const RuleInfo* rule = engine->find_rule(o.rule);
  if (!rule) {
    std::cerr << "replylint explain: unknown rule '" << o.rule << "'";
    std::string near;
    for (const RuleInfo& r : engine->rules())
      if (r.id.find(o.rule) != std::string::npos || o.rule.find(r.pack) == 0) near += "\n  " + r.id;
    if (!near.empty()) std::cerr << "; did you mean one of:" << near;
    std::cerr << "\n(replylint rules list shows every rule)\n";
    return 2;
  }
  const RuleSpec* spec = nullptr;
  for (const PackSpec& p : engine->packs())
    for (const RuleSpec& r : p.rules)
      if (r.id == rule->id) spec = &r;
  Output out(stdout);
  out << rule->id << "  " << rule->title << "  (" << static_cast<long long>(rule->points) << " points)\n\n"
      << "违规: " << rule->message << "\n建议: " << rule->suggestion << "\n来源: " << rule->source << "\n\n"
      << "patterns (against normalized text, rules/README.md):\n";
  for (const std::string& p : rule->patterns) out << "  " << p << '\n';
  if (rule->expanded != rule->patterns) {
    out << "with word classes expanded:\n";
    for (const std::string& p : rule->expanded) out << "  " << p << '\n';
  }
  if (!rule->buyer.empty()) {
    out << "only when the buyer's message matches one of:\n";
    for (const std::string& p : rule->buyer) out << "  " << p << '\n';
  }
  if (rule->platform_rule != rule->id) out << "counts once with the other rules of platform rule " << rule->platform_rule << '\n';
  if (spec && !spec->unless.empty()) {
    out << "unless:\n";
    static const char* kWhere[] = {"before", "after", "inside", "reply"};
    for (const ExceptionSpec& e : spec->unless) out << "  " << kWhere[static_cast<int>(e.where)] << ": " << e.pattern << '\n';
  }
  if (spec) {
    out << "violating, for example:\n";
    for (const ExampleSpec& e : spec->bad_examples) out << "  " << example_as_written(e) << '\n';
    out << "compliant, for example:\n";
    for (const ExampleSpec& e : spec->good_examples) out << "  " << example_as_written(e) << '\n';
  }
  return 0;
}

}  // namespace replylint::cli

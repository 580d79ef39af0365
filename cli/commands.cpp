#include "commands.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include "drafts.hpp"
#include "lint/sha256.hpp"
#include "replylint/engine.hpp"
#include "output.hpp"
#include "printers/printer.hpp"
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

// What one thread made of its share of a batch: the output and the error messages of its
// replies, in order, and their totals; for a printer that is not concurrent, the replies
// themselves, which the command prints in order.
struct Share {
  std::string out, err;
  Summary totals;
  Group scratch;             // reused for each reply, so that formatting allocates nothing
  std::vector<Group> held;   // for a printer that is not concurrent
};

Source source_of(Input input) {
  switch (input) {
    case Input::kLines: return Source::kLine;
    case Input::kJsonl: return Source::kJsonLine;
    case Input::kArguments:
    case Input::kStdin: break;
  }
  return Source::kReply;
}

void check_share(const Engine& engine, Printer& printer, const Options& o, const std::vector<Draft>& batch,
                 std::size_t from, std::size_t to, std::size_t first_number, Share& share) {
  const Source source = source_of(o.input);
  for (std::size_t i = from; i < to; ++i) {
    const std::size_t number = first_number + i;
    Result<Report> result = check_one(engine, batch[i]);
    ++share.totals.replies;
    if (!result) {
      ++share.totals.errors;
      share.err += "replylint: " + std::string(source == Source::kReply ? "reply " : "line ") + std::to_string(number) +
                   ": error: " + result.error().message + '\n';
    } else if (!result->clean()) {
      ++share.totals.flagged;
      share.totals.points += result->points;
    }
    // Only what is printed is masked: a clean reply is not shown at all.
    const bool flagged = result && !result->clean();
    std::string text = flagged ? shown_text(batch[i].reply, o.show_matches) : std::string();
    std::string buyer = flagged ? shown_text(batch[i].buyer, o.show_matches) : std::string();
    if (printer.concurrent()) {
      ShownReply reply;
      reply.source = source;
      reply.number = number;
      reply.text = text;
      reply.buyer = buyer;
      reply.report = result ? &*result : nullptr;
      if (!result) reply.error = result.error().message;
      Group& g = share.scratch;
      g.source = source;
      g.reply = &reply;
      g.findings.clear();
      add_reply_findings(g, reply);
      printer.group(share.out, g, number == 1);
      g.reply = nullptr;
      continue;
    }
    Group& g = share.held.emplace_back();
    g.source = source;
    OwnedReply& owned = g.own();
    owned.shown.source = source;
    owned.shown.number = number;
    owned.text = std::move(text);
    owned.buyer = std::move(buyer);
    // The reply's hash, as lint computes it: SARIF's fingerprint of a result across runs.
    if (flagged) owned.hash = lint::reply_hash(batch[i].buyer, batch[i].reply);
    if (result) owned.report = std::move(result).value();
    else owned.error = result.error().message;
    owned.bind();
    g.reply = &owned.shown;
    add_reply_findings(g, owned.shown);
  }
}

// Threads that check the shares of each batch, kept for the whole run: each keeps its scratch
// memory (the engine's, Hyperscan's) warm from one batch to the next.
class Workers {
 public:
  explicit Workers(unsigned count, std::function<void(unsigned)> work) : work_(std::move(work)) {
    for (unsigned t = 1; t <= count; ++t) threads_.emplace_back([this, t] { loop(t); });
  }
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
      ++round_;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  // Runs work(t) on every worker, and work(0) on the calling thread; returns when all are done.
  void run() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++round_;
      busy_ = threads_.size();
    }
    wake_.notify_all();
    work_(0);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return busy_ == 0; });
  }

 private:
  void loop(unsigned t) {
    std::size_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return round_ != seen; });
        seen = round_;
        if (stop_) return;
      }
      work_(t);
      std::lock_guard<std::mutex> lock(mutex_);
      if (--busy_ == 0) done_.notify_one();
    }
  }
  std::function<void(unsigned)> work_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::size_t round_ = 0, busy_ = 0;
  bool stop_ = false;
};

}  // namespace

int run_check(const Options& o) {
  std::ios::sync_with_stdio(false);
  const auto engine = load_engine(o);
  if (!engine) return 2;
  Output out(stdout);
  const Source source = source_of(o.input);
  const auto printer = find_format(o.format)->make(source);
  const unsigned threads = std::max(1u, o.threads);
  Summary totals;
  totals.source = source;
  DraftReader reader(o);
  std::vector<Draft> batch;
  std::vector<Share> shares(threads);
  Workers workers(threads - 1, [&](unsigned t) {
    const std::size_t per = (batch.size() + threads - 1) / threads;
    const std::size_t from = std::min(batch.size(), t * per), to = std::min(batch.size(), from + per);
    check_share(*engine, *printer, o, batch, from, to, reader.first_number(), shares[t]);
  });
  std::string held;
  while (!out.closed() && reader.next(batch)) {
    workers.run();
    for (Share& share : shares) {
      for (const Group& g : share.held) printer->group(held, g, g.reply->number == 1);
      out << held << share.out;
      std::cerr << share.err;
      totals.add(share.totals);
      held.clear();
      share.out.clear();
      share.err.clear();
      share.held.clear();
      share.totals = {};
    }
  }
  std::vector<RuleInfo> rules = engine->rules();
  std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  std::string end;
  printer->finish(end, totals, rules);
  out << end;
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

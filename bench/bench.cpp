// replylint_bench: how fast the engine checks replies, measured in one run (issue #6).
//
//   replylint_bench [options] CORPUS        one reply per line (bench/run.sh makes the default
//                                           corpus: 200,000 replies of gen_corpus.py, fixed seed)
//
// Reports, single-threaded and with --threads N: replies/s and MB/s of Engine::check over the
// whole corpus (the first pass, while RE2 still builds its automata, and the best of --repeat
// passes); latency per reply (p50/p90/p99/p99.9/max, and split by whether the reply had
// candidate rules to confirm); engine build time; time to the first checked reply and the
// mean of the next 1,000; the stages below the engine (fold, candidate selection, confirm);
// peak memory; the same replies checked with the candidate-selection step disabled (every
// pattern of every rule tried in turn, the per-rule RE2 loop) and whether both ways found
// exactly the same hits; optionally `replylint check "…"` as a whole process (--process).
// Timings are wall-clock on a steady clock, or this thread's CPU time with --cpu-time (on a
// busy machine); the last line says how much of a core the single-threaded stages got.
//
// It measures; it asserts nothing about time. It exits 1 only when the fast path and the
// per-rule loop disagree (a correctness bug), 2 on usage or input errors.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "embedded_packs.hpp"
#include "expand.hpp"
#include "matcher.hpp"
#include "normalizer.hpp"
#include "replylint/engine.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using replylint::Engine;
namespace detail = replylint::detail;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Single-threaded stages are timed on the wall clock (what a user sees) or, with --cpu-time,
// on this thread's CPU clock, which other processes on a busy machine disturb much less.
bool g_cpu_time = false;
double g_wall_total = 0, g_cpu_total = 0;  // over the timed single-threaded stages

double thread_cpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

struct Stopwatch {
  Clock::time_point wall = Clock::now();
  double cpu = thread_cpu();
  double seconds() const {
    const double w = seconds_since(wall), c = thread_cpu() - cpu;
    g_wall_total += w;
    g_cpu_total += c;
    return g_cpu_time ? c : w;
  }
};

struct Args {
  std::string corpus;
  std::string rules_dir;  // empty: the packs built into the library
  unsigned threads = 2;
  int repeat = 3;
  std::size_t loop_replies = 0;  // 0: all
  std::string process;           // a replylint binary to time as a whole process
  std::string label;             // shown in the table header (machine, date are added)
  bool cpu_time = false;
};

void usage() {
  std::fprintf(stderr,
               "usage: replylint_bench [--rules DIR] [--threads N] [--repeat R] [--loop-replies N]\n"
               "                       [--process REPLYLINT] [--label TEXT] [--cpu-time] CORPUS\n");
}

std::optional<Args> parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (k == "--rules" && (v = value())) a.rules_dir = v;
    else if (k == "--threads" && (v = value())) a.threads = static_cast<unsigned>(std::max(1, std::atoi(v)));
    else if (k == "--repeat" && (v = value())) a.repeat = std::max(1, std::atoi(v));
    else if (k == "--loop-replies" && (v = value())) a.loop_replies = std::strtoull(v, nullptr, 10);
    else if (k == "--process" && (v = value())) a.process = v;
    else if (k == "--label" && (v = value())) a.label = v;
    else if (k == "--cpu-time") a.cpu_time = true;
    else if (!k.empty() && k[0] != '-' && a.corpus.empty()) a.corpus = k;
    else return std::nullopt;
  }
  if (a.corpus.empty()) return std::nullopt;
  return a;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

std::string machine() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

double percentile(const std::vector<std::uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const std::size_t i = std::min(sorted.size() - 1, static_cast<std::size_t>(p / 100.0 * sorted.size()));
  return sorted[i];
}

// Checks replies[begin, end) and returns how many were flagged (so the work cannot be elided).
std::size_t check_range(const Engine& engine, const std::vector<std::string>& replies, std::size_t begin,
                        std::size_t end) {
  std::size_t flagged = 0;
  for (std::size_t i = begin; i < end; ++i) {
    auto r = engine.check(replies[i]);
    flagged += r && !r->clean();
  }
  return flagged;
}

// Best wall time of `repeat` passes over all replies on `threads` threads (contiguous slices).
double timed_pass(const Engine& engine, const std::vector<std::string>& replies, unsigned threads, int repeat,
                  std::size_t& flagged, double* first = nullptr) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const Stopwatch t0;
    if (threads == 1) {
      flagged = check_range(engine, replies, 0, replies.size());
    } else {
      std::vector<std::size_t> counts(threads);
      std::vector<std::thread> pool;
      const std::size_t per = (replies.size() + threads - 1) / threads;
      for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
          counts[t] = check_range(engine, replies, std::min(replies.size(), t * per),
                                  std::min(replies.size(), (t + 1) * per));
        });
      for (auto& th : pool) th.join();
      flagged = 0;
      for (std::size_t c : counts) flagged += c;
    }
    const double took = threads == 1 ? t0.seconds() : seconds_since(t0.wall);
    if (r == 0 && first) *first = took;
    best = std::min(best, took);
  }
  return best;
}

// Each reply's Engine::check in nanoseconds, one thread, wall clock.
std::vector<std::uint32_t> latencies(const Engine& engine, const std::vector<std::string>& replies) {
  std::vector<std::uint32_t> ns(replies.size());
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const auto t0 = Clock::now();
    auto r = engine.check(replies[i]);
    const auto t1 = Clock::now();
    ns[i] = static_cast<std::uint32_t>(std::min<long long>(
        UINT32_MAX, std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()));
    if (!r) ns[i] = UINT32_MAX;
  }
  return ns;
}

struct ProcessRun {
  double median_ms = 0, min_ms = 0, max_ms = 0;
  double median_cpu_ms = 0, min_cpu_ms = 0;  // the child's user + system time
  long max_rss_kb = 0;
  int status = -1;
};

// `BIN ARGS...` as a whole process, start to exit, `runs` times, standard input from `input`
// (or none) and standard output to /dev/null.
ProcessRun time_process(const std::string& bin, std::vector<std::string> args, const std::string& input, int runs) {
  ProcessRun out;
  std::vector<double> ms, cpu;
  args.insert(args.begin(), bin);
  for (int i = 0; i < runs; ++i) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, input.empty() ? "/dev/null" : input.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const auto t0 = Clock::now();
    pid_t pid;
    if (posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      posix_spawn_file_actions_destroy(&actions);
      return out;
    }
    int status = 0;
    rusage u{};
    wait4(pid, &status, 0, &u);
    ms.push_back(seconds_since(t0) * 1e3);
    cpu.push_back((u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3);
    posix_spawn_file_actions_destroy(&actions);
    out.max_rss_kb = std::max(out.max_rss_kb, u.ru_maxrss);
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  out.median_ms = ms[ms.size() / 2];
  out.min_ms = ms.front();
  out.max_ms = ms.back();
  out.median_cpu_ms = cpu[cpu.size() / 2];
  out.min_cpu_ms = cpu.front();
  return out;
}

std::vector<std::string> with_rules(std::vector<std::string> args, const std::string& rules_dir) {
  if (!rules_dir.empty()) args.insert(args.begin() + 1, {"--rules", rules_dir});
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  const auto args = parse(argc, argv);
  if (!args) {
    usage();
    return 2;
  }
  g_cpu_time = args->cpu_time;
  // `replylint check` as a whole process first, while this process is still small: a child's
  // peak RSS as the kernel reports it starts from its parent's at the time of the spawn.
  ProcessRun proc;
  // And the whole command on the corpus (reading, checking, printing jsonl), on 1 and N threads.
  std::vector<std::pair<unsigned, ProcessRun>> lines_runs;
  if (!args->process.empty()) {
    proc = time_process(args->process, with_rules({"check", "亲,加我微信 abc12345"}, args->rules_dir), "", 21);
    for (unsigned threads : {1u, args->threads}) {
      lines_runs.emplace_back(
          threads, time_process(args->process,
                                with_rules({"check", "--lines", "--format", "jsonl", "--threads", std::to_string(threads)},
                                           args->rules_dir),
                                args->corpus, 3));
      if (args->threads == 1) break;
    }
  }

  std::vector<std::string> replies;
  std::size_t bytes = 0;
  {
    std::ifstream in(args->corpus, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "replylint_bench: cannot read %s\n", args->corpus.c_str());
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      bytes += line.size();
      replies.push_back(std::move(line));
    }
  }
  if (replies.empty()) {
    std::fprintf(stderr, "replylint_bench: %s has no replies\n", args->corpus.c_str());
    return 2;
  }
  const long rss_before_engine = peak_rss_kb();

  // Engine build, then the first reply on a cold engine: what a chat client waits for.
  const Stopwatch t_build;
  auto built = args->rules_dir.empty() ? Engine::from_embedded() : Engine::from_directory(args->rules_dir);
  if (!built) {
    std::fprintf(stderr, "%s\n", built.error().to_string().c_str());
    return 2;
  }
  const Engine engine = std::move(built).value();
  const double build_s = t_build.seconds();
  const Stopwatch t_first;
  (void)engine.check(replies[0]);
  const double first_s = t_first.seconds();
  const double to_first_s = t_build.seconds();
  // The next 1,000 replies, still early: are they much slower than the steady state?
  const std::size_t early_n = std::min<std::size_t>(1000, replies.size() - 1);
  const Stopwatch t_early;
  check_range(engine, replies, 1, 1 + early_n);
  const double early_s = t_early.seconds();

  const std::size_t rules = engine.rules().size(), packs = engine.packs().size();
  const double mb = bytes / 1e6;
  std::printf("corpus: %s: %zu replies, %.1f MB (%.0f bytes/reply)\n", args->corpus.c_str(), replies.size(), mb,
              double(bytes) / replies.size());
  std::printf("rules: %zu in %zu packs (%s)\n", rules, packs,
              args->rules_dir.empty() ? "built in" : args->rules_dir.c_str());

  // How fast this machine is right now: memchr over every reply, the bandwidth ceiling that
  // the design notes measured at ~20 ns per reply on this kind of machine. Shared virtual
  // machines vary by tens of percent over a day; compare runs by this row too.
  double memchr_s = 1e300;
  for (int r = 0; r < 5; ++r) {
    const Stopwatch t0;
    std::size_t found = 0;
    for (const std::string& reply : replies) found += std::memchr(reply.data(), 0, reply.size()) != nullptr;
    memchr_s = std::min(memchr_s, t0.seconds());
    if (found == replies.size() + 1) std::printf(" ");
  }

  // And its compute speed: a chain of 100 million dependent multiply-adds (ns per step).
  double step_ns = 1e300;
  for (int r = 0; r < 3; ++r) {
    const Stopwatch t0;
    std::uint64_t x = replies.size();
    for (int k = 0; k < 100'000'000; ++k) x = x * 6364136223846793005ull + 1442695040888963407ull;
    step_ns = std::min(step_ns, t0.seconds() / 1e8 * 1e9);
    if (x == 42) std::printf(" ");
  }

  // Latency per reply on the first pass of a fresh engine, as a process that checks a log
  // once sees it (the engine above has seen 1,001 replies).
  std::vector<std::uint32_t> ns_first;
  {
    auto fresh = args->rules_dir.empty() ? Engine::from_embedded() : Engine::from_directory(args->rules_dir);
    if (!fresh) return 2;
    ns_first = latencies(*fresh, replies);
    std::sort(ns_first.begin(), ns_first.end());
  }

  // Throughput, one thread and N threads.
  std::size_t flagged = 0, flagged_n = 0;
  double one_first = 0;
  const double one = timed_pass(engine, replies, 1, args->repeat, flagged, &one_first);
  const double many = args->threads > 1 ? timed_pass(engine, replies, args->threads, args->repeat, flagged_n) : one;

  // Latency per reply, one thread, warm.
  std::vector<std::uint32_t> ns = latencies(engine, replies);
  const std::vector<std::uint32_t> ns_by_reply = ns;
  std::sort(ns.begin(), ns.end());
  double mean_ns = 0;
  for (auto v : ns) mean_ns += v;
  mean_ns /= ns.size();

  // The stages below the engine, and the per-rule loop, on the engine's own matcher: for the
  // built-in packs, the candidate stage the build made (Hyperscan where it loads), else
  // RE2::Sets. `set_matcher` is the RE2::Set stage on the same packs, timed beside it when the
  // two differ (as --rules DIR, or a build without Hyperscan, would run).
  std::vector<replylint::PackSpec> specs = engine.packs();
  auto set_result = detail::build_matcher(specs);
  if (!set_result) {
    std::fprintf(stderr, "%s\n", set_result.error().to_string().c_str());
    return 2;
  }
  const auto set_matcher = std::move(set_result).value();
  auto matcher = set_matcher;
  if (args->rules_dir.empty()) {
    const detail::EmbeddedPacks& data = detail::embedded_pack_data();
    const auto lexicon = std::find_if(data.written.begin(), data.written.end(), [](const replylint::PackSpec& p) { return p.lexicon; });
    auto negation = detail::negation_of(*lexicon);
    auto stage_matcher = negation ? detail::Matcher::build(data.expanded, *negation, true, &data.candidates)
                                  : replylint::Result<std::shared_ptr<const detail::Matcher>>(negation.error());
    if (!stage_matcher) {
      std::fprintf(stderr, "%s\n", stage_matcher.error().to_string().c_str());
      return 2;
    }
    matcher = std::move(stage_matcher).value();
  }
  const char* stage = matcher->uses_hyperscan() ? "Hyperscan" : "RE2::Set";
  detail::Normalized normalized;
  detail::NormalizerScratch scratch;
  std::vector<int> candidates;
  std::vector<detail::Hit> hits, loop_hits;
  double fold_s = 1e300, set_s = 1e300, fast_s = 1e300;
  std::size_t fast_hits = 0, with_candidates = 0, candidate_patterns = 0;
  for (int r = 0; r < args->repeat; ++r) {
    Stopwatch t0;
    std::size_t sink = 0;
    for (const std::string& reply : replies) {
      detail::normalize(reply, normalized, scratch);
      sink += normalized.text.size();
    }
    fold_s = std::min(fold_s, t0.seconds());
    t0 = Stopwatch();
    with_candidates = candidate_patterns = 0;
    for (const std::string& reply : replies) {
      detail::normalize(reply, normalized, scratch);
      with_candidates += matcher->candidates(normalized, candidates);
      candidate_patterns += candidates.size();
    }
    set_s = std::min(set_s, t0.seconds());
    t0 = Stopwatch();
    fast_hits = 0;
    for (const std::string& reply : replies) {
      detail::normalize(reply, normalized, scratch);
      hits.clear();
      matcher->match(normalized, candidates, hits);
      fast_hits += hits.size();
    }
    fast_s = std::min(fast_s, t0.seconds());
    if (sink == 0) std::printf(" ");
  }
  // The RE2::Set stage in its place: its first pass (a lazy DFA builds its states as it reads)
  // and its best warm pass.
  double set_first_s = 0, set_warm_s = 1e300;
  if (set_matcher != matcher) {
    for (int r = 0; r <= args->repeat; ++r) {
      Stopwatch t0;
      for (const std::string& reply : replies) {
        detail::normalize(reply, normalized, scratch);
        set_matcher->candidates(normalized, candidates);
      }
      if (r == 0) set_first_s = t0.seconds();
      else set_warm_s = std::min(set_warm_s, t0.seconds());
    }
  }
  // Latency split: replies the Set finds nothing in (most) and replies with candidates to
  // confirm, where the tail comes from.
  std::vector<std::uint32_t> ns_clean, ns_candidates;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    detail::normalize(replies[i], normalized, scratch);
    (matcher->candidates(normalized, candidates) ? ns_candidates : ns_clean).push_back(ns_by_reply[i]);
  }
  std::sort(ns_clean.begin(), ns_clean.end());
  std::sort(ns_candidates.begin(), ns_candidates.end());

  const std::size_t loop_n = args->loop_replies ? std::min(args->loop_replies, replies.size()) : replies.size();
  std::size_t loop_total = 0, mismatches = 0, subset_hits = 0;
  const Stopwatch t_loop;
  for (std::size_t i = 0; i < loop_n; ++i) {
    detail::normalize(replies[i], normalized, scratch);
    loop_hits.clear();
    matcher->match_each_rule(normalized, candidates, loop_hits);
    loop_total += loop_hits.size();
  }
  const double loop_s = t_loop.seconds();
  for (std::size_t i = 0; i < loop_n; ++i) {  // not timed: both ways must agree exactly
    detail::normalize(replies[i], normalized, scratch);
    hits.clear();
    loop_hits.clear();
    matcher->match(normalized, candidates, hits);
    matcher->match_each_rule(normalized, candidates, loop_hits);
    subset_hits += hits.size();
    auto same = [](const detail::Hit& a, const detail::Hit& b) {
      return a.rule == b.rule && a.begin == b.begin && a.end == b.end;
    };
    if (!std::equal(hits.begin(), hits.end(), loop_hits.begin(), loop_hits.end(), same)) ++mismatches;
  }

  const double n = static_cast<double>(replies.size());
  const double fast_ns = fast_s / n * 1e9, loop_ns = loop_s / loop_n * 1e9, e2e_ns = one / n * 1e9;
  char date[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));

  std::printf("\n%s, %s%s%s\n\n", machine().c_str(), date, args->label.empty() ? "" : ", ",
              args->label.c_str());
  std::printf("| measure | value |\n|---|---:|\n");
  std::printf("| machine speed check: memchr over each reply; one dependent multiply-add | %.0f ns/reply; %.2f ns |\n",
              memchr_s / n * 1e9, step_ns);
  std::printf("| engine build (load packs, compile) | %.1f ms |\n", build_s * 1e3);
  std::printf("| first reply on the new engine | %.1f µs |\n", first_s * 1e6);
  std::printf("| time to first checked reply (build + first) | %.1f ms |\n", to_first_s * 1e3);
  std::printf("| next 1,000 replies, mean | %.2f µs/reply |\n", early_s / early_n * 1e6);
  std::printf("| 1 thread: Engine::check, whole corpus, best of %d passes | %.0f replies/s, %.0f MB/s, %.2f µs/reply |\n", args->repeat, n / one,
              mb / one, e2e_ns / 1e3);
  std::printf("| 1 thread: first pass over the corpus (automata still being built) | %.0f replies/s, %.0f MB/s, "
              "%.2f µs/reply |\n", n / one_first, mb / one_first, one_first / n * 1e6);
  std::printf("| %u threads | %.0f replies/s, %.0f MB/s, %.2fx one thread |\n", args->threads, n / many, mb / many,
              one / many);
  std::printf("| latency per reply p50 / p90 / p99 / p99.9 / max | %.2f / %.2f / %.2f / %.2f / %.1f µs |\n",
              percentile(ns, 50) / 1e3, percentile(ns, 90) / 1e3, percentile(ns, 99) / 1e3,
              percentile(ns, 99.9) / 1e3, ns.back() / 1e3);
  std::printf("| latency mean | %.2f µs |\n", mean_ns / 1e3);
  std::printf("| latency on a fresh engine's first pass p50 / p99 / p99.9 | %.2f / %.2f / %.2f µs |\n",
              percentile(ns_first, 50) / 1e3, percentile(ns_first, 99) / 1e3, percentile(ns_first, 99.9) / 1e3);
  std::printf("| latency p50 / p99, replies without candidates (%.1f%%) | %.2f / %.2f µs |\n",
              100.0 * ns_clean.size() / n, percentile(ns_clean, 50) / 1e3, percentile(ns_clean, 99) / 1e3);
  std::printf("| latency p50 / p99, replies with candidates to confirm (%.1f%%) | %.2f / %.2f µs |\n",
              100.0 * ns_candidates.size() / n, percentile(ns_candidates, 50) / 1e3, percentile(ns_candidates, 99) / 1e3);
  std::printf("| fold only (normalize + offset map) | %.0f ns/reply |\n", fold_s / n * 1e9);
  std::printf("| fold + %s (candidate rules) | %.0f ns/reply; %.1f%% of replies have candidates, %.2f patterns each |\n",
              stage, set_s / n * 1e9, 100.0 * with_candidates / n,
              with_candidates ? double(candidate_patterns) / with_candidates : 0.0);
  if (set_matcher != matcher)
    std::printf("| fold + RE2::Set in its place (--rules DIR, no Hyperscan): first pass / warm | %.0f / %.0f ns/reply |\n",
                set_first_s / n * 1e9, set_warm_s / n * 1e9);
  std::printf("| fold + %s + confirm candidates | %.0f ns/reply; %zu rule hits |\n", stage, fast_ns, fast_hits);
  std::printf("| fold + per-rule RE2 loop (no Set)%s | %.0f ns/reply |\n",
              loop_n == replies.size() ? "" : (", first " + std::to_string(loop_n) + " replies").c_str(), loop_ns);
  std::printf("| candidate stage over per-rule loop | %.1fx |\n", loop_ns / fast_ns);
  std::printf("| Engine::check over per-rule loop | %.1fx |\n", loop_ns / e2e_ns);
  std::printf("| replies flagged (1 thread / %u threads) | %zu / %zu |\n", args->threads, flagged,
              args->threads > 1 ? flagged_n : flagged);
  std::printf("| rule hits, candidate stage vs per-rule loop (%zu replies compared) | %zu vs %zu, %zu replies differ |\n", loop_n,
              subset_hits, loop_total, mismatches);
  std::printf("| peak RSS (corpus loaded / end) | %.1f / %.1f MB |\n", rss_before_engine / 1024.0,
              peak_rss_kb() / 1024.0);
  if (!args->process.empty()) {
    std::printf("| `replylint check \"…\"` whole process, median / min / max of 21 | %.1f / %.1f / %.1f ms wall; "
                "%.1f / %.1f ms CPU; peak RSS %.1f MB |\n",
                proc.median_ms, proc.min_ms, proc.max_ms, proc.median_cpu_ms, proc.min_cpu_ms, proc.max_rss_kb / 1024.0);
    for (const auto& [threads, lines] : lines_runs) {
      std::printf("| `replylint check --lines --format jsonl --threads %u` whole process, best of 3 | %.0f MB/s wall "
                  "(%.2f s); %.0f MB/s of CPU time (%.2f s); peak RSS %.1f MB |\n",
                  threads, mb / (lines.min_ms / 1e3), lines.min_ms / 1e3, mb / (lines.min_cpu_ms / 1e3),
                  lines.min_cpu_ms / 1e3, lines.max_rss_kb / 1024.0);
    }
  }
  const double share = g_cpu_total / g_wall_total;
  std::printf("\nsingle-threaded stages got %.0f%% of a core (CPU time / wall time)%s; times above are %s\n",
              100 * share, share < 0.9 ? ": the machine was busy, wall times are inflated" : "",
              g_cpu_time ? "CPU time (--cpu-time)" : "wall time");
  return mismatches == 0 ? 0 : 1;
}

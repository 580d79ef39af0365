// `replylint rules profile [CORPUS]`: what each rule costs, so that a pack author sees which
// pattern makes checking slow. White-box: it times the matcher's steps one by one (src/).
//
// For every rule (and under it, each pattern with file:line):
//   candidates  replies of the corpus for which the RE2::Set picked one of its patterns, so
//               that it had to be confirmed;
//   hits        replies it fired on;
//   confirm     time spent confirming it (its pattern and `unless` entries, on candidates
//               only), in ns per reply of the corpus: its share of the check beyond the Set;
//   program     its patterns compiled, in RE2's measure: what they add to the automaton of the
//               Set that every reply goes through;
//   loop        its patterns run on each of the first --sample replies without the Set: what it
//               would cost in the per-rule loop the Set saves.
// The Set's own cost is in the header, for all rules together: it does not split by rule, since
// patterns cost little alone and much together (gaps such as \p{Han}{0,8} multiply the
// automaton's states), and removing one rule changes it by less than its run-to-run noise.
// Rules are listed by confirm, then program, the most expensive first. Timings are this
// thread's CPU time (each confirmation: the steady clock, as it is too short for the CPU
// clock), measured on a second pass after one that warms the automata up.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "matcher.hpp"
#include "normalizer.hpp"
#include "output.hpp"
#include "replylint/engine.hpp"

namespace replylint::cli {
namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  // Widths count bytes; rule ids and numbers are ASCII.
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

struct PatternCost {
  std::size_t candidates = 0;
  double confirm_s = 0;
  double loop_s = 0;
};

struct RuleCost {
  std::size_t index = 0;
  std::size_t candidates = 0, hits = 0;
  double confirm_s = 0, loop_s = 0;
  long long program = 0;
};

}  // namespace

int run_rules_profile(const Options& o) {
  auto engine = o.rules_dir.empty() ? Engine::from_embedded() : Engine::from_directory(o.rules_dir);
  if (!engine) {
    std::cerr << engine.error().to_string() << '\n';
    return 2;
  }
  const std::vector<PackSpec>& packs = engine->packs();
  auto built = detail::build_matcher(packs);
  if (!built) {
    std::cerr << built.error().to_string() << '\n';
    return 2;
  }
  const auto matcher = std::move(built).value();

  std::vector<std::string> replies;
  std::size_t bytes = 0;
  {
    std::ifstream file;
    const bool from_stdin = o.corpus.empty() || o.corpus == "-";
    if (!from_stdin) {
      file.open(o.corpus, std::ios::binary);
      if (!file) {
        std::cerr << "replylint rules profile: cannot read " << o.corpus << '\n';
        return 2;
      }
    }
    std::istream& in = from_stdin ? std::cin : file;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      bytes += line.size();
      replies.push_back(std::move(line));
    }
  }
  if (replies.empty()) {
    std::cerr << "replylint rules profile: no replies to profile (give a file of replies, one per line)\n";
    return 2;
  }

  // Rule and pattern names, in compile order (the matcher's numbering).
  struct RuleName {
    std::string id, file;
    std::vector<int> lines;
  };
  std::vector<RuleName> names;
  for (const PackSpec& pack : packs)
    for (const RuleSpec& r : pack.rules) {
      RuleName n{r.id, pack.file, {}};
      // One line per entry of the Set: each part of an `all:` pattern is an entry of its own.
      for (const PatternSpec& p : r.patterns) n.lines.insert(n.lines.end(), 1 + p.with.size(), p.pos.line);
      names.push_back(std::move(n));
    }
  const std::size_t patterns = matcher->pattern_count();
  std::vector<PatternCost> pattern_costs(patterns);
  std::vector<RuleCost> rules(names.size());
  for (std::size_t r = 0; r < rules.size(); ++r) rules[r].index = r;

  // The whole corpus, as the engine checks it: fold, Set, confirm the candidates. The first
  // pass warms the automata up; the second is measured. Fold and Set are timed over whole
  // passes, each confirmation on its own (on the steady clock: reading a thread's CPU clock
  // costs more than a fold).
  detail::Normalized normalized;
  detail::NormalizerScratch scratch;
  std::vector<int> candidates;
  double fold_s = 0, set_s = 0;
  for (int pass = 0; pass < 2; ++pass) {
    const bool measured = pass == 1;
    double t0 = cpu_seconds();
    for (const std::string& reply : replies) detail::normalize(reply, normalized, scratch);
    double t1 = cpu_seconds();
    for (const std::string& reply : replies) {
      detail::normalize(reply, normalized, scratch);
      matcher->candidates(normalized, candidates);
    }
    const double t2 = cpu_seconds();
    if (measured) {
      fold_s = t1 - t0;
      set_s = (t2 - t1) - fold_s;
    }
    for (const std::string& reply : replies) {
      detail::normalize(reply, normalized, scratch);
      if (!matcher->candidates(normalized, candidates)) continue;
      std::size_t last_rule = SIZE_MAX;
      bool last_fired = false;
      for (int c : candidates) {
        const auto p = static_cast<std::size_t>(c);
        const std::size_t rule = matcher->pattern_rule(p);
        std::size_t b, e;
        const auto start = std::chrono::steady_clock::now();
        const bool fired = matcher->confirm_pattern(p, normalized, b, e);
        const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!measured) continue;
        pattern_costs[p].candidates += 1;
        pattern_costs[p].confirm_s += took;
        rules[rule].confirm_s += took;
        if (rule != last_rule) {
          rules[rule].candidates += 1;
          last_fired = false;
        }
        if (fired && !last_fired) rules[rule].hits += 1;
        last_fired = last_fired || fired;
        last_rule = rule;
      }
    }
  }

  // The sample: every pattern on every reply (the per-rule loop), and each rule alone in a Set.
  const std::size_t sample = std::min(o.sample, replies.size());
  std::vector<detail::Normalized> folded(sample);
  for (std::size_t i = 0; i < sample; ++i) detail::normalize(replies[i], folded[i], scratch);
  for (std::size_t p = 0; p < patterns; ++p) {
    std::size_t b, e;
    for (std::size_t i = 0; i < sample; ++i) matcher->confirm_pattern(p, folded[i], b, e);  // warm up
    const double t0 = cpu_seconds();
    for (std::size_t i = 0; i < sample; ++i) matcher->confirm_pattern(p, folded[i], b, e);
    pattern_costs[p].loop_s = cpu_seconds() - t0;
    rules[matcher->pattern_rule(p)].loop_s += pattern_costs[p].loop_s;
    rules[matcher->pattern_rule(p)].program += matcher->program_size(p);
  }
  const double n = static_cast<double>(replies.size()), ns = 1e9 / n, sample_ns = 1e9 / static_cast<double>(sample);
  double confirm_total = 0;
  for (const RuleCost& r : rules) confirm_total += r.confirm_s;
  std::sort(rules.begin(), rules.end(), [&](const RuleCost& a, const RuleCost& b) {
    return a.confirm_s != b.confirm_s ? a.confirm_s > b.confirm_s : a.program > b.program;
  });

  Output out(stdout);
  out << "rules profile: " << static_cast<long long>(names.size()) << " rules, " << static_cast<long long>(patterns)
      << " patterns; " << static_cast<long long>(replies.size()) << " replies ("
      << fixed(static_cast<double>(bytes) / 1e6, 1) << " MB); loop measured on the first "
      << static_cast<long long>(sample) << "\n";
  out << "per reply: fold " << fixed(fold_s * ns, 0) << " ns, candidate selection (one Set) " << fixed(set_s * ns, 0)
      << " ns, confirming candidates " << fixed(confirm_total * ns, 0) << " ns (CPU time, second pass)\n\n";
  out << pad("rule / pattern", 44, false) << pad("candidates", 12, true) << pad("hits", 9, true)
      << pad("confirm", 10, true) << pad("program", 11, true) << pad("loop", 10, true) << '\n';
  out << pad("", 44, false) << pad("replies", 12, true) << pad("replies", 9, true) << pad("ns/reply", 10, true)
      << pad("RE2 size", 11, true) << pad("ns/reply", 10, true) << '\n';
  for (const RuleCost& r : rules) {
    const RuleName& name = names[r.index];
    out << pad(name.id, 44, false) << pad(std::to_string(r.candidates), 12, true)
        << pad(std::to_string(r.hits), 9, true) << pad(fixed(r.confirm_s * ns, 1), 10, true)
        << pad(std::to_string(r.program), 11, true) << pad(fixed(r.loop_s * sample_ns, 0), 10, true)
        << '\n';
    std::size_t slot = 0;
    for (std::size_t p = 0; p < patterns; ++p) {
      if (matcher->pattern_rule(p) != r.index) continue;
      const PatternCost& c = pattern_costs[p];
      const std::string where = "  " + name.file + ":" + std::to_string(name.lines[slot++]);
      out << pad(where, 44, false) << pad(std::to_string(c.candidates), 12, true) << pad("", 9, true)
          << pad(fixed(c.confirm_s * ns, 1), 10, true) << pad(std::to_string(matcher->program_size(p)), 11, true)
          << pad(fixed(c.loop_s * sample_ns, 0), 10, true) << '\n';
    }
  }
  return 0;
}

}  // namespace replylint::cli

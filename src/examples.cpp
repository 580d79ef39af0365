#include "replylint/examples.hpp"

#include "example_markers.hpp"

namespace replylint {
namespace {

std::string describe(const Report& report) {
  if (report.violations.empty()) return "nothing";
  std::string out;
  for (const Violation& v : report.violations) {
    if (!out.empty()) out += ", ";
    out += v.rule + " at [" + std::to_string(v.start) + "," + std::to_string(v.end) + ") '" + v.text + "'";
  }
  return out;
}

}  // namespace

std::string example_as_written(const ExampleSpec& example) {
  if (example.buyer.empty()) return example.text;
  return "{buyer: \"" + example.buyer + "\", reply: \"" + example.text + "\"}";
}

std::string ExampleFailure::to_string() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + rule + ": " + problem +
         (buyer.empty() ? "" : "\n    buyer: " + buyer) + "\n    example: " + example;
}

bool split_marked_example(const std::string& marked, std::string& reply, std::size_t& start, std::size_t& end) {
  const std::size_t open = marked.find("[[");
  if (open == std::string::npos) return false;
  const std::size_t close = marked.find("]]", open + 2);
  if (close == std::string::npos || close == open + 2) return false;
  if (marked.find("[[", open + 2) != std::string::npos || marked.find("]]", close + 2) != std::string::npos)
    return false;
  reply = detail::strip_example_markers(marked);
  start = open;
  end = close - 2;
  return true;
}

ExampleRun run_examples(const Engine& engine) {
  ExampleRun run;
  for (const PackSpec& pack : engine.packs()) {
    for (const RuleSpec& rule : pack.rules) {
      auto fail = [&](const ExampleSpec& e, std::string problem) {
        run.failures.push_back({pack.file, e.pos.line, e.pos.column, rule.id, e.text, std::move(problem), e.buyer});
      };
      for (const ExampleSpec& e : rule.bad_examples) {
        std::string reply;
        std::size_t start = 0, end = 0;
        if (!split_marked_example(e.text, reply, start, end)) {
          fail(e, "a bad example needs exactly one [[span]]");
          continue;
        }
        // The rule alone: another rule of the same platform rule that fires on the same words
        // would take its place in a full report (Engine drops a restatement), which says
        // nothing about whether this rule fires.
        CheckOptions alone;
        alone.only = {rule.id};
        auto report = engine.check_with_buyer(e.buyer, reply, alone);
        if (!report) { fail(e, report.error().message); continue; }
        const Violation* found = nullptr;
        for (const Violation& v : report->violations)
          if (v.rule == rule.id) found = &v;
        if (!found) {
          fail(e, "expected " + rule.id + " at '" + reply.substr(start, end - start) + "', found " + describe(*report));
        } else if (found->start != start || found->end != end) {
          fail(e, "expected the span '" + reply.substr(start, end - start) + "', found '" + found->text + "'");
        } else {
          ++run.passed;
        }
      }
      for (const ExampleSpec& e : rule.good_examples) {
        auto report = engine.check_with_buyer(e.buyer, e.text);
        if (!report) { fail(e, report.error().message); continue; }
        if (!report->clean()) fail(e, "a compliant example must stay clean, found " + describe(*report));
        else ++run.passed;
      }
    }
  }
  return run;
}

}  // namespace replylint

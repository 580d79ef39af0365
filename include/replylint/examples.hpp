// replylint/examples.hpp: run the examples that every rule carries (rules/README.md).
//
//   auto engine = replylint::Engine::from_directory("rules");
//   for (const auto& f : replylint::run_examples(*engine)) std::cerr << f.to_string() << '\n';
//
// A bad example passes when its rule reports exactly the [[marked]] span; a good example
// passes when no rule of the engine reports anything. An example with a buyer's message is
// checked with Engine::check_with_buyer(). Thread safety: as Engine::check().
#pragma once

#include <string>
#include <vector>

#include "replylint/engine.hpp"
#include "replylint/export.h"

namespace replylint {

struct REPLYLINT_API ExampleFailure {
  std::string file;  // pack file
  int line = 0, column = 0;
  std::string rule;     // the rule whose example failed
  std::string example;  // as written in the pack, markers included
  std::string problem;  // what was expected and what was found
  std::string buyer;    // the buyer's message the example answers, if any
  // "FILE:LINE:COLUMN: RULE: PROBLEM\n    example: EXAMPLE"
  std::string to_string() const;
};

struct ExampleRun {
  int passed = 0;
  std::vector<ExampleFailure> failures;
};

REPLYLINT_API ExampleRun run_examples(const Engine& engine);

// An example as a pack writes it: the reply, or {buyer: "…", reply: "…"} when it has a buyer.
REPLYLINT_API std::string example_as_written(const ExampleSpec& example);

// Splits "a[[b]]c" into the reply "abc" and the byte span of "b". Returns false when the text
// does not hold exactly one well-formed [[...]] pair.
REPLYLINT_API bool split_marked_example(const std::string& marked, std::string& reply, std::size_t& start,
                          std::size_t& end);

}  // namespace replylint

// The command line, parsed (CLI11) into plain settings; parse() is the only CLI11 user.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "serve/settings.hpp"

namespace replylint::cli {

enum class Command { kCheck, kRulesList, kRulesTest, kExplain, kLint, kRulesProfile, kServe };
enum class Input { kArguments, kStdin, kLines, kJsonl };

struct Options {
  Command command = Command::kCheck;
  std::string rules_dir;  // empty: the packs built into the binary
  // check
  Input input = Input::kArguments;
  std::vector<std::string> texts;
  std::string buyer;  // --buyer: the buyer's message every reply answers; empty: none
  std::string format = "text";  // check and lint: a name of printers/registry.cpp
  unsigned threads = 1;  // checking threads for --lines, --jsonl and lint; output stays in input order
  // explain
  std::string rule;
  // lint (cli/lint_command.cpp, lint/)
  std::vector<std::string> paths;      // files and folders; empty: "."
  std::string config_file;             // --config: this file for every path, no discovery
  bool no_config = false;              // --no-config
  int fail_on = 0;                     // --fail-on; 0: the config's fail_on, else any violation
  int min_points = 0;                  // --min-points: show replies with at least this many points
  bool show_matches = false;           // --show-matches (check and lint): do not mask contact and buyer data
  std::string encoding;                // --encoding: every file's, overriding detection and the config
  std::string stdin_filename;          // --stdin-filename: the name (and format) of `lint -`
  // rules profile (cli/profile.cpp)
  std::string corpus;                  // replies one per line; empty or "-": standard input
  std::size_t sample = 2000;           // replies for the costs that run every pattern alone
  serve::Settings serve;               // serve (cli/serve/)
};

// The options, or the exit status when parsing already decided it: 0 after --help or
// --version, 2 after a usage error (printed to standard error).
struct Parsed {
  std::optional<Options> options;
  int exit_status = 0;
};

Parsed parse(int argc, char** argv);

}  // namespace replylint::cli

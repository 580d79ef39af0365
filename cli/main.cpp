#include <csignal>

#include "commands.hpp"

int main(int argc, char** argv) {
  // A reader that goes away (`| head`) ends the output, not the process with a signal.
  std::signal(SIGPIPE, SIG_IGN);
  using namespace replylint::cli;
  const Parsed parsed = parse(argc, argv);
  if (!parsed.options) return parsed.exit_status;
  const Options& o = *parsed.options;
  switch (o.command) {
    case Command::kCheck: return run_check(o);
    case Command::kRulesList: return run_rules_list(o);
    case Command::kRulesTest: return run_rules_test(o);
    case Command::kExplain: return run_explain(o);
    case Command::kLint: return run_lint(o);
    case Command::kRulesProfile: return run_rules_profile(o);
    case Command::kServe: return run_serve(o);
  }
  return 2;
}

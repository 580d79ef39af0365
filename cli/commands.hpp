// What each subcommand does, given parsed options; each returns the process exit status
// (0 clean, 1 violations or failed examples, 2 usage, input or rule-pack error).
#pragma once

#include "options.hpp"

namespace replylint::cli {

int run_check(const Options& o);
int run_rules_list(const Options& o);
int run_rules_test(const Options& o);
int run_explain(const Options& o);
int run_lint(const Options& o);  // cli/lint_command.cpp
int run_rules_profile(const Options& o);  // cli/profile.cpp
int run_serve(const Options& o);  // cli/serve/serve.cpp

}  // namespace replylint::cli

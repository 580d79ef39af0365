// The last stage of a `lint` file (lint/check_file.hpp has the others): what is shown of it.
// Its replies and findings become a Group for the printers (printers/findings.hpp), masked
// unless --show-matches, placed at FILE:LINE:COLUMN, each marked failing or not against
// --fail-on, those below --min-points hidden; and what the file adds to the run's summary.
#pragma once

#include "lint/check_file.hpp"
#include "printers/findings.hpp"

namespace replylint::cli {

struct ShowSettings {
  int fail_on = 0;     // --fail-on, else the config's fail_on; 0: any violation fails
  int min_points = 0;  // --min-points
  bool show_matches = false;
};

struct FileOutcome {
  Group group;
  Summary counts;
};

// `group` comes with its path, format, comments and ignore_file set.
FileOutcome present(lint::CheckedFile file, Group group, const ShowSettings& settings);

// A group holding one error at LINE:COLUMN (0: unknown) of `path`.
FileOutcome error_outcome(const std::string& path, int line, int column, std::string message);

}  // namespace replylint::cli

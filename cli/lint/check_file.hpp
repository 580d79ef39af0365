// One file of `replylint lint`, from its bytes to its findings: decoding (decode.hpp), reading,
// checking with the engine, the config's settings and the suppressions. The walk, the configs
// and the order of output are run.cpp's.
//
// Thread safety: check_file may run on several threads at once for different files. It reads
// the job's config and engine (const) and marks entries of the job's ignore file used; those
// entries belong to this file alone, so no two jobs touch the same one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "../options.hpp"
#include "config.hpp"
#include "findings.hpp"
#include "readers.hpp"
#include "suppress.hpp"

namespace replylint::cli::lint {

struct FileJob {
  std::filesystem::path abs;
  FileKind kind = FileKind::kTxt;
  FileResult result;  // path, format, comments and ignore_file already set
  const Config* config = nullptr;
  const Engine* engine = nullptr;
  IgnoreFile* ignore = nullptr;                     // may be null
  const std::vector<std::size_t>* ignored = nullptr;  // this file's entries in `ignore`
  std::optional<std::string> bytes;  // standard input's; otherwise read from `abs`
  std::string encoding;              // named by --encoding or the config; "" detects
};

// What the file adds to the run's summary, and its findings in file order.
struct FileOutcome {
  FileResult result;
  Summary counts;
};

FileOutcome check_file(const Options& o, FileJob job);

// An error finding at LINE:COLUMN (0: unknown).
Finding error_finding(int line, int column, std::string message);

}  // namespace replylint::cli::lint

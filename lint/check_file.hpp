// One file of `replylint lint`, in stages: read (decode.hpp, then the reader of its format),
// check (the engine, with the config's CheckOptions), suppress (inline directives and the
// ignore file). What is shown of it, and how, is the command's (cli/lint_present.hpp); the walk,
// the configs and the order of output are cli/lint_command.cpp's.
//
// Thread safety: the stages may run on several threads at once for different files. They read
// the job's config and engine (const) and mark entries of the job's ignore file used; those
// entries belong to this file alone, so no two jobs touch the same one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "readers.hpp"
#include "replylint/engine.hpp"
#include "suppress.hpp"

namespace replylint::lint {

struct FileJob {
  std::filesystem::path abs;
  FileKind kind = FileKind::kTxt;
  const Config* config = nullptr;
  const Engine* engine = nullptr;
  IgnoreFile* ignore = nullptr;                       // may be null
  const std::vector<std::size_t>* ignored = nullptr;  // this file's entries in `ignore`
  std::optional<std::string> bytes;  // standard input's; otherwise read from `abs`
  std::string encoding;              // named by --encoding or the config; "" detects
};

// A problem at LINE:COLUMN of the file (0: unknown).
struct FileProblem {
  int line = 0, column = 0;
  std::string message;
};

struct CheckedReply {
  const Reply* reply = nullptr;  // in CheckedFile::read
  // After the config's CheckOptions and the suppressions: a suppressed rule is checked away,
  // so that points and counted-once are the engine's own.
  Result<Report> report = Report{};
  std::string hash;  // reply_hash(), once needed; "" until then
};

// A directive that suppressed nothing, at LINE:COLUMN of its comment.
struct UnusedDirective {
  int line = 0, column = 0;
  std::string rule;
  int target = 0;  // the line it applies to; 0: no reply follows it
};

struct CheckedFile {
  std::string encoding;  // what a text file was read as; "" when it was not read
  SourceText src{""};
  ReadResult read;
  std::optional<FileProblem> fatal;  // the file could not be read or parsed: nothing else counts
  std::vector<FileProblem> problems;  // replies that could not be read, malformed directives
  std::vector<CheckedReply> replies;  // one per reply read, in order
  std::vector<UnusedDirective> unused;
  std::size_t suppressed = 0;  // violations suppressed
};

// Stage 1: the file's bytes decoded and read into replies.
CheckedFile read_file(const FileJob& job);
// Stage 2: every reply checked.
void check_replies(CheckedFile& file, const FileJob& job);
// Stage 3: suppressions applied (directives parsed, ignore entries matched and marked used),
// and those that suppressed nothing listed.
void suppress(CheckedFile& file, const FileJob& job);

}  // namespace replylint::lint

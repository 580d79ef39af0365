// Suppressions, each with a reason, and each reported when it suppresses nothing.
//
// Inline, in formats with comments (txt `#`, yaml `#`, md `<!-- -->`), on a line of its own:
//     # replylint-disable-next-line off-platform.wechat -- 官方售后微信，法务已批准
// It applies to the reply on the next line that is neither blank nor a comment, the whole
// reply when that line starts a multi-line one (a YAML key with a block scalar, a Markdown
// paragraph). Several rules: `RULE1, RULE2 -- reason`.
//
// For every format (and the only way for CSV/TSV/JSON), an ignore file, by default
// .replylint-ignore.yaml beside .replylint.yaml (or at the repository's root):
//     - file: library/quick.csv        # relative to the ignore file
//       rule: off-platform.wechat
//       hash: 5d41402abc4b2a76         # printed with the finding; SHA-256 of the reply, 16 hex
//       reason: 官方售后微信，法务已批准
// The hash covers the reply's text and the buyer's question it answers (sha256.hpp), so an
// edited reply, or the same reply to another question, is checked again (and the stale entry
// is reported as unused). An entry by the text alone, written before the question counted,
// still matches.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "replylint/engine.hpp"
#include "replylint/status.hpp"
#include "source.hpp"

namespace replylint::lint {

constexpr const char* kDirective = "replylint-disable-next-line";

struct Directive {
  int line = 0;            // the comment's line
  std::size_t offset = 0;  // where the directive starts in the file
  int target = 0;          // the line it applies to; 0: none (end of file)
  std::vector<std::string> rules;
  std::vector<bool> used;
  std::string reason;
};

// Directives among `comments`; malformed ones (no reason, unknown rule, unknown directive)
// become problems.
std::vector<Directive> parse_directives(const SourceText& src, const ReadResult& read, const Engine& engine,
                                        std::vector<Problem>& problems);

struct IgnoreEntry {
  std::string file;  // '/'-separated, relative to the ignore file's folder
  std::string rule, hash, reason;
  int line = 0, column = 0;
  bool used = false;
};

struct IgnoreFile {
  std::filesystem::path path;  // absolute
  std::string shown;
  std::vector<IgnoreEntry> entries;
  std::map<std::string, std::vector<std::size_t>> by_file;  // file → entries
  std::map<std::string, bool> linted;                       // files linted in this run
};

// Loads an ignore file (a missing file is an empty one) and checks its rule ids.
Result<IgnoreFile> load_ignore_file(const std::filesystem::path& path, const Engine& engine);

}  // namespace replylint::lint

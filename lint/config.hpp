// .replylint.yaml: the settings of a script library, found by walking up from each linted
// file's folder to the nearest .replylint.yaml (stopping after the folder that holds .git).
// The nearest file wins whole; files are not merged. Every key is optional:
//
//   packs: [off-platform, invoice]     # pack ids to apply (default: every loaded pack)
//   pack_dirs: [rules/shop]            # more pack folders, relative to this file
//   builtin_packs: true                # false: only pack_dirs (not the built-in packs, nor --rules)
//   disable: [shipping-promise.eta]    # rule ids switched off
//   points: {off-platform.wechat: 12}  # points overridden, 0..kMaxPoints (replylint/engine.hpp)
//   exclude: [drafts/, "*.bak.csv"]    # .gitignore-style, relative to this file
//   columns: [回复内容]                 # CSV/TSV/xlsx reply columns (default: found by name)
//   keys: [content, answer]            # YAML/JSON keys holding replies ("*": every string)
//   markdown: fenced                   # .md: only fenced code blocks are replies (default: all)
//   encoding: gbk                      # every file's encoding (default: detected, decode.hpp)
//   encoding: {"*.csv": gbk, "exports/": utf-16le}   # or per .gitignore-style glob; last match wins
//   buyer_columns: [顾客问题]           # CSV/TSV/xlsx column of the buyer's message each row answers
//   buyer_keys: [ask]                  # YAML/JSON key beside a reply holding the buyer's message
//   fail_on: 6                         # exit 1 when a reply reaches this many points
//   ignore_file: .replylint-ignore.yaml
//
// An unknown key, a wrong type, and (once the packs are loaded) an unknown pack or rule id are
// errors with FILE:LINE:COLUMN, never silently ignored.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "glob.hpp"
#include "readers.hpp"
#include "replylint/engine.hpp"
#include "replylint/status.hpp"

namespace replylint::lint {

constexpr const char* kConfigName = ".replylint.yaml";
constexpr const char* kIgnoreName = ".replylint-ignore.yaml";

struct Config {
  std::string file;            // as shown to people; empty: no config (the defaults)
  std::filesystem::path dir;   // absolute, the folder relative paths count from
  // packs, disable and points, as the engine applies them in every check of the files (a pack
  // list is `only`, disable is `skip`); never re-applied to a report afterwards.
  CheckOptions check;
  std::vector<std::filesystem::path> pack_dirs;  // absolute
  bool builtin_packs = true;
  ExcludeList exclude;
  ReadSettings read;
  // encoding: ICU names; per glob (relative to `dir`), the last match wins; "" detects.
  struct EncodingRule {
    ExcludeList glob;  // one pattern: "excluded" means "matches"; empty: every file
    std::string name;
  };
  std::vector<EncodingRule> encodings;
  std::optional<int> fail_on;
  std::filesystem::path ignore_file;  // absolute; may not exist

  // Where each pack and rule id was named, to check them against the loaded packs.
  struct Ref {
    std::string id;
    int line = 0, column = 0;
    bool pack = false;
  };
  std::vector<Ref> refs;

  // The encoding named for the file at `abs` (absolute), or "" to detect it.
  std::string encoding_for(const std::filesystem::path& abs) const;
  // Errors for ids the engine does not know.
  std::vector<Error> check_ids(const Engine& engine) const;
};

// Loads one config file. `shown` is its path as printed.
Result<Config> load_config(const std::filesystem::path& file, const std::string& shown);
// The defaults, as if an empty .replylint.yaml stood in `dir`.
Config default_config(const std::filesystem::path& dir);

// Finds and caches the config of each folder.
class ConfigFinder {
 public:
  // forced: --config FILE (used for every file); none: --no-config.
  ConfigFinder(std::optional<std::filesystem::path> forced, bool none);
  // The config for files in `dir` (absolute), or the error loading it.
  std::shared_ptr<const Result<Config>> for_dir(const std::filesystem::path& dir);

 private:
  std::shared_ptr<const Result<Config>> load(const std::filesystem::path& file);
  std::optional<std::filesystem::path> forced_;
  bool none_;
  std::map<std::filesystem::path, std::shared_ptr<const Result<Config>>> by_dir_, by_file_;
};

// A path as printed: relative to the working folder when under it, else as it is.
std::string shown_path(const std::filesystem::path& absolute);

}  // namespace replylint::lint

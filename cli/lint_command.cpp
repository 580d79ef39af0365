// `replylint lint PATH…`: walks the paths (`-`: standard input), finds each file's config, its
// engine and its ignore file, and runs each file through lint's stages (lint/check_file.hpp)
// and present() (lint_present.hpp), on up to --threads threads; the files' groups go to the
// printer of the chosen format (printers/registry.cpp) in walk order, whatever the threads, so
// the output is the same as on one thread.
// Errors also go to standard error as FILE:LINE:COLUMN: error: MESSAGE.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <iostream>
#include <iterator>
#include <map>
#include <set>

#include "commands.hpp"
#include "lint/check_file.hpp"
#include "lint/config.hpp"
#include "lint/decode.hpp"
#include "lint/readers.hpp"
#include "lint/suppress.hpp"
#include "lint_present.hpp"
#include "output.hpp"
#include "printers/printer.hpp"

namespace replylint::cli {
namespace fs = std::filesystem;
namespace {

using lint::Config;
using lint::FileKind;
using lint::IgnoreEntry;
using lint::IgnoreFile;

class Linter {
 public:
  Linter(const Options& o, Printer& printer, Output& out)
      : o_(o),
        printer_(printer),
        out_(out),
        finder_(o.config_file.empty() ? std::nullopt : std::optional<fs::path>(fs::absolute(o.config_file).lexically_normal()),
                o.no_config) {
    threads_ = std::max(1u, o.threads);
    summary_.source = Source::kFile;
    summary_.fail_on = o.fail_on;
    summary_.min_points = o.min_points;
  }

  void path_argument(const std::string& arg) {
    if (arg == "-") {
      standard_input();
      return;
    }
    const fs::path abs = fs::absolute(arg).lexically_normal();
    std::error_code ec;
    const fs::file_status st = fs::status(abs, ec);
    if (ec || !fs::exists(st)) {
      report_error(arg, "no such file or directory");
      return;
    }
    if (fs::is_directory(st)) {
      walk(abs, fs::path(arg).lexically_normal());
      return;
    }
    const std::string name = abs.filename().string();
    if (name == lint::kConfigName || name == lint::kIgnoreName) return;  // replylint's own files
    const auto kind = lint::kind_for_path(name);
    if (!kind) {
      report_error(arg, "not a script library (.txt .csv .tsv .yaml .yml .json .md .xlsx)");
      return;
    }
    lint_file(abs, fs::path(arg).lexically_normal().generic_string(), *kind);
  }

  void finish() {
    while (!queue_.empty()) pop();
    // Ignore-file entries for files linted in this run that suppressed nothing.
    for (auto& [path, ignore] : ignores_) {
      if (!ignore || !ignore->ok()) continue;
      IgnoreFile& f = ignore->value();
      Group r;
      r.path = f.shown;
      for (IgnoreEntry& e : f.entries) {
        if (e.used || !f.linted.count(e.file)) continue;
        Finding u;
        u.kind = Finding::Kind::kUnusedSuppression;
        u.line = e.line;
        u.column = e.column;
        u.rule = e.rule;
        u.message = "unused suppression: " + e.rule + " does not fire on a reply with hash " + e.hash + " in " +
                    e.file + " (was the reply edited or fixed? remove the entry)";
        r.findings.push_back(std::move(u));
        ++summary_.unused;
      }
      if (!r.findings.empty()) emit(r);
    }
    std::vector<RuleInfo> rules;
    std::set<std::string> seen;
    for (auto& [key, engine] : engines_)
      if (engine && engine->ok())
        for (const RuleInfo& r : engine->value().rules())
          if (seen.insert(r.id).second) rules.push_back(r);
    std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    std::string end;
    printer_.finish(end, summary_, rules);
    out_ << end;
  }

  int exit_status() const {
    if (summary_.errors > 0) return 2;
    return summary_.failing > 0 || summary_.unused > 0 ? 1 : 0;
  }

 private:
  void emit(const Group& g) {
    out_.flush();  // standard error and output stay in order on a terminal
    for (const Finding& f : g.findings)
      if (f.kind == Finding::Kind::kError) std::cerr << location(g, f) << ": error: " << f.message << '\n';
    std::cerr.flush();
    std::string text;
    printer_.group(text, g, first_);
    first_ = false;
    out_ << text;
  }

  // Errors take their place in the output among the files being checked.
  void report_error(const std::string& path, std::string message, int line = 0, int column = 0) {
    queue_.push_back(ready(error_outcome(path, line, column, std::move(message))));
    drain_ready();
  }

  // `lint -`: one file from standard input, named (and its format and config chosen) by
  // --stdin-filename.
  void standard_input() {
    if (stdin_read_) {
      report_error("-", "standard input is given twice");
      return;
    }
    stdin_read_ = true;
    const std::string name = o_.stdin_filename.empty() ? "-" : o_.stdin_filename;
    const auto kind = o_.stdin_filename.empty() ? std::optional<FileKind>(FileKind::kTxt) : lint::kind_for_path(name);
    if (!kind) {
      report_error(name, "--stdin-filename: not a script library (.txt .csv .tsv .yaml .yml .json .md .xlsx)");
      return;
    }
    std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
    const fs::path abs = fs::absolute(o_.stdin_filename.empty() ? fs::path("-") : fs::path(name)).lexically_normal();
    lint_file(abs, name, *kind, std::move(bytes));
  }

  void report_error(const Error& e) {
    std::string msg = e.message;
    if (!e.rule.empty()) msg += " [" + e.rule + "]";
    report_error(e.file.empty() ? "replylint" : e.file, msg, e.line, e.column);
  }

  void walk(const fs::path& dir, const fs::path& shown) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
      report_error(shown.generic_string(), "cannot read the folder: " + ec.message());
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry& e : entries) {
      const std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') continue;  // hidden files and folders (.git, .github, …)
      const fs::path shown_child = shown == "." ? fs::path(name) : shown / name;
      std::error_code sec;
      if (e.is_symlink(sec) && e.is_directory(sec)) continue;
      if (e.is_directory(sec)) {
        if (excluded(e.path(), true)) continue;
        walk(e.path(), shown_child);
      } else if (e.is_regular_file(sec)) {
        if (const auto kind = lint::kind_for_path(name)) lint_file(e.path(), shown_child.generic_string(), *kind);
      }
    }
  }

  bool excluded(const fs::path& path, bool is_dir) {
    const auto config = finder_.for_dir(is_dir ? path.parent_path() : path.parent_path());
    if (!config->ok()) return false;
    const Config& c = config->value();
    if (c.exclude.empty() || c.dir.empty()) return false;
    const fs::path rel = path.lexically_relative(c.dir);
    if (rel.empty() || *rel.begin() == "..") return false;
    return c.exclude.excluded(rel.generic_string(), is_dir);
  }

  // The engine for a config, or nullptr after reporting why there is none.
  const Engine* engine_for(const Config& c) {
    std::string key = c.builtin_packs ? "+" : "-";
    for (const fs::path& d : c.pack_dirs) key += "\n" + d.string();
    auto& slot = engines_[key];
    if (!slot) {
      std::vector<PackSpec> packs;
      std::optional<Error> error;
      if (c.builtin_packs) {
        if (!base_) {
          base_ = std::make_shared<Result<std::vector<PackSpec>>>(o_.rules_dir.empty() ? embedded_packs()
                                                                                        : load_pack_dir(o_.rules_dir));
        }
        if (base_->ok()) packs = base_->value();
        else error = base_->error();
      }
      for (const fs::path& d : c.pack_dirs) {
        if (error) break;
        auto more = load_pack_dir(d.string());
        if (!more) {
          error = more.error();
          if (error->code == ErrorCode::kIo && error->file.empty()) {
            error->file = c.file;
            error->message = "pack_dirs: " + lint::shown_path(d) + ": " + error->message;
          }
          break;
        }
        for (PackSpec& p : more.value()) packs.push_back(std::move(p));
      }
      if (!error && packs.empty()) {
        Error e;
        e.code = ErrorCode::kInvalidArgument;
        e.file = c.file;
        e.message = "no rule packs to apply (builtin_packs is false and pack_dirs is empty)";
        error = e;
      }
      slot = std::make_shared<Result<Engine>>(error ? Result<Engine>(*error) : Engine::compile(packs));
      if (!slot->ok()) report_error(slot->error());
    }
    return slot->ok() ? &slot->value() : nullptr;
  }

  IgnoreFile* ignore_for(const Config& c, const Engine& engine) {
    if (c.ignore_file.empty()) return nullptr;
    auto& slot = ignores_[c.ignore_file];
    if (!slot) {
      slot = std::make_shared<Result<IgnoreFile>>(lint::load_ignore_file(c.ignore_file, engine));
      if (!slot->ok()) report_error(slot->error());
    }
    return slot->ok() ? &slot->value() : nullptr;
  }

  void lint_file(const fs::path& abs, const std::string& shown, FileKind kind,
                 std::optional<std::string> bytes = std::nullopt) {
    if (out_.closed()) return;  // the reader went away (`| head`): stop, keep the status
    if (!linted_.insert(abs).second) return;
    std::optional<lint::FileJob> job = job_for(abs, kind);
    if (!job) return;  // excluded, or its config, packs or ignore file are broken: reported
    job->bytes = std::move(bytes);
    Group shell;
    shell.path = shown;
    shell.format = lint::kind_name(kind);
    shell.comments = lint::has_comments(kind);
    if (job->ignore) shell.ignore_file = job->ignore->shown;
    ShowSettings show;
    show.fail_on = o_.fail_on > 0 ? o_.fail_on : job->config->fail_on.value_or(0);
    show.min_points = o_.min_points;
    show.show_matches = o_.show_matches;
    // A file's stages: read, check, suppress (lint/check_file.hpp), then what is shown of it.
    auto work = [j = std::move(*job), g = std::move(shell), show]() mutable {
      lint::CheckedFile file = lint::read_file(j);
      lint::check_replies(file, j);
      lint::suppress(file, j);
      return present(std::move(file), std::move(g), show);
    };
    if (threads_ <= 1) {
      queue_.push_back(ready(work()));
    } else {
      // Files are checked on up to threads_ threads at once and emitted in walk order.
      while (queue_.size() >= threads_) pop();
      queue_.push_back(std::async(std::launch::async, std::move(work)));
    }
    drain_ready();
  }

  // What checking the file at `abs` needs: its config, engine and ignore-file entries; nothing
  // when it is excluded or one of them could not be loaded (reported once).
  std::optional<lint::FileJob> job_for(const fs::path& abs, FileKind kind) {
    const auto config = finder_.for_dir(abs.parent_path());
    if (!config->ok()) {
      if (bad_configs_.insert(config.get()).second) report_error(config->error());
      return std::nullopt;
    }
    const Config& c = config->value();
    if (excluded(abs, false)) return std::nullopt;  // also for paths given by name: pre-commit passes every file
    const Engine* engine = engine_for(c);
    if (!engine) return std::nullopt;
    if (checked_configs_.insert(&c).second) {
      for (const Error& e : c.check_ids(*engine)) {
        report_error(e);
        bad_ids_.insert(&c);
      }
    }
    if (bad_ids_.count(&c)) return std::nullopt;
    IgnoreFile* ignore = ignore_for(c, *engine);
    if (!ignore && !c.ignore_file.empty()) return std::nullopt;  // the ignore file is broken: reported
    lint::FileJob job;
    job.abs = abs;
    job.kind = kind;
    job.config = &c;
    job.engine = engine;
    job.ignore = ignore;
    if (ignore) {
      const std::string rel = abs.lexically_relative(ignore->path.parent_path()).generic_string();
      ignore->linted[rel] = true;
      if (auto it = ignore->by_file.find(rel); it != ignore->by_file.end()) job.ignored = &it->second;
    }
    job.encoding = o_.encoding.empty() ? c.encoding_for(abs) : o_.encoding;
    return job;
  }

  static std::future<FileOutcome> ready(FileOutcome outcome) {
    std::promise<FileOutcome> p;
    p.set_value(std::move(outcome));
    return p.get_future();
  }

  // Emits the oldest queued file, waiting for it.
  void pop() {
    FileOutcome o = queue_.front().get();
    queue_.pop_front();
    summary_.add(o.counts);
    emit(o.group);
  }

  // Emits queued files from the oldest while they are done.
  void drain_ready() {
    while (!queue_.empty() && queue_.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready) pop();
  }

  const Options& o_;
  Printer& printer_;
  Output& out_;
  lint::ConfigFinder finder_;
  Summary summary_;
  std::set<fs::path> linted_;
  std::set<const void*> bad_configs_;
  std::set<const Config*> checked_configs_, bad_ids_;
  std::shared_ptr<Result<std::vector<PackSpec>>> base_;
  std::map<std::string, std::shared_ptr<Result<Engine>>> engines_;
  std::map<fs::path, std::shared_ptr<Result<IgnoreFile>>> ignores_;
  unsigned threads_ = 1;
  std::deque<std::future<FileOutcome>> queue_;  // files (and errors) not yet emitted, in order
  bool stdin_read_ = false;
  bool first_ = true;
};

}  // namespace

int run_lint(const Options& o) {
  if (!o.encoding.empty() && !lint::canonical_encoding(o.encoding)) {
    std::fprintf(stderr, "replylint lint: --encoding: unknown encoding '%s' (ICU's names: gbk, gb18030, utf-16le, "
                         "utf-16be, big5, shift_jis, windows-1252, …)\n", o.encoding.c_str());
    return 2;
  }
  std::ios::sync_with_stdio(false);
  Output out(stdout);
  const auto printer = find_format(o.format)->make(Source::kFile);
  Linter linter(o, *printer, out);
  const std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  for (const std::string& p : paths) linter.path_argument(p);
  linter.finish();
  out.flush();
  return linter.exit_status();
}

}  // namespace replylint::cli

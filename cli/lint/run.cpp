// `replylint lint PATH…`: walks the paths, finds each file's config, reads its replies, checks
// them with the engine of its config's packs, applies the config (packs, disabled rules, points)
// and the suppressions, and hands each file's findings to the printer of the chosen format.
// Errors also go to standard error as FILE:LINE:COLUMN: error: MESSAGE.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "../commands.hpp"
#include "config.hpp"
#include "findings.hpp"
#include "mask.hpp"
#include "readers.hpp"
#include "sha256.hpp"
#include "suppress.hpp"
#include "utf8.hpp"

namespace replylint::cli {
namespace lint {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kContextChars = 20;

Finding error_finding(int line, int column, std::string message) {
  Finding f;
  f.kind = Finding::Kind::kError;
  f.line = line;
  f.column = column;
  f.message = std::move(message);
  return f;
}

// Byte offset of character `chars` of s.
std::size_t char_offset(std::string_view s, std::size_t chars) {
  std::size_t i = 0;
  for (; i < s.size() && chars > 0; --chars) {
    const std::size_t n = utf8_length(s, i);
    i += n == 0 ? 1 : n;
  }
  return i;
}

bool read_whole(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  in.seekg(0);
  out.resize(static_cast<std::size_t>(size));
  return size == 0 || static_cast<bool>(in.read(out.data(), size));
}

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

class Linter {
 public:
  Linter(const Options& o, LintPrinter& printer, Output& out)
      : o_(o),
        printer_(printer),
        out_(out),
        finder_(o.config_file.empty() ? std::nullopt : std::optional<fs::path>(fs::absolute(o.config_file).lexically_normal()),
                o.no_config) {
    summary_.fail_on = o.fail_on;
    summary_.min_points = o.min_points;
  }

  void path_argument(const std::string& arg) {
    const fs::path abs = fs::absolute(arg).lexically_normal();
    std::error_code ec;
    const fs::file_status st = fs::status(abs, ec);
    if (ec || !fs::exists(st)) {
      report_error(arg, error_finding(0, 0, "no such file or directory"));
      return;
    }
    if (fs::is_directory(st)) {
      walk(abs, fs::path(arg).lexically_normal());
      return;
    }
    const std::string name = abs.filename().string();
    if (name == kConfigName || name == kIgnoreName) return;  // replylint's own files
    const auto kind = kind_for_path(name);
    if (!kind) {
      report_error(arg, error_finding(0, 0, "not a script library (.txt .csv .tsv .yaml .yml .json .md)"));
      return;
    }
    lint_file(abs, fs::path(arg).lexically_normal().generic_string(), *kind);
  }

  void finish() {
    // Ignore-file entries for files linted in this run that suppressed nothing.
    for (auto& [path, ignore] : ignores_) {
      if (!ignore || !ignore->ok()) continue;
      IgnoreFile& f = ignore->value();
      FileResult r;
      r.path = f.shown;
      for (IgnoreEntry& e : f.entries) {
        if (e.used || !f.linted.count(e.file)) continue;
        Finding u;
        u.kind = Finding::Kind::kUnusedSuppression;
        u.line = e.line;
        u.column = e.column;
        u.rule = e.rule;
        u.hash = e.hash;
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
    printer_.finish(summary_, rules);
  }

  int exit_status() const {
    if (summary_.errors > 0) return 2;
    return summary_.failing > 0 || summary_.unused > 0 ? 1 : 0;
  }

 private:
  void emit(const FileResult& r) {
    out_.flush();  // standard error and output stay in order on a terminal
    for (const Finding& f : r.findings)
      if (f.kind == Finding::Kind::kError) std::cerr << location(r.path, f) << ": error: " << f.message << '\n';
    std::cerr.flush();
    printer_.file(r);
  }

  void report_error(const std::string& path, Finding f) {
    FileResult r;
    r.path = path;
    r.findings.push_back(std::move(f));
    ++summary_.errors;
    emit(r);
  }

  void report_error(const Error& e) {
    std::string msg = e.message;
    if (!e.rule.empty()) msg += " [" + e.rule + "]";
    report_error(e.file.empty() ? "replylint" : e.file, error_finding(e.line, e.column, msg));
  }

  void walk(const fs::path& dir, const fs::path& shown) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
      report_error(shown.generic_string(), error_finding(0, 0, "cannot read the folder: " + ec.message()));
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
        if (const auto kind = kind_for_path(name)) lint_file(e.path(), shown_child.generic_string(), *kind);
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
            error->message = "pack_dirs: " + shown_path(d) + ": " + error->message;
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
      slot = std::make_shared<Result<IgnoreFile>>(load_ignore_file(c.ignore_file, engine));
      if (!slot->ok()) report_error(slot->error());
    }
    return slot->ok() ? &slot->value() : nullptr;
  }

  void lint_file(const fs::path& abs, const std::string& shown, FileKind kind) {
    if (out_.closed()) return;  // the reader went away (`| head`): stop, keep the status
    if (!linted_.insert(abs).second) return;
    const auto config = finder_.for_dir(abs.parent_path());
    if (!config->ok()) {
      if (bad_configs_.insert(config.get()).second) report_error(config->error());
      return;
    }
    const Config& c = config->value();
    if (excluded(abs, false)) return;  // also for paths given by name: pre-commit passes every file
    const Engine* engine = engine_for(c);
    if (!engine) return;
    if (checked_configs_.insert(&c).second) {
      for (const Error& e : c.check_ids(*engine)) {
        report_error(e);
        bad_ids_.insert(&c);
      }
    }
    if (bad_ids_.count(&c)) return;
    IgnoreFile* ignore = ignore_for(c, *engine);
    if (!ignore && !c.ignore_file.empty()) return;  // the ignore file is broken: reported

    FileResult r;
    r.path = shown;
    r.format = kind_name(kind);
    r.comments = has_comments(kind);
    if (ignore) r.ignore_file = ignore->shown;
    ++summary_.files;

    std::string bytes;
    if (!read_whole(abs, bytes)) {
      r.findings.push_back(error_finding(0, 0, "cannot read the file"));
      ++summary_.errors;
      emit(r);
      return;
    }
    const SourceText src(std::move(bytes));
    ReadResult read = read_source(kind, src, c.read);
    auto at = [&](std::size_t offset, std::string msg) {
      const auto p = src.position(offset);
      return error_finding(p.line, p.column, std::move(msg));
    };
    if (read.fatal) {
      r.findings.push_back(at(read.fatal->offset, read.fatal->message));
      ++summary_.errors;
      emit(r);
      return;
    }
    std::vector<Problem> problems = std::move(read.problems);
    std::vector<Directive> directives = parse_directives(src, read, *engine, problems);
    std::multimap<int, std::size_t> by_target;
    for (std::size_t i = 0; i < directives.size(); ++i)
      if (directives[i].target) by_target.emplace(directives[i].target, i);
    std::string rel;
    if (ignore) {
      const fs::path p = abs.lexically_relative(ignore->path.parent_path());
      rel = p.generic_string();
      ignore->linted[rel] = true;
    }
    const std::vector<std::size_t>* ignored = nullptr;
    if (ignore)
      if (auto it = ignore->by_file.find(rel); it != ignore->by_file.end()) ignored = &it->second;
    std::set<int> unchecked_lines;  // lines of replies that could not be checked

    for (const Problem& p : problems) {
      r.findings.push_back(at(p.offset, p.message));
      unchecked_lines.insert(src.line_of(p.offset));
      ++summary_.errors;
    }

    for (const Reply& reply : read.replies) {
      ++r.replies;
      ++summary_.replies;
      const Result<Report> report = engine->check_with_buyer(reply.buyer, reply.text);
      if (!report) {
        r.findings.push_back(at(reply.origin.front(), report.error().message + "; this reply was not checked"));
        for (int n = reply.first_line; n <= reply.last_line; ++n) unchecked_lines.insert(n);
        ++summary_.errors;
        continue;
      }
      std::string hash;
      struct Kept {
        const Violation* v;
        int points;
      };
      std::vector<Kept> kept;
      for (const Violation& v : report->violations) {
        if (!c.selected(v.pack) || c.disabled(v.rule)) continue;
        bool suppressed = false;
        for (int n = reply.first_line; n <= reply.last_line && !suppressed; ++n) {
          auto [b, e] = by_target.equal_range(n);
          for (auto it = b; it != e && !suppressed; ++it) {
            Directive& d = directives[it->second];
            for (std::size_t k = 0; k < d.rules.size(); ++k)
              if (d.rules[k] == v.rule) d.used[k] = suppressed = true;
          }
        }
        if (!suppressed && ignored) {
          if (hash.empty()) hash = reply_hash(reply.text);
          for (std::size_t idx : *ignored) {
            IgnoreEntry& e = ignore->entries[idx];
            if (e.rule == v.rule && e.hash == hash) e.used = suppressed = true;
          }
        }
        if (suppressed) {
          ++summary_.suppressed;
          continue;
        }
        kept.push_back({&v, c.points_for(v.rule, v.points)});
      }
      if (kept.empty()) continue;
      // One incident of a platform rule costs its points once, at its heaviest rule (after the
      // config's overrides and suppressions, which the engine's Report::points cannot know).
      std::map<std::string_view, int> incidents;
      for (const Kept& k : kept) incidents[k.v->platform_rule] = std::max(incidents[k.v->platform_rule], k.points);
      int total = 0;
      for (const auto& incident : incidents) total += incident.second;
      const int fail_on = o_.fail_on > 0 ? o_.fail_on : c.fail_on.value_or(0);
      const bool fails = fail_on == 0 || total >= fail_on;
      ++summary_.flagged;
      summary_.points += total;
      if (fails) ++summary_.failing;
      if (total < o_.min_points) {
        ++summary_.hidden;
        continue;
      }
      if (hash.empty()) hash = reply_hash(reply.text);
      const std::string shown_text = o_.show_matches ? reply.text : mask_sensitive(reply.text);
      for (const Kept& k : kept) {
        const Violation& v = *k.v;
        Finding f;
        f.kind = Finding::Kind::kViolation;
        const auto from = src.position(reply.origin[v.start]);
        const auto to = src.position(reply.origin[v.end]);
        f.line = from.line;
        f.column = from.column;
        f.end_line = to.line;
        f.end_column = to.column;
        f.rule = v.rule;
        f.pack = v.pack;
        f.title = v.title;
        f.message = v.message;
        f.suggestion = v.suggestion;
        f.points = k.points;
        f.reply_points = total;
        f.fails = fails;
        f.hash = hash;
        f.where = reply.where;
        f.buyer = one_line(o_.show_matches ? reply.buyer : mask_sensitive(reply.buyer));
        const std::size_t cb = char_offset(shown_text, v.char_start), ce = char_offset(shown_text, v.char_end);
        const std::size_t before_chars = std::min<std::size_t>(v.char_start, kContextChars);
        const std::size_t bb = char_offset(shown_text, v.char_start - before_chars);
        const std::size_t ae = char_offset(shown_text, v.char_end + kContextChars);
        f.text = shown_text.substr(cb, ce - cb);
        f.before = one_line(std::string_view(shown_text).substr(bb, cb - bb));
        f.after = one_line(std::string_view(shown_text).substr(ce, ae - ce));
        f.cut_before = bb > 0;
        f.cut_after = ae < shown_text.size();
        if (!f.cut_after) f.after.erase(f.after.find_last_not_of(' ') + 1);
        r.findings.push_back(std::move(f));
      }
    }

    for (const Directive& d : directives) {
      bool target_unchecked = d.target && unchecked_lines.count(d.target);
      for (std::size_t k = 0; k < d.rules.size(); ++k) {
        if (d.used[k] || target_unchecked) continue;
        const auto p = src.position(d.offset);
        Finding u;
        u.kind = Finding::Kind::kUnusedSuppression;
        u.line = p.line;
        u.column = p.column;
        u.rule = d.rules[k];
        u.message = d.target ? "unused suppression: " + d.rules[k] + " does not fire on line " + std::to_string(d.target) +
                                   " (fixed? remove the comment)"
                             : "unused suppression: no reply follows it";
        r.findings.push_back(std::move(u));
        ++summary_.unused;
      }
    }
    std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    emit(r);
  }

  const Options& o_;
  LintPrinter& printer_;
  Output& out_;
  ConfigFinder finder_;
  Summary summary_;
  std::set<fs::path> linted_;
  std::set<const void*> bad_configs_;
  std::set<const Config*> checked_configs_, bad_ids_;
  std::shared_ptr<Result<std::vector<PackSpec>>> base_;
  std::map<std::string, std::shared_ptr<Result<Engine>>> engines_;
  std::map<fs::path, std::shared_ptr<Result<IgnoreFile>>> ignores_;
};

}  // namespace

}  // namespace lint

int run_lint(const Options& o) {
  using namespace lint;
  std::ios::sync_with_stdio(false);
  Output out(stdout);
  std::unique_ptr<LintPrinter> printer;
  const std::string& f = o.lint_format;
  if (f == "json" || f == "jsonl") printer = make_lint_json_printer(out, f == "jsonl");
  else if (f == "sarif") printer = make_lint_sarif_printer(out);
  else if (f == "github") printer = make_lint_github_printer(out);
  else if (f == "junit") printer = make_lint_junit_printer(out);
  else printer = make_lint_text_printer(out);
  Linter linter(o, *printer, out);
  const std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  for (const std::string& p : paths) linter.path_argument(p);
  linter.finish();
  out.flush();
  return linter.exit_status();
}

}  // namespace replylint::cli

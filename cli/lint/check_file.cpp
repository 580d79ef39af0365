#include "check_file.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "decode.hpp"
#include "mask.hpp"
#include "sha256.hpp"
#include "utf8.hpp"

namespace replylint::cli::lint {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kContextChars = 20;

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

}  // namespace

Finding error_finding(int line, int column, std::string message) {
  Finding f;
  f.kind = Finding::Kind::kError;
  f.line = line;
  f.column = column;
  f.message = std::move(message);
  return f;
}

FileOutcome check_file(const Options& o, FileJob job) {
  FileOutcome out;
  FileResult& r = out.result;
  Summary& counts = out.counts;
  r = std::move(job.result);
  const Config& c = *job.config;
  ++counts.files;
  // The file could not be read or parsed: this error is all it reports.
  auto fail = [&](Finding f) {
    r.findings.push_back(std::move(f));
    ++counts.errors;
    return std::move(out);
  };
  if (job.kind == FileKind::kXls)
    return fail(error_finding(0, 0, "an Excel 97-2003 workbook (.xls) is not read: save it as .xlsx (Excel Workbook) "
                                    "or as CSV UTF-8"));
  std::string bytes;
  if (job.bytes) bytes = std::move(*job.bytes);
  else if (!read_whole(job.abs, bytes)) return fail(error_finding(0, 0, "cannot read the file"));
  SourceText src("");
  ReadResult read;
  if (job.kind == FileKind::kXlsx) {
    read = read_xlsx(bytes, c.read);
  } else {
    DecodeResult decoded = decode_file(std::move(bytes), job.encoding);
    if (decoded.error) return fail(error_finding(decoded.error->line, decoded.error->column, decoded.error->message));
    r.encoding = decoded.decoded->encoding;
    src = SourceText(std::move(decoded.decoded->text), std::move(decoded.decoded->origin));
    read = read_source(job.kind, src, c.read);
  }
  auto at = [&](std::size_t offset, std::string msg) {
    const auto p = src.position(offset);
    return error_finding(p.line, p.column, std::move(msg));
  };
  if (read.fatal)
    return fail(job.kind == FileKind::kXlsx ? error_finding(0, 0, read.fatal->message)
                                            : at(read.fatal->offset, read.fatal->message));
  std::vector<Problem> problems = std::move(read.problems);
  std::vector<Directive> directives = parse_directives(src, read, *job.engine, problems);
  std::multimap<int, std::size_t> by_target;
  for (std::size_t i = 0; i < directives.size(); ++i)
    if (directives[i].target) by_target.emplace(directives[i].target, i);
  const std::vector<std::size_t>* ignored = job.ignored;
  std::set<int> unchecked_lines;  // lines of replies that could not be checked

  for (const Problem& p : problems) {
    r.findings.push_back(at(p.offset, p.message));
    unchecked_lines.insert(src.line_of(p.offset));
    ++counts.errors;
  }

  for (const Reply& reply : read.replies) {
    ++r.replies;
    ++counts.replies;
    const Result<Report> report = job.engine->check_with_buyer(reply.buyer, reply.text);
    if (!report) {
      Finding e = at(reply.origin.front(), report.error().message + "; this reply was not checked");
      e.cell = reply.cell;
      r.findings.push_back(std::move(e));
      for (int n = reply.first_line; n <= reply.last_line; ++n) unchecked_lines.insert(n);
      ++counts.errors;
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
          IgnoreEntry& e = job.ignore->entries[idx];
          if (e.rule == v.rule && e.hash == hash) e.used = suppressed = true;
        }
      }
      if (suppressed) {
        ++counts.suppressed;
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
    const int fail_on = o.fail_on > 0 ? o.fail_on : c.fail_on.value_or(0);
    const bool fails = fail_on == 0 || total >= fail_on;
    ++counts.flagged;
    counts.points += total;
    if (fails) ++counts.failing;
    if (total < o.min_points) {
      ++counts.hidden;
      continue;
    }
    if (hash.empty()) hash = reply_hash(reply.text);
    const std::string shown_text = o.show_matches ? reply.text : mask_sensitive(reply.text);
    for (const Kept& k : kept) {
      const Violation& v = *k.v;
      Finding f;
      f.kind = Finding::Kind::kViolation;
      if (reply.cell.empty()) {
        const auto from = src.position(reply.origin[v.start]);
        const auto to = src.position(reply.origin[v.end]);
        f.line = from.line;
        f.column = from.column;
        f.end_line = to.line;
        f.end_column = to.column;
      } else {
        f.cell = reply.cell;
      }
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
      f.buyer = one_line(o.show_matches ? reply.buyer : mask_sensitive(reply.buyer));
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
      ++counts.unused;
    }
  }
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return out;
}

}  // namespace replylint::cli::lint

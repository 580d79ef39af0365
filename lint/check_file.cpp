#include "check_file.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "decode.hpp"
#include "sha256.hpp"

namespace replylint::lint {
namespace fs = std::filesystem;
namespace {

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

FileProblem at(const SourceText& src, std::size_t offset, std::string message) {
  const auto p = src.position(offset);
  return {p.line, p.column, std::move(message)};
}

}  // namespace

CheckedFile read_file(const FileJob& job) {
  CheckedFile file;
  if (job.kind == FileKind::kXls) {
    file.fatal = FileProblem{0, 0, "an Excel 97-2003 workbook (.xls) is not read: save it as .xlsx (Excel Workbook) "
                                   "or as CSV UTF-8"};
    return file;
  }
  std::string bytes;
  if (job.bytes) bytes = *job.bytes;
  else if (!read_whole(job.abs, bytes)) {
    file.fatal = FileProblem{0, 0, "cannot read the file"};
    return file;
  }
  if (job.kind == FileKind::kXlsx) {
    file.read = read_xlsx(bytes, job.config->read);
    if (file.read.fatal) file.fatal = FileProblem{0, 0, file.read.fatal->message};
    return file;
  }
  DecodeResult decoded = decode_file(std::move(bytes), job.encoding);
  if (decoded.error) {
    file.fatal = FileProblem{decoded.error->line, decoded.error->column, decoded.error->message};
    return file;
  }
  file.encoding = decoded.decoded->encoding;
  file.src = SourceText(std::move(decoded.decoded->text), std::move(decoded.decoded->origin));
  file.read = read_source(job.kind, file.src, job.config->read);
  if (file.read.fatal) file.fatal = at(file.src, file.read.fatal->offset, file.read.fatal->message);
  return file;
}

void check_replies(CheckedFile& file, const FileJob& job) {
  if (file.fatal) return;
  for (const Problem& p : file.read.problems) file.problems.push_back(at(file.src, p.offset, p.message));
  file.replies.reserve(file.read.replies.size());
  for (const Reply& reply : file.read.replies)
    file.replies.push_back({&reply, job.engine->check_with_buyer(reply.buyer, reply.text, job.config->check), {}});
}

void suppress(CheckedFile& file, const FileJob& job) {
  if (file.fatal) return;
  std::vector<Problem> malformed;
  std::vector<Directive> directives = parse_directives(file.src, file.read, *job.engine, malformed);
  for (const Problem& p : malformed) file.problems.push_back(at(file.src, p.offset, p.message));
  std::multimap<int, std::size_t> by_target;
  for (std::size_t i = 0; i < directives.size(); ++i)
    if (directives[i].target) by_target.emplace(directives[i].target, i);
  // A directive over a reply that could not be read or checked is not reported unused: nobody
  // knows whether it would have suppressed something.
  std::set<int> unchecked_lines;
  for (const Problem& p : file.read.problems) unchecked_lines.insert(file.src.line_of(p.offset));
  for (const Problem& p : malformed) unchecked_lines.insert(file.src.line_of(p.offset));

  for (CheckedReply& checked : file.replies) {
    const Reply& reply = *checked.reply;
    if (!checked.report) {
      for (int n = reply.first_line; n <= reply.last_line; ++n) unchecked_lines.insert(n);
      continue;
    }
    std::vector<std::string> suppressed;
    std::string legacy;  // the reply's hash without its question, for entries written before it counted
    for (const Violation& v : checked.report->violations) {
      bool hit = false;
      for (int n = reply.first_line; n <= reply.last_line && !hit; ++n) {
        auto [b, e] = by_target.equal_range(n);
        for (auto it = b; it != e && !hit; ++it) {
          Directive& d = directives[it->second];
          for (std::size_t k = 0; k < d.rules.size(); ++k)
            if (d.rules[k] == v.rule) d.used[k] = hit = true;
        }
      }
      if (!hit && job.ignored) {
        if (checked.hash.empty()) checked.hash = reply_hash(reply.buyer, reply.text);
        if (legacy.empty() && !reply.buyer.empty()) legacy = legacy_reply_hash(reply.text);
        for (std::size_t idx : *job.ignored) {
          IgnoreEntry& e = job.ignore->entries[idx];
          if (e.rule == v.rule && (e.hash == checked.hash || (!legacy.empty() && e.hash == legacy))) e.used = hit = true;
        }
      }
      if (hit) suppressed.push_back(v.rule);
    }
    if (suppressed.empty()) continue;
    file.suppressed += suppressed.size();
    // Checked again without the suppressed rules: what is left, and which of it counts once,
    // is then the engine's answer, as for any reply.
    CheckOptions options = job.config->check;
    options.skip.insert(options.skip.end(), suppressed.begin(), suppressed.end());
    checked.report = job.engine->check_with_buyer(reply.buyer, reply.text, options);
  }

  for (const Directive& d : directives) {
    const bool target_unchecked = d.target && unchecked_lines.count(d.target);
    for (std::size_t k = 0; k < d.rules.size(); ++k) {
      if (d.used[k] || target_unchecked) continue;
      const auto p = file.src.position(d.offset);
      file.unused.push_back({p.line, p.column, d.rules[k], d.target});
    }
  }
}

}  // namespace replylint::lint

#include "source.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace replylint::lint {

SourceText::SourceText(std::string bytes, std::vector<std::uint32_t> origin)
    : SourceText(std::move(bytes)) {
  origin_ = std::move(origin);
}

SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)) {
  if (std::string_view(bytes_).substr(0, 3) == kUtf8Bom) bom_ = 3;
  starts_.push_back(0);
  for (std::size_t i = 0; i < bytes_.size(); ++i)
    if (bytes_[i] == '\n') starts_.push_back(i + 1);
}

int SourceText::line_of(std::size_t offset) const {
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
}

SourceText::Position SourceText::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const int line = line_of(offset);
  std::size_t from = starts_[static_cast<std::size_t>(line - 1)];
  if (line == 1) from = std::max(from, std::min(bom_, offset));
  if (origin_.empty()) return {line, static_cast<int>(count_chars(bytes_, from, offset)) + 1};
  // Characters of the file: one per distinct file offset (a file character that decodes to
  // several code points counts once).
  int column = 1;
  for (std::size_t i = from, prev = offset; i < offset;) {
    if (prev == offset || origin_[i] != origin_[prev]) ++column;
    prev = i;
    const std::size_t n = utf8_length(bytes_, i);
    i += n == 0 ? 1 : n;
  }
  return {line, column};
}

std::size_t SourceText::file_offset(std::size_t offset) const {
  if (origin_.empty()) return std::min(offset, bytes_.size());
  return origin_[std::min(offset, origin_.size() - 1)];
}

std::string_view SourceText::line_text(int n) const {
  const std::size_t from = n == 1 ? bom_ : starts_[static_cast<std::size_t>(n - 1)];
  std::size_t to = static_cast<std::size_t>(n) < starts_.size() ? starts_[static_cast<std::size_t>(n)] - 1 : bytes_.size();
  if (to > from && bytes_[to - 1] == '\r') --to;
  return std::string_view(bytes_).substr(from, to > from ? to - from : 0);
}

}  // namespace replylint::lint

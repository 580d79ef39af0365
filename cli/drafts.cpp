#include "drafts.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <iterator>

namespace replylint::cli {

std::string parse_json_line(std::string_view line, std::string& reply, std::string& buyer) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // The byte, not the parser's own message: that one quotes the line, buyer data and all.
    return "not a JSON line: malformed at byte " + std::to_string(e.byte) + " (expected {\"reply\": \"…\", \"buyer\": \"…\"})";
  }
  if (!j.is_object()) return "not a JSON object (expected {\"reply\": \"…\", \"buyer\": \"…\"})";
  bool has_reply = false;
  for (const auto& [key, value] : j.items()) {
    if (key == "reply" && value.is_string()) {
      reply = value.get<std::string>();
      has_reply = true;
    } else if (key == "buyer" && value.is_string()) {
      buyer = value.get<std::string>();
    } else if (key == "buyer" && value.is_null()) {
      // no buyer's message: the reply alone
    } else if (key == "reply" || key == "buyer") {
      return "\"" + key + "\" must be a string";
    } else {
      return "unknown key \"" + key + "\" (expected reply, buyer)";
    }
  }
  if (!has_reply) return "missing key \"reply\"";
  return {};
}

bool DraftReader::next(std::vector<Draft>& batch) {
  batch.clear();
  decoded_.clear();
  first_ = count_ + 1;
  switch (o_.input) {
    case Input::kArguments:
      if (count_ == 0)
        for (const std::string& text : o_.texts) batch.push_back({text, o_.buyer, {}});
      break;
    case Input::kStdin:
      if (count_ == 0) {
        buf_.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        batch.push_back({buf_, o_.buyer, {}});
      }
      break;
    case Input::kLines:
    case Input::kJsonl:
      lines(batch);
      break;
  }
  count_ += batch.size();
  return !batch.empty();
}

// Whole lines (LF or CRLF; a last line without a line break counts unless empty), as
// std::getline reads them.
void DraftReader::lines(std::vector<Draft>& batch) {
  buf_.erase(0, used_);
  used_ = 0;
  spans_.clear();
  std::size_t scanned = 0;
  for (;;) {
    const std::size_t newline = buf_.find('\n', scanned);
    if (newline != std::string::npos) {
      spans_.emplace_back(used_, newline);
      used_ = scanned = newline + 1;
      continue;
    }
    scanned = buf_.size();
    if ((used_ >= kChunk && !spans_.empty()) || eof_) break;
    const std::size_t have = buf_.size();
    buf_.resize(have + kChunk);  // moves the buffer: the lines are offsets until the end
    const std::size_t got = std::fread(buf_.data() + have, 1, kChunk, stdin);
    buf_.resize(have + got);
    if (got == 0) eof_ = true;
  }
  if (eof_ && used_ < buf_.size()) {  // the last line, without a line break
    spans_.emplace_back(used_, buf_.size());
    used_ = buf_.size();
  }
  for (const auto& [begin, end] : spans_) {
    std::string_view line(buf_.data() + begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (o_.input == Input::kLines) {
      batch.push_back({line, o_.buyer, {}});
      continue;
    }
    std::string& reply = decoded_.emplace_back();
    std::string& buyer = decoded_.emplace_back();
    std::string error = parse_json_line(line, reply, buyer);
    batch.push_back({reply, buyer, std::move(error)});
  }
}

}  // namespace replylint::cli

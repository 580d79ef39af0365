#include "drafts.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <iterator>

namespace replylint::cli {

Draft parse_json_line(std::string_view line) {
  Draft d;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // The byte, not the parser's own message: that one quotes the line, buyer data and all.
    d.error = "not a JSON line: malformed at byte " + std::to_string(e.byte) + " (expected {\"reply\": \"…\", \"buyer\": \"…\"})";
    return d;
  }
  if (!j.is_object()) {
    d.error = "not a JSON object (expected {\"reply\": \"…\", \"buyer\": \"…\"})";
    return d;
  }
  bool has_reply = false;
  for (const auto& [key, value] : j.items()) {
    if (key == "reply" && value.is_string()) {
      d.reply = value.get<std::string>();
      has_reply = true;
    } else if (key == "buyer" && value.is_string()) {
      d.buyer = value.get<std::string>();
    } else if (key == "buyer" && value.is_null()) {
      // no buyer's message: the reply alone
    } else if (key == "reply" || key == "buyer") {
      d.error = "\"" + key + "\" must be a string";
      return d;
    } else {
      d.error = "unknown key \"" + key + "\" (expected reply, buyer)";
      return d;
    }
  }
  if (!has_reply) d.error = "missing key \"reply\"";
  return d;
}

bool DraftReader::next(std::vector<Draft>& batch) {
  batch.clear();
  first_ = count_ + 1;
  switch (o_.input) {
    case Input::kArguments:
      if (count_ == 0)
        for (const std::string& text : o_.texts) batch.push_back({text, o_.buyer, {}});
      break;
    case Input::kStdin:
      if (count_ == 0)
        batch.push_back({std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()), o_.buyer, {}});
      break;
    case Input::kLines:
    case Input::kJsonl: {
      std::string line;
      while (batch.size() < kBatch && std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (o_.input == Input::kJsonl) batch.push_back(parse_json_line(line));
        else batch.push_back({std::move(line), o_.buyer, {}});
      }
      break;
    }
  }
  count_ += batch.size();
  return !batch.empty();
}

}  // namespace replylint::cli

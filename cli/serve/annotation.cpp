#include "annotation.hpp"

#include <nlohmann/json.hpp>

#include "replylint/tools/utf8.hpp"

namespace replylint::cli::serve {

std::optional<Annotated> Annotated::parse(std::string_view data, std::string& error) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(data);
  } catch (const nlohmann::json::parse_error& e) {
    error = std::string("'data' is not valid JSON: ") + e.what();
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("annotation") || !doc["annotation"].is_array()) {
    error = "'data' must be {\"annotation\": [{\"text\": ...} or {\"markup\": ..., \"interpretAs\": ...}, ...]}";
    return std::nullopt;
  }
  Annotated a;
  std::uint32_t plain = 0, document = 0;
  const nlohmann::json& items = doc["annotation"];
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = "'data': annotation[" + std::to_string(i) + "]";
    const nlohmann::json& item = items[i];
    if (!item.is_object()) {
      error = at + " must be an object";
      return std::nullopt;
    }
    const bool text = item.contains("text"), markup = item.contains("markup");
    if (text == markup) {
      error = at + " needs exactly one of 'text' and 'markup'";
      return std::nullopt;
    }
    for (const auto& [key, v] : item.items()) {
      if (key != "text" && key != "markup" && key != "interpretAs") {
        error = at + ": unknown key '" + key + "'";
        return std::nullopt;
      }
      if (!v.is_string()) {
        error = at + "." + key + " must be a string";
        return std::nullopt;
      }
      if (key == "interpretAs" && text) {
        error = at + ": 'interpretAs' goes with 'markup', not 'text'";
        return std::nullopt;
      }
    }
    const std::string source = item[text ? "text" : "markup"].get<std::string>();
    const std::string checked = text ? source : item.value("interpretAs", std::string());
    Piece p{plain, detail::utf16_units(checked), document, detail::utf16_units(source), markup};
    a.plain_ += checked;
    plain += p.plain_length;
    document += p.doc_length;
    a.pieces_.push_back(p);
  }
  return a;
}

std::uint32_t Annotated::start_in_document(std::uint32_t offset) const {
  for (const Piece& p : pieces_)
    if (offset < p.plain_start + p.plain_length)
      return p.markup ? p.doc_start : p.doc_start + (offset - p.plain_start);
  return pieces_.empty() ? 0 : pieces_.back().doc_start + pieces_.back().doc_length;
}

std::uint32_t Annotated::end_in_document(std::uint32_t offset) const {
  for (const Piece& p : pieces_)
    if (offset <= p.plain_start + p.plain_length && offset > p.plain_start)
      return p.markup ? p.doc_start + p.doc_length : p.doc_start + (offset - p.plain_start);
  return start_in_document(offset);
}

}  // namespace replylint::cli::serve

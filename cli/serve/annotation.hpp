// LanguageTool's `data` parameter: a document as text and markup pieces,
//   {"annotation": [{"text": "亲,"}, {"markup": "<b>"}, {"text": "加我微信"}, {"markup": "</b>"},
//                   {"markup": "<br>", "interpretAs": "\n"}]}
// The text pieces (and each markup's interpretAs) are what gets checked; offsets answered to
// the client count the markup too, in UTF-16 code units, as LanguageTool does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace replylint::cli::serve {

class Annotated {
 public:
  // Parses `data`; on failure returns nullopt and says what is wrong in `error`.
  static std::optional<Annotated> parse(std::string_view data, std::string& error);

  const std::string& plain() const { return plain_; }  // the text to check
  // A UTF-16 offset into plain() as an offset into the whole document, markup included. A
  // span starting or ending inside an interpretAs covers that markup whole.
  std::uint32_t start_in_document(std::uint32_t plain_offset) const;
  std::uint32_t end_in_document(std::uint32_t plain_offset) const;

 private:
  struct Piece {
    std::uint32_t plain_start, plain_length, doc_start, doc_length;
    bool markup;
  };
  std::string plain_;
  std::vector<Piece> pieces_;
};

}  // namespace replylint::cli::serve

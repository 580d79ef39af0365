#include "json_writer.hpp"

#include <charconv>

namespace replylint::cli {

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(static_cast<std::size_t>(depth_ * indent_), ' ');
}

void JsonWriter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!empty_) out_ += ',';
  if (indent_ >= 0 && depth_ > 0) newline();
  empty_ = false;
}

void JsonWriter::open(char c) {
  element();
  out_ += c;
  ++depth_;
  empty_ = true;
}

void JsonWriter::close(char c) {
  --depth_;
  if (!empty_ && indent_ >= 0) newline();
  out_ += c;
  empty_ = false;
}

void JsonWriter::key(std::string_view name) {
  element();
  string(name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  element();
  string(s);
}

void JsonWriter::string(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
    }
  }
  out_.append(s.substr(plain));
  out_ += '"';
}

void JsonWriter::value(bool b) {
  element();
  out_ += b ? "true" : "false";
}

void JsonWriter::value(long long n) {
  element();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out_.append(digits, static_cast<std::size_t>(end - digits));
}

}  // namespace replylint::cli

// JSON written straight into a byte buffer, for `check --format json|jsonl`: the same bytes
// nlohmann::json's dump() wrote before (compact, or indented by 2 with ": " after keys; UTF-8
// kept; ", \, and control characters escaped as \b \f \n \r \t or \u00xx), with no allocation
// once the buffer has grown. Strings must be valid UTF-8 (the printer's are: shown_text()).
// Not thread-safe; one per buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace replylint::cli {

class JsonWriter {
 public:
  // indent < 0: everything on one line (jsonl); else pretty, `indent` spaces a level, starting
  // at level `depth`.
  JsonWriter(std::string& out, int indent, int depth = 0) : out_(out), indent_(indent), depth_(depth) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b);
  void value(long long n);
  void value(int n) { value(static_cast<long long>(n)); }
  void value(std::uint32_t n) { value(static_cast<long long>(n)); }
  void value(std::size_t n) { value(static_cast<long long>(n)); }

  template <typename T>
  void field(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  void open(char c);
  void close(char c);
  void element();  // the comma and line break before a new element, none after a key
  void string(std::string_view s);
  void newline();
  std::string& out_;
  int indent_;
  int depth_;
  bool empty_ = true;       // the container just opened has no element yet
  bool after_key_ = false;  // the next value follows a key
};

}  // namespace replylint::cli

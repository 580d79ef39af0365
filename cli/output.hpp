// Buffered standard output that notices a closed pipe (`replylint … | head`), which is not an
// error: the command stops writing and exits with the status it had.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace replylint::cli {

class Output {
 public:
  explicit Output(std::FILE* f) : f_(f) {}
  ~Output() { flush(); }
  Output& operator<<(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= (1 << 16)) flush();
    return *this;
  }
  Output& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  Output& operator<<(long long n) { return *this << std::string_view(std::to_string(n)); }
  void flush();
  bool closed() const { return closed_; }  // the reader went away; stop producing

 private:
  std::FILE* f_;
  std::string buf_;
  bool closed_ = false;
};

}  // namespace replylint::cli

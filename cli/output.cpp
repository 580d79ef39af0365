#include "output.hpp"

namespace replylint::cli {

void Output::flush() {
  if (!closed_ && !buf_.empty()) {
    if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size() || std::fflush(f_) != 0) closed_ = true;
  }
  buf_.clear();
}

}  // namespace replylint::cli

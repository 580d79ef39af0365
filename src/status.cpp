#include "replylint/status.hpp"

namespace replylint {

std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  out += "error: ";
  out += message;
  if (!rule.empty()) out += " [" + rule + "]";
  return out;
}

}  // namespace replylint

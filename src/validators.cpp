#include "validators.hpp"

#include <string>

namespace replylint::detail {
namespace {

// GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits; the check character is
// "10X98765432"[sum mod 11].
bool cn_id(const std::string& s) {
  if (s.size() != 18) return false;
  static constexpr int kWeight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10x98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    sum += (s[i] - '0') * kWeight[i];
  }
  return s[17] == kCheck[sum % 11];
}

bool luhn(const std::string& s) {
  if (s.size() < 13 || s.size() > 19) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

}  // namespace

bool passes(Validator v, std::string_view span) {
  if (v == Validator::kNone) return true;
  std::string digits;
  for (char c : span)
    if ((c >= '0' && c <= '9') || c == 'x' || c == 'X') digits.push_back(c == 'X' ? 'x' : c);
  if (v == Validator::kCnId) return cn_id(digits);
  return luhn(digits);
}

}  // namespace replylint::detail

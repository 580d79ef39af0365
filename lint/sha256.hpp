// SHA-256 (FIPS 180-4), for the reply hashes that key the ignore file and SARIF fingerprints:
// `printf '%s' "$reply" | sha256sum | cut -c1-16` gives the same 16 hex digits (with the
// buyer's question: reply_hash below).
#pragma once

#include <string>
#include <string_view>

namespace replylint::lint {

std::string sha256_hex(std::string_view data);  // 64 lowercase hex digits
// What the ignore file and the outputs call a reply's hash: the first 16 hex digits of SHA-256
// of its text, or, for a reply that answers a buyer's question, of the question, a line feed
// and the reply (`printf '%s\n%s' "$question" "$reply" | sha256sum`): a rule may fire on an
// answer only because of the question (有QQ吗？ 有的), so accepting the answer to one question
// must not accept it for every other.
inline std::string reply_hash(std::string_view buyer, std::string_view text) {
  if (buyer.empty()) return sha256_hex(text).substr(0, 16);
  std::string both;
  both.reserve(buyer.size() + 1 + text.size());
  both.append(buyer).append(1, '\n').append(text);
  return sha256_hex(both).substr(0, 16);
}
// The hash of the text alone, which named every reply before the question counted: an ignore
// entry written then for a reply that answers a question still matches it.
inline std::string legacy_reply_hash(std::string_view text) { return sha256_hex(text).substr(0, 16); }

}  // namespace replylint::lint

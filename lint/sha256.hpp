// SHA-256 (FIPS 180-4), for the reply hashes that key the ignore file and SARIF fingerprints:
// `printf '%s' "$reply" | sha256sum | cut -c1-16` gives the same 16 hex digits.
#pragma once

#include <string>
#include <string_view>

namespace replylint::lint {

std::string sha256_hex(std::string_view data);  // 64 lowercase hex digits
// The first 16 hex digits of SHA-256 of a reply's text: what the ignore file and the outputs
// call a reply's hash.
inline std::string reply_hash(std::string_view text) { return sha256_hex(text).substr(0, 16); }

}  // namespace replylint::lint

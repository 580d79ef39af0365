// replylint/mask.hpp: hide contact and buyer data before a reply is shown or logged.
//
// A log of checked replies, a CI log or a review screen must not spread the phone numbers, ID
// numbers and e-mail addresses that replylint warns about. Everything that prints a reply (the
// CLI's check and lint, clients, servers) passes it through mask() first:
//
//   #include <replylint/mask.hpp>
//
//   auto shown = replylint::mask("电话13812345678");   // "电话138****5678"
//   if (shown) log(*shown);
//
// What is masked, decided on the text as the engine reads it (rules/README.md, "Normalized
// text"), so that every digit form a rule sees as a digit is masked too:
//   - digit runs of 5 or more digits. A digit is every code point the fold table reads as an
//     ASCII digit (0-9, full-width, circled and parenthesized forms, mathematical digits,
//     superscripts, other scripts' digits...) and Chinese and financial numerals inside a run of
//     four or more of them (一三八…, 壹叁捌…). Separators between digits do not end a run
//     ("138 1234 5678" is one run of 11); a kept decimal point ("12345.67") or mask ("****")
//     does. With 11 or more digits the first 3 and the last 4 stay (138****5678, 138 **** 5678);
//     shorter runs are masked whole (*****). A character that reads as several digits (⑩) is
//     masked when any of them is.
//   - the local part of an e-mail address: the letters and digits (as read: ｚｈａｎｇ is zhang)
//     right before an '@' or '＠' that has at least two letters or digits after it, together
//     with the separators between them ("zhang.san@qq.com" -> "*********@qq.com").
// Each masked character becomes one '*'; every other character, separators, and bytes that
// are not UTF-8, are copied as they are. So the result has as many characters as the text (an
// invalid byte counting as one) and character offsets of a report (Violation::char_start) index
// the masked text as well as the original.
//
// Errors: kTooLong for a text of 4 GiB or more, kOutOfMemory. Nothing is thrown.
// Thread safety: a pure function; call it from any number of threads.
#pragma once

#include <string>
#include <string_view>

#include "replylint/export.h"
#include "replylint/status.hpp"

namespace replylint {

REPLYLINT_API Result<std::string> mask(std::string_view text);

}  // namespace replylint

// Masking of contact and buyer data in what `replylint lint` prints, so that a CI log does not
// spread the data it warns about (unless --show-matches).
//
// A digit run is digits (ASCII, full-width, circled, Chinese numerals 〇零一二…九, 壹贰…玖, 幺)
// with at most two separators (space, - . _ / · and their full-width and zero-width kin)
// between neighbours. A run of 5 or more digits is masked: with 11 or more digits the first 3
// and the last 4 stay (138****5678, 138 **** 5678), shorter runs are masked whole (*****).
// The local part of an e-mail address is masked (*****@example.com). Masking replaces
// characters one for one with '*', so character offsets into the masked text stay true.
#pragma once

#include <string>
#include <string_view>

namespace replylint::cli::lint {

std::string mask_sensitive(std::string_view text);

}  // namespace replylint::cli::lint

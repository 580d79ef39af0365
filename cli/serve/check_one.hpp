// The two places where the server meets the library's checking and the CLI's masking, so that
// each switch the library is about to make (the buyer's message as context; masking moving
// into the library) is a one-line change here.
#pragma once

#include <string>
#include <string_view>

#include "replylint/engine.hpp"

namespace replylint::cli::serve {

// Checks `reply`, answering `buyer` (may be empty). Errors: as Engine::check.
Result<Report> check_one(const Engine& engine, std::string_view buyer, std::string_view reply,
                         const CheckOptions& options);

// Why `options` cannot be used with `engine` (an unknown rule or pack id, a bad points
// override: the message names it), or an empty string when they can. A request with such
// options is refused whole, not reply by reply.
std::string options_error(const Engine& engine, const CheckOptions& options);

// `reply` as it may be shown: valid UTF-8 (U+FFFD per bad byte), with phone, ID and card
// digits and e-mail local parts masked unless `show_matches`. One character per character
// of `reply`, so violations' char offsets index it.
std::string shown_text(std::string_view reply, bool show_matches);

}  // namespace replylint::cli::serve

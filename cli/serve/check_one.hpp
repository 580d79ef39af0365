// Where the server meets the library's checking, so that a switch the library makes is a
// one-line change here. What a reply may show is the CLI's shown_text() (printers/printer.hpp), shared
// with `check`.
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

}  // namespace replylint::cli::serve

#include "check_one.hpp"

#include "../lint/mask.hpp"
#include "../printer.hpp"

namespace replylint::cli::serve {

Result<Report> check_one(const Engine& engine, std::string_view buyer, std::string_view reply,
                         const CheckOptions& options) {
  return engine.check_with_buyer(buyer, reply, options);
}

std::string options_error(const Engine& engine, const CheckOptions& options) {
  const Result<Report> probe = engine.check("", options);  // the ids are checked before the text
  if (probe) return {};
  const Error& e = probe.error();
  return e.message + (e.rule.empty() ? "" : " [" + e.rule + "]");
}

std::string shown_text(std::string_view reply, bool show_matches) {
  std::string shown = displayable(reply);
  return show_matches ? shown : lint::mask_sensitive(shown);
}

}  // namespace replylint::cli::serve

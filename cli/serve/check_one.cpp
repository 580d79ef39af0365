#include "check_one.hpp"

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

}  // namespace replylint::cli::serve

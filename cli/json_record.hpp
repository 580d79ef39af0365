// One reply's JSON record, as `check --format json|jsonl` prints it (fields in the README);
// `replylint serve` answers POST /v1/check with the same records.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "replylint/report.hpp"
#include "replylint/status.hpp"

namespace replylint::cli {

// `number`: the reply's line or position; `shown`: as for Printer::reply (masked or not).
nlohmann::ordered_json record(std::size_t number, std::string_view shown, const Result<Report>& result);

}  // namespace replylint::cli

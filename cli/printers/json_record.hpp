// One reply's JSON record, as `check --format json|jsonl` prints it (fields in the README);
// `replylint serve` answers POST /v1/check with the same records. Written by the one JSON
// writer of the CLI (json_writer.hpp), so check and serve print the same bytes.
#pragma once

#include <cstddef>
#include <string_view>

#include "json_writer.hpp"
#include "replylint/report.hpp"
#include "replylint/status.hpp"

namespace replylint::cli {

// Writes the record as the next value of `w`. `number`: the reply's line or position;
// `shown`: as ShownReply::text (masked or not).
void record(JsonWriter& w, std::size_t number, std::string_view shown, const Result<Report>& result);
// The same for a checked reply (`report`) or one that could not be checked (null, `error`).
void record(JsonWriter& w, std::size_t number, std::string_view shown, const Report* report, std::string_view error);

}  // namespace replylint::cli

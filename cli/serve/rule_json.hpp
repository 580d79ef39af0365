// Rules as JSON for GET /v1/rules and /v1/rules/{id}: what `replylint explain` prints.
#pragma once

#include <nlohmann/json.hpp>

#include "replylint/engine.hpp"

namespace replylint::cli::serve {

// {"id", "pack", "title", "points", "message", "suggestion", "source", "patterns": [...],
//  "unless": [{"where", "pattern"}], "violating": [...], "compliant": [...]}; violating
// examples keep their [[span]] marks.
nlohmann::ordered_json rule_json(const Engine& engine, const RuleInfo& rule);

// {"packs": [{"id", "title", "version", "file", "rules": [rule_json...]}], "rules": N}
nlohmann::ordered_json packs_json(const Engine& engine);

}  // namespace replylint::cli::serve

// replylint's own HTTP API: POST /v1/check, GET /v1/rules, GET /v1/rules/{id}, POST /v1/reload,
// GET /healthz, GET /metrics. Requests and answers are described in the README.
#pragma once

#include "routes.hpp"
#include "state.hpp"

namespace replylint::cli::serve {

void add_native_api(Routes& routes, State& state);

}  // namespace replylint::cli::serve

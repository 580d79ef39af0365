// What applies to every request, whatever its route: the connection cap's 503, Bearer tokens,
// CORS, error bodies for what httplib refuses by itself (413, 404/405, malformed requests),
// the metrics of each response and the access log. SECURITY.md describes the guarantees.
#pragma once

#include <httplib.h>

#include "routes.hpp"
#include "state.hpp"

namespace replylint::cli::serve {

// Installs the handlers on `server`; `state` and `routes` must outlive it.
void install_policy(httplib::Server& server, State& state, const Routes& routes);

// True when `header` is "Bearer TOKEN" with the server's token (compared in constant time).
bool bearer_matches(const std::string& header, const std::string& token);

}  // namespace replylint::cli::serve

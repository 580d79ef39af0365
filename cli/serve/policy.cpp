#include "policy.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "connection_queue.hpp"

namespace replylint::cli::serve {
namespace {

using Clock = std::chrono::steady_clock;
// httplib serves a connection's requests one after another on one thread, so the start of
// the request in progress can live in a thread_local between pre-routing and the logger.
thread_local Clock::time_point t_started{};
thread_local double t_seconds = -1;  // the request's time up to its response, for the access log

bool origin_allowed(const Settings& s, const std::string& origin) {
  return !origin.empty() && std::find(s.allow_origins.begin(), s.allow_origins.end(), origin) != s.allow_origins.end();
}

void add_cors(const Settings& s, const httplib::Request& req, httplib::Response& res) {
  const std::string origin = req.get_header_value("Origin");
  // httplib runs the post-routing handler after the error handler too: add the headers once.
  if (!origin_allowed(s, origin) || res.has_header("Access-Control-Allow-Origin")) return;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
}

const char* generic_message(int status) {
  switch (status) {
    case 400: return "malformed HTTP request";
    case 413: return "request body too large";
    case 414: return "request target too long";
    case 416: return "range not satisfiable";
    case 500: return "internal error";
    default: return "request refused";
  }
}

}  // namespace

bool bearer_matches(const std::string& header, const std::string& token) {
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() != kBearer.size() + token.size() || header.compare(0, kBearer.size(), kBearer) != 0) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < token.size(); ++i)
    diff |= static_cast<unsigned char>(header[kBearer.size() + i] ^ token[i]);
  return diff == 0;
}

void install_policy(httplib::Server& server, State& state, const Routes& routes) {
  const Settings& s = state.settings;
  server.set_pre_routing_handler([&state, &s](const httplib::Request& req, httplib::Response& res) {
    t_started = Clock::now();
    if (ConnectionQueue::over_capacity()) {
      res.set_header("Connection", "close");
      res.set_header("Retry-After", "1");
      send_error(req, res, 503, "too many connections (--max-connections " + std::to_string(s.max_connections) + ")");
      return httplib::Server::HandlerResponse::Handled;
    }
    // A CORS preflight carries no credentials; it only learns what the real request may do.
    if (req.method == "OPTIONS") {
      if (!origin_allowed(s, req.get_header_value("Origin"))) {
        send_error(req, res, 403, "origin not allowed (see --allow-origin)");
        return httplib::Server::HandlerResponse::Handled;
      }
      add_cors(s, req, res);
      res.set_header("Access-Control-Allow-Methods", "GET, POST");
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
      res.status = 204;
      return httplib::Server::HandlerResponse::Handled;
    }
    // The page itself is static code with no data in it; what it fetches needs the token.
    const bool page = req.method == "GET" && (req.path == "/" || req.path == "/page.js" || req.path == "/page.css");
    if (!state.token.empty() && !page && !bearer_matches(req.get_header_value("Authorization"), state.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      send_error(req, res, 401, "missing or wrong Authorization: Bearer token");
      add_cors(s, req, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Called for every response before it is written: the request is counted here, so that a
  // client that has its answer finds it in /metrics (the logger below runs after the write).
  server.set_post_routing_handler([&state, &s](const httplib::Request& req, httplib::Response& res) {
    add_cors(s, req, res);
    res.set_header("X-Content-Type-Options", "nosniff");
    t_seconds = -1;
    if (t_started != Clock::time_point{}) {
      t_seconds = std::chrono::duration<double>(Clock::now() - t_started).count();
      t_started = Clock::time_point{};
    }
    state.metrics.request(res.status, t_seconds);
  });

  // httplib calls this for every status >= 400; only bodies it left empty are filled here.
  server.set_error_handler(httplib::Server::HandlerWithResponse([&s, &routes](const httplib::Request& req,
                                                                              httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 404) {
      const std::string allow = routes.allowed(req.path);
      if (!allow.empty()) {
        res.set_header("Allow", allow);
        send_error(req, res, 405, "method " + req.method + " not allowed on " + req.path + " (allowed: " + allow + ")");
      } else {
        send_error(req, res, 404, "no such path: " + req.path);
      }
    } else if (res.status == 413) {
      send_error(req, res, 413, body_too_large(s.max_body_bytes));
    } else {
      send_error(req, res, res.status, generic_message(res.status));
    }
    add_cors(s, req, res);
    return httplib::Server::HandlerResponse::Handled;
  }));

  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    send_error(req, res, 500, "internal error");
  });

  server.set_logger([&s](const httplib::Request& req, const httplib::Response& res) {
    const double seconds = t_seconds;
    // Method, path (never the query string), status, time: never a header value or a body.
    if (!s.access_log) return;
    std::string path = req.path.substr(0, 200);  // decoded: a line break in it must not forge a log line
    for (char& c : path)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    std::fprintf(stderr, "%s %s %d %.3fms\n", req.method.c_str(), path.c_str(), res.status, seconds < 0 ? 0.0 : seconds * 1e3);
  });
}

}  // namespace replylint::cli::serve

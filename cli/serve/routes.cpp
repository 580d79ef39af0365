#include "routes.hpp"

#include <set>

#include <nlohmann/json.hpp>

namespace replylint::cli::serve {

void Routes::remember(const std::string& pattern, const char* method) { routes_.emplace_back(std::regex(pattern), method); }

void Routes::get(const std::string& pattern, httplib::Server::Handler handler) {
  remember(pattern, "GET");
  remember(pattern, "HEAD");  // httplib answers HEAD with the GET handler
  server_.Get(pattern, std::move(handler));
}

void Routes::post(const std::string& pattern, httplib::Server::Handler handler) {
  remember(pattern, "POST");
  server_.Post(pattern, std::move(handler));
}

void Routes::post_reader(const std::string& pattern, httplib::Server::HandlerWithContentReader handler) {
  remember(pattern, "POST");
  server_.Post(pattern, std::move(handler));
}

std::string Routes::allowed(const std::string& path) const {
  std::set<std::string> methods;  // sorted, so that the Allow header does not depend on registration order
  for (const auto& [re, method] : routes_)
    if (std::regex_match(path, re)) methods.insert(method);
  std::string list;
  for (const std::string& m : methods) list += (list.empty() ? "" : ", ") + m;
  return list;
}

std::string body_too_large(std::size_t max_body_bytes) {
  return "request body larger than " + std::to_string(max_body_bytes) + " bytes (--max-body)";
}

void send_error(const httplib::Request& req, httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  if (req.path.rfind("/v2/", 0) == 0) {
    res.set_content("Error: " + message, "text/plain; charset=utf-8");
  } else {
    send_json(res, nlohmann::json{{"error", message}});
  }
}

}  // namespace replylint::cli::serve

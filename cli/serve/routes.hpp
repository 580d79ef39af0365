// The server's routes, registered with cpp-httplib and remembered, so that a request for a
// known path with the wrong method is answered 405 with the methods it allows (httplib itself
// would say 404).
//
// Thread safety: register everything before listening; allowed() is then only read.
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <vector>

namespace replylint::cli::serve {

class Routes {
 public:
  explicit Routes(httplib::Server& server) : server_(server) {}
  void get(const std::string& pattern, httplib::Server::Handler handler);
  void post(const std::string& pattern, httplib::Server::Handler handler);
  // A POST whose handler reads the body itself (httplib then applies only the body size cap).
  void post_reader(const std::string& pattern, httplib::Server::HandlerWithContentReader handler);
  // "GET, HEAD", "POST", …; empty when no route has this path.
  std::string allowed(const std::string& path) const;

 private:
  void remember(const std::string& pattern, const char* method);
  httplib::Server& server_;
  std::vector<std::pair<std::regex, std::string>> routes_;  // path pattern, method
};

// Answers an error: LanguageTool's paths (/v2/…) in its style, "Error: MESSAGE" as plain text;
// every other path as JSON {"error": MESSAGE}.
void send_error(const httplib::Request& req, httplib::Response& res, int status, const std::string& message);

// What a 413 for a body above --max-body says, wherever httplib stopped reading it.
std::string body_too_large(std::size_t max_body_bytes);

// A JSON body, or ASCII-safe JSON when the text cannot be dumped as is (invalid UTF-8 replaced).
template <typename Json>
void send_json(httplib::Response& res, const Json& body) {
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json; charset=utf-8");
}

}  // namespace replylint::cli::serve

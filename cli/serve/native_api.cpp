#include "native_api.hpp"

#include <nlohmann/json.hpp>

#include "../printers/json_record.hpp"
#include "../printers/printer.hpp"
#include "check_one.hpp"
#include "rule_json.hpp"

namespace replylint::cli::serve {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

struct BadRequest {
  std::string message;
  int status = 400;
};

struct CheckRequest {
  std::vector<std::pair<std::string, std::string>> replies;  // buyer, reply
  CheckOptions options;
  bool show_matches = false;
};

std::vector<std::string> string_list(const json& v, const char* key) {
  if (!v.is_array()) throw BadRequest{std::string("'") + key + "' must be an array of rule or pack ids"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) throw BadRequest{std::string(key) + "[" + std::to_string(i) + "] must be a string"};
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

CheckRequest parse_check(const std::string& body, const Settings& s) {
  json doc;
  try {
    doc = json::parse(body);
  } catch (const json::parse_error& e) {
    throw BadRequest{std::string("malformed JSON: ") + e.what()};
  }
  if (!doc.is_object()) throw BadRequest{"the body must be a JSON object {\"replies\": [...]}"};
  CheckRequest r;
  for (const auto& [key, v] : doc.items()) {
    if (key == "replies") {
      if (!v.is_array()) throw BadRequest{"'replies' must be an array of {\"reply\": ..., \"buyer\": ...}"};
      if (v.size() > s.max_replies)
        throw BadRequest{std::to_string(v.size()) + " replies in one request; at most " + std::to_string(s.max_replies) +
                         " (--max-replies)", 413};
      for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = "replies[" + std::to_string(i) + "]";
        if (!v[i].is_object()) throw BadRequest{at + " must be an object {\"reply\": ..., \"buyer\": ...}"};
        std::string buyer, reply;
        bool has_reply = false;
        for (const auto& [field, f] : v[i].items()) {
          if (field != "reply" && field != "buyer") throw BadRequest{at + ": unknown key '" + field + "'"};
          if (!f.is_string()) throw BadRequest{at + "." + field + " must be a string"};
          (field == "reply" ? reply : buyer) = f.get<std::string>();
          has_reply |= field == "reply";
        }
        if (!has_reply) throw BadRequest{at + " has no 'reply'"};
        r.replies.emplace_back(std::move(buyer), std::move(reply));
      }
    } else if (key == "only") {
      r.options.only = string_list(v, "only");
    } else if (key == "skip") {
      r.options.skip = string_list(v, "skip");
    } else if (key == "points") {
      if (!v.is_object()) throw BadRequest{"'points' must be an object {\"RULE\": POINTS}"};
      for (const auto& [rule, p] : v.items()) {
        if (!p.is_number_integer()) throw BadRequest{"points." + rule + " must be an integer 0..48"};
        r.options.points.push_back({rule, p.get<int>()});
      }
    } else if (key == "show_matches") {
      if (!v.is_boolean()) throw BadRequest{"'show_matches' must be true or false"};
      r.show_matches = v.get<bool>();
    } else {
      throw BadRequest{"unknown key '" + key + "' (expected replies, only, skip, points, show_matches)"};
    }
  }
  if (!doc.contains("replies")) throw BadRequest{"no 'replies'"};
  r.options.max_reply_bytes = s.max_reply_bytes;
  return r;
}

void check(State& state, const httplib::Request& req, httplib::Response& res) {
  const Settings& s = state.settings;
  CheckRequest r;
  try {
    r = parse_check(req.body, s);
  } catch (const BadRequest& e) {
    send_error(req, res, e.status, e.message);
    return;
  }
  const Engine engine = state.slot.get();
  // An unknown id or a bad override is the request's fault, not one reply's: refuse it whole.
  if (const std::string why = options_error(engine, r.options); !why.empty()) {
    send_error(req, res, 400, why);
    return;
  }
  // The records are those of `check --format jsonl`, by the same writer (json_record.hpp).
  std::string body;
  JsonWriter w(body, -1);
  w.begin_object();
  w.key("replies");
  w.begin_array();
  long long points = 0;
  std::size_t flagged = 0, errors = 0;
  for (std::size_t i = 0; i < r.replies.size(); ++i) {
    const auto& [buyer, reply] = r.replies[i];
    const Result<Report> result = check_one(engine, buyer, reply, r.options);
    if (!result) ++errors;
    const bool hit = result && !result->clean();
    if (hit) {
      ++flagged;
      points += result->points;
      for (const Violation& v : result->violations) state.metrics.violation(v.rule);
    }
    record(w, i + 1, hit ? shown_text(reply, r.show_matches) : std::string(), result);
  }
  w.end_array();
  state.metrics.replies_checked(r.replies.size());
  w.field("checked", r.replies.size());
  w.field("flagged", flagged);
  w.field("errors", errors);
  w.field("points", points);
  w.end_object();
  res.set_content(body, "application/json; charset=utf-8");
}

}  // namespace

void add_native_api(Routes& routes, State& state) {
  routes.post("/v1/check", [&state](const httplib::Request& req, httplib::Response& res) { check(state, req, res); });

  routes.get("/v1/rules", [&state](const httplib::Request&, httplib::Response& res) {
    send_json(res, packs_json(state.slot.get()));
  });

  routes.get(R"(/v1/rules/([^/]+))", [&state](const httplib::Request& req, httplib::Response& res) {
    const Engine engine = state.slot.get();
    const std::string id = req.matches[1];
    const RuleInfo* rule = engine.find_rule(id);
    if (!rule) {
      send_error(req, res, 404, "unknown rule '" + id + "' (GET /v1/rules lists them)");
      return;
    }
    send_json(res, rule_json(engine, *rule));
  });

  routes.post("/v1/reload", [&state](const httplib::Request& req, httplib::Response& res) {
    // Anyone who can reach the port could otherwise make the server recompile at will.
    if (state.token.empty()) {
      send_error(req, res, 403, "reload over HTTP needs --token-file; send SIGHUP instead");
      return;
    }
    const auto [ok, what] = state.reload();
    if (!ok) {
      send_error(req, res, 422, "reload refused, the rules in force stay: " + what);
      return;
    }
    send_json(res, json{{"reloaded", what}});
  });

  routes.get("/healthz", [&state](const httplib::Request&, httplib::Response& res) {
    const Engine engine = state.slot.get();
    send_json(res, ordered_json{{"status", "ok"}, {"rules", engine.rules().size()}, {"packs", engine.packs().size()}});
  });

  routes.get("/metrics", [&state](const httplib::Request&, httplib::Response& res) {
    res.set_content(state.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace replylint::cli::serve

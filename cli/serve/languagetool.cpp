#include "languagetool.hpp"

#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

#include "../printers/printer.hpp"
#include "annotation.hpp"
#include "check_one.hpp"
#include "replylint/tools/utf8.hpp"

namespace replylint::cli::serve {
namespace {

using nlohmann::ordered_json;

constexpr std::size_t kContextChars = 40;  // characters of context on each side, as LanguageTool

// Where a percent sign is not followed by two hex digits, or npos. httplib's decoder would
// pass such a sequence through silently; a client sending it has a bug worth hearing about.
std::size_t bad_percent_escape(const std::string& body) {
  for (std::size_t i = 0; i < body.size(); ++i)
    if (body[i] == '%' && (i + 2 >= body.size() || !std::isxdigit(static_cast<unsigned char>(body[i + 1])) ||
                           !std::isxdigit(static_cast<unsigned char>(body[i + 2]))))
      return i;
  return std::string::npos;
}

std::vector<std::string> id_list(const httplib::Params& params, const char* key) {
  std::vector<std::string> out;
  for (auto [it, end] = params.equal_range(key); it != end; ++it)
    httplib::detail::split(it->second.data(), it->second.data() + it->second.size(), ',',
                           [&](const char* b, const char* e) {
                             std::string id = httplib::detail::trim_copy(std::string(b, e));
                             if (!id.empty()) out.push_back(std::move(id));
                           });
  return out;
}

bool is_terminator(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'\n' || c == U'；' || c == U';';
}

// The byte offset of every character of `s`, and s.size() at the end.
std::vector<std::size_t> char_offsets(std::string_view s, std::vector<char32_t>& chars) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < s.size();) {
    at.push_back(i);
    chars.push_back(detail::next_char(s, i));
  }
  at.push_back(s.size());
  return at;
}

// LanguageTool names a category; a pack's title is the closest thing.
std::string pack_title(const Engine& engine, const std::string& pack) {
  for (const PackSpec& p : engine.packs())
    if (p.id == pack) return p.title;
  return pack;
}

ordered_json match(const Engine& engine, const Violation& v, std::string_view shown, const std::vector<std::size_t>& at,
                   const std::vector<char32_t>& chars, std::uint32_t offset, std::uint32_t length) {
  const std::size_t n = chars.size(), cs = std::min<std::size_t>(v.char_start, n), ce = std::min<std::size_t>(v.char_end, n);
  auto slice = [&](std::size_t from, std::size_t to) { return std::string(shown.substr(at[from], at[to] - at[from])); };
  const std::size_t before = cs > kContextChars ? cs - kContextChars : 0, after = std::min(n, ce + kContextChars);
  const std::string prefix = (before > 0 ? "..." : "") + slice(before, cs);
  const std::string context = prefix + slice(cs, after) + (after < n ? "..." : "");
  std::size_t s0 = cs, s1 = ce;
  while (s0 > 0 && !is_terminator(chars[s0 - 1])) --s0;
  while (s1 < n && !is_terminator(chars[s1])) ++s1;
  if (s1 < n) ++s1;  // the sentence keeps its end mark
  ordered_json m;
  m["message"] = v.message;
  m["shortMessage"] = v.title + " (-" + std::to_string(v.points) + "分)";
  m["replacements"] = ordered_json::array({{{"value", v.suggestion}}});
  m["offset"] = offset;
  m["length"] = length;
  m["context"] = {{"text", context}, {"offset", detail::utf16_units(prefix)}, {"length", detail::utf16_units(slice(cs, ce))}};
  m["sentence"] = slice(s0, s1);
  m["type"] = {{"typeName", "Other"}};
  m["rule"] = {{"id", v.rule},
               {"description", v.title},
               {"issueType", "non-conformance"},
               {"category", {{"id", v.pack}, {"name", pack_title(engine, v.pack)}}}};
  m["ignoreForIncompleteSentence"] = false;
  m["contextForSureMatch"] = 0;
  m["points"] = v.points;  // replylint's own: what the violation costs the shop
  return m;
}

std::string param(const httplib::Params& params, const char* key, std::string fallback = {}) {
  const auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

ordered_json language() { return {{"name", "Chinese"}, {"code", "zh-CN"}}; }

// `body` is the form (POST) or empty (GET: LanguageTool also takes the parameters in the URL).
void check(State& state, const httplib::Request& req, httplib::Response& res, const std::string& body) {
  const Settings& s = state.settings;
  if (const std::size_t bad = bad_percent_escape(body.empty() ? req.target : body); bad != std::string::npos) {
    send_error(req, res, 400, "malformed form data: '%' at byte " + std::to_string(bad) + " is not followed by two hex digits");
    return;
  }
  httplib::Params params = req.params;  // the query string's, if any; the body's come after
  httplib::detail::parse_query_text(body, params);

  const bool has_text = params.count("text") > 0, has_data = params.count("data") > 0;
  if (has_text == has_data) {
    send_error(req, res, 400, has_text ? "give 'text' or 'data', not both" : "missing parameter 'text' or 'data'");
    return;
  }
  if (params.count("language") == 0) {
    send_error(req, res, 400, "missing parameter 'language' (zh-CN or auto)");
    return;
  }
  const std::string lang = param(params, "language");
  if (lang != "auto" && lang != "zh" && lang.rfind("zh-", 0) != 0) {
    send_error(req, res, 400, "language '" + lang + "' is not supported: replylint checks Chinese (zh-CN, or auto)");
    return;
  }
  std::optional<Annotated> annotated;
  std::string text;
  if (has_data) {
    std::string why;
    annotated = Annotated::parse(param(params, "data"), why);
    if (!annotated) {
      send_error(req, res, 400, why);
      return;
    }
    text = annotated->plain();
  } else {
    text = param(params, "text");
  }
  const std::string enabled_only = param(params, "enabledOnly", "false");
  if (enabled_only != "true" && enabled_only != "false") {
    send_error(req, res, 400, "enabledOnly must be true or false, not '" + enabled_only + "'");
    return;
  }
  CheckOptions options;
  options.max_reply_bytes = s.max_reply_bytes;
  std::vector<std::string> enabled = id_list(params, "enabledRules");
  for (std::string& c : id_list(params, "enabledCategories")) enabled.push_back(std::move(c));
  options.skip = id_list(params, "disabledRules");
  for (std::string& c : id_list(params, "disabledCategories")) options.skip.push_back(std::move(c));
  if (enabled_only == "true") {
    if (enabled.empty()) {
      send_error(req, res, 400, "enabledOnly=true needs enabledRules or enabledCategories");
      return;
    }
    options.only = enabled;
  }
  const Engine engine = state.slot.get();
  // Every rule is on by default, so enabledRules without enabledOnly changes nothing; its ids
  // are still checked, so that a typo is heard about.
  CheckOptions probe = options;
  probe.only = enabled;
  if (const std::string why = options_error(engine, probe); !why.empty()) {
    send_error(req, res, 400, why);
    return;
  }
  const std::string buyer = param(params, "buyer");
  const Result<Report> result = check_one(engine, buyer, text, options);
  if (!result) {
    send_error(req, res, result.error().code == ErrorCode::kTooLong ? 413 : 400, result.error().message);
    return;
  }
  state.metrics.replies_checked(1);
  ordered_json matches = ordered_json::array();
  if (!result->clean()) {
    const std::string shown = shown_text(text, false);
    std::vector<char32_t> chars;
    const std::vector<std::size_t> at = char_offsets(shown, chars);
    for (const Violation& v : result->violations) {
      state.metrics.violation(v.rule);
      std::uint32_t offset = v.utf16_start, end = v.utf16_end;
      if (annotated) offset = annotated->start_in_document(v.utf16_start), end = annotated->end_in_document(v.utf16_end);
      matches.push_back(match(engine, v, shown, at, chars, offset, end - offset));
    }
  }
  ordered_json doc;
  doc["software"] = {{"name", "replylint"}, {"version", REPLYLINT_VERSION}, {"buildDate", ""}, {"apiVersion", 1},
                     {"premium", false}, {"status", ""}};
  doc["warnings"] = {{"incompleteResults", false}};
  ordered_json lang_doc = language();
  lang_doc["detectedLanguage"] = {{"name", "Chinese"}, {"code", "zh-CN"}, {"confidence", 1.0}};
  doc["language"] = std::move(lang_doc);
  doc["matches"] = std::move(matches);
  send_json(res, doc);
}

}  // namespace

void add_languagetool_api(Routes& routes, State& state) {
  routes.post_reader("/v2/check", [&state](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& reader) {
    const std::string type = req.get_header_value("Content-Type");
    if (!type.empty() && type.rfind("application/x-www-form-urlencoded", 0) != 0) {
      send_error(req, res, 415, "send the form as application/x-www-form-urlencoded, not " + type);
      return;
    }
    std::string body;
    const bool read = reader([&](const char* data, std::size_t n) {
      body.append(data, n);
      return true;
    });
    if (!read) {  // httplib stops at --max-body (and says 413), or the client went away
      const bool too_large = res.status == 413;
      send_error(req, res, too_large ? 413 : 400,
                 too_large ? body_too_large(state.settings.max_body_bytes)
                           : "could not read the request body");
      return;
    }
    check(state, req, res, body);
  });
  routes.get("/v2/check", [&state](const httplib::Request& req, httplib::Response& res) { check(state, req, res, {}); });
  routes.get("/v2/languages", [](const httplib::Request&, httplib::Response& res) {
    ordered_json langs = ordered_json::array();
    langs.push_back({{"name", "Chinese"}, {"code", "zh"}, {"longCode", "zh-CN"}});
    send_json(res, langs);
  });
}

}  // namespace replylint::cli::serve

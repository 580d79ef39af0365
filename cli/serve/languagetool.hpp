// LanguageTool's HTTP API, so that its clients (the browser add-on with a custom server, LTeX,
// language_tool_python's remote_server, editor plugins) check replies with no code of their own:
//   POST /v2/check      form: text | data, language (zh-CN, zh, auto), enabledRules,
//                       disabledRules, enabledCategories, disabledCategories, enabledOnly;
//                       and, replylint's own, buyer (the buyer's message being answered)
//   GET  /v2/languages
// Rule categories are packs. Other LanguageTool parameters (motherTongue, level, …) are
// accepted and ignored. Offsets are UTF-16 code units, as LanguageTool's Java clients expect.
#pragma once

#include "routes.hpp"
#include "state.hpp"

namespace replylint::cli::serve {

void add_languagetool_api(Routes& routes, State& state);

}  // namespace replylint::cli::serve

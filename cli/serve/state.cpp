#include "state.hpp"

#include <cstdio>

namespace replylint::cli::serve {

EngineOptions engine_options(const Settings& s) {
  EngineOptions o;
  o.max_reply_bytes = s.max_reply_bytes;
  return o;
}

std::pair<bool, std::string> State::reload() {
  std::lock_guard<std::mutex> lock(reload_mutex_);
  auto next = settings.rules_dir.empty() ? Engine::from_embedded(engine_options(settings))
                                         : Engine::from_directory(settings.rules_dir, engine_options(settings));
  metrics.reload(static_cast<bool>(next));
  if (!next) {
    const std::string why = next.error().to_string();
    std::fprintf(stderr, "replylint serve: reload refused, the rules in force stay: %s\n", why.c_str());
    return {false, why};
  }
  const std::string what = std::to_string(next->rules().size()) + " rules in " + std::to_string(next->packs().size()) + " packs";
  slot.set(std::move(next).value());
  std::fprintf(stderr, "replylint serve: rules reloaded: %s\n", what.c_str());
  return {true, what};
}

}  // namespace replylint::cli::serve

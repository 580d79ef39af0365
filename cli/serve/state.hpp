// What every handler of `replylint serve` shares: the settings, the rules in force, the
// counters. Built once in run_serve() before the first connection, then only read, except the
// EngineSlot (swapped by reload, thread-safe) and the Metrics (atomics).
#pragma once

#include <mutex>
#include <string>

#include "metrics.hpp"
#include "replylint/engine_slot.hpp"
#include "settings.hpp"

namespace replylint::cli::serve {

struct State {
  State(Settings s, Engine engine) : settings(std::move(s)), slot(std::move(engine)) {}

  const Settings settings;
  std::string token;  // from --token-file; empty: no authentication
  EngineSlot slot;
  Metrics metrics;

  // Builds the rules again (--rules DIR, or the built-in packs) and swaps them in. A broken
  // pack is refused and the rules in force stay. Logs the outcome on stderr and returns it:
  // true and "N rules in M packs", or false and the loader's error. Serialized: one at a time.
  std::pair<bool, std::string> reload();

 private:
  std::mutex reload_mutex_;
};

// The engine options the server builds every engine with.
EngineOptions engine_options(const Settings& s);

}  // namespace replylint::cli::serve

// replylint/engine_slot.hpp: swap rules while the client runs, without stopping a check.
//
//   replylint::EngineSlot slot(*replylint::Engine::from_directory("rules"));
//
//   // any number of threads, for each draft:
//   replylint::Engine engine = slot.get();          // a snapshot: one atomic increment
//   auto report = engine.check(draft);               // finishes on this engine whatever happens
//
//   // one thread, when the rules change (a file watcher, a push from the server, SIGHUP...):
//   auto next = replylint::Engine::from_directory("rules");  // built beside the old one
//   if (next) slot.set(*next);                     // new checks use it from now on
//   else show(next.error().to_string());            // a broken pack: keep serving the old rules
//
// The old engine's memory is released when the last check using it returns. A full example:
// examples/reload_rules.cpp.
//
// Ownership: the slot holds one reference to its engine; get() hands out another.
// Thread safety: get(), set() and exchange() may be called concurrently from any threads;
// the lock they take is held only to copy a pointer, never during compile or check.
// Errors: none; nothing throws (copying an Engine cannot fail).
#pragma once

#include <mutex>

#include "replylint/engine.hpp"
#include "replylint/export.h"

namespace replylint {

class REPLYLINT_API EngineSlot {
 public:
  explicit EngineSlot(Engine engine);
  EngineSlot(const EngineSlot&) = delete;
  EngineSlot& operator=(const EngineSlot&) = delete;

  Engine get() const;               // the current engine
  void set(Engine next);            // replaces it; checks in flight keep the old one
  Engine exchange(Engine next);     // replaces it and returns the one it replaced

 private:
  mutable std::mutex mutex_;
  Engine engine_;
};

}  // namespace replylint

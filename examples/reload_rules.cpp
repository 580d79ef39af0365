// Reloading rules while a chat client runs: conversations keep checking drafts on their own
// threads while the rules are rebuilt and swapped in. Nobody waits; a check in flight finishes
// on the engine it started with; a broken update is refused and the old rules stay in force.
//
//   example_reload_rules RULES_DIR NEXT_DIR...
//
// Serves RULES_DIR, then reloads from each NEXT_DIR in turn, 100 ms apart. In a real client the
// trigger is a file watcher, a push from the rules server or SIGHUP; the swap is the same.
#include <replylint/engine.hpp>
#include <replylint/engine_slot.hpp>

#include <atomic>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: example_reload_rules RULES_DIR NEXT_DIR...\n";
    return 2;
  }
  auto first = replylint::Engine::from_directory(argv[1]);
  if (!first) {
    std::cerr << first.error().to_string() << '\n';
    return 2;
  }
  replylint::EngineSlot slot(*first);  // holds the engine in force
  std::cout << "serving " << first->rules().size() << " rules from " << argv[1] << '\n';

  // Four conversations, each checking drafts as fast as agents could never type them.
  const std::vector<std::string> drafts = {"亲，加我微信吧", "您好，请问有什么可以帮您？", "电话 138 1234 5678",
                                           "保证今天发货", "QQ 12345678 联系我"};
  std::atomic<bool> stop{false};
  std::atomic<long> checked{0}, failed{0};
  std::vector<std::thread> conversations;
  for (int c = 0; c < 4; ++c)
    conversations.emplace_back([&, c] {
      for (std::size_t i = c; !stop.load(std::memory_order_relaxed); ++i) {
        const replylint::Engine engine = slot.get();  // this draft is checked on this engine, start to end
        auto report = engine.check(drafts[i % drafts.size()]);
        (report ? checked : failed).fetch_add(1, std::memory_order_relaxed);
      }
    });

  for (int i = 2; i < argc; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // Build the new engine beside the old one: the conversations go on meanwhile.
    auto next = replylint::Engine::from_directory(argv[i]);
    if (!next) {
      std::cout << "reload refused, the rules in force stay: " << next.error().to_string() << '\n';
      continue;
    }
    const std::size_t rules = next->rules().size();
    slot.set(std::move(*next));  // atomic: the next draft uses it; the old engine goes when unused
    std::cout << "reloaded: serving " << rules << " rules from " << argv[i] << '\n';
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop = true;
  for (std::thread& t : conversations) t.join();
  std::cout << "4 conversations checked drafts throughout: " << (checked > 0 ? "yes" : "no") << ", failed checks: "
            << failed << '\n';
  return failed == 0 && checked > 0 ? 0 : 1;
}

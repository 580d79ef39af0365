// A chat client's send path, reduced to a loop: every draft the agent types (one per line of
// standard input) is checked before it is "sent". A draft that breaks a rule is held back, and
// the agent sees where, what it would cost the shop, and a compliant way to say it. A line
// "> TEXT" is a message from the buyer: the drafts after it answer it, and are checked with it
// as their context (some rules judge an answer to a question: 有QQ吗？ 有的).
//
//   example_chat_client [RULES_DIR] < drafts.txt
//
// RULES_DIR is a folder of rule packs; without it, the packs built into the library are used.
// examples/chat_client.c, .py and .js do the same and print the same; the test suite checks it.
#include <replylint/engine.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  // Once, at start-up: compile the rules into an engine that every conversation shares.
  auto engine = argc > 1 ? replylint::Engine::from_directory(argv[1]) : replylint::Engine::from_embedded();
  if (!engine) {
    std::cerr << engine.error().to_string() << '\n';  // "shop.yaml:12:7: error: … [shop.x]"
    return 2;
  }
  replylint::CheckOptions shop;  // this shop's choices: every rule applies, drafts up to 2000 bytes
  shop.max_reply_bytes = 2000;

  std::string draft, buyer;  // buyer: the buyer's last message
  for (int n = 0; std::getline(std::cin, draft);) {
    if (draft.rfind("> ", 0) == 0) {  // the buyer wrote
      buyer = draft.substr(2);
      continue;
    }
    ++n;
    // Before each send: check the draft as the answer to the buyer's last message (microseconds;
    // safe from any thread).
    auto report = engine->check_with_buyer(buyer, draft, shop);
    if (!report) {
      std::cout << "draft " << n << ": held back, not checked: " << report.error().to_string() << '\n';
      continue;
    }
    if (report->clean()) {
      std::cout << "draft " << n << ": sent\n";
      continue;
    }
    std::cout << "draft " << n << ": held back, " << report->points << " points at risk\n";
    for (const replylint::Violation& v : report->violations) {
      // start/end are byte offsets into the draft, so the span can be marked in place.
      std::cout << "  " << draft.substr(0, v.start) << "[[" << v.text << "]]" << draft.substr(v.end) << '\n'
                << "  " << v.rule << " (" << v.points << " points"
                << (v.counted ? "" : ", not counted: " + v.platform_rule + " counts once") << "): " << v.message << '\n'
                << "  try instead: " << v.suggestion << '\n';
    }
  }
  return 0;
}

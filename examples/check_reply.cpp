// The smallest useful program on the library: check the replies given as arguments with the
// built-in rule packs and say what an agent should change. Built and run by the test suite.
#include <replylint/engine.hpp>

#include <iostream>

int main(int argc, char** argv) {
  auto engine = replylint::Engine::from_embedded();
  if (!engine) {
    std::cerr << engine.error().to_string() << '\n';
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    auto report = engine->check(argv[i]);
    if (!report) {
      std::cerr << "reply " << i << ": " << report.error().to_string() << '\n';
      return 2;
    }
    if (report->clean()) {
      std::cout << "reply " << i << ": ok\n";
      continue;
    }
    status = 1;
    for (const replylint::Violation& v : report->violations)
      std::cout << "reply " << i << ": " << v.rule << " (" << v.points << " points) at \"" << v.text
                << "\"\n  " << v.message << "\n  建议: " << v.suggestion << '\n';
  }
  return status;
}

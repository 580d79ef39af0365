// libFuzzer target: YAML text -> pack -> engine. Any input gives a pack or an Error with a
// message, never a crash, a hang or an exception escaping the library.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "replylint/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto pack = replylint::load_pack(text, "fuzz.yaml");
  if (!pack) {
    if (pack.error().message.empty()) std::abort();
    return 0;
  }
  auto engine = replylint::Engine::compile({*pack});
  if (!engine) {
    if (engine.error().message.empty()) std::abort();
    return 0;
  }
  for (const auto& rule : pack->rules)
    for (const auto& e : rule.good_examples) (void)engine->check_with_buyer(e.buyer, e.text);
  return 0;
}

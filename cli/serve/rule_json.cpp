#include "rule_json.hpp"

namespace replylint::cli::serve {

using nlohmann::ordered_json;

nlohmann::ordered_json rule_json(const Engine& engine, const RuleInfo& rule) {
  ordered_json j{{"id", rule.id},         {"pack", rule.pack},           {"title", rule.title},
                 {"points", rule.points}, {"message", rule.message},     {"suggestion", rule.suggestion},
                 {"source", rule.source}, {"patterns", rule.patterns}};
  ordered_json unless = ordered_json::array(), bad = ordered_json::array(), good = ordered_json::array();
  static const char* kWhere[] = {"before", "after", "inside", "reply"};
  for (const PackSpec& p : engine.packs())
    for (const RuleSpec& r : p.rules) {
      if (r.id != rule.id) continue;
      for (const ExceptionSpec& e : r.unless)
        unless.push_back({{"where", kWhere[static_cast<int>(e.where)]}, {"pattern", e.pattern}});
      for (const ExampleSpec& e : r.bad_examples) bad.push_back(e.text);
      for (const ExampleSpec& e : r.good_examples) good.push_back(e.text);
    }
  j["unless"] = std::move(unless);
  j["violating"] = std::move(bad);
  j["compliant"] = std::move(good);
  return j;
}

nlohmann::ordered_json packs_json(const Engine& engine) {
  ordered_json packs = ordered_json::array();
  for (const PackSpec& p : engine.packs()) {
    ordered_json rules = ordered_json::array();
    for (const RuleSpec& r : p.rules)
      if (const RuleInfo* info = engine.find_rule(r.id)) rules.push_back(rule_json(engine, *info));
    packs.push_back({{"id", p.id}, {"title", p.title}, {"version", p.version}, {"file", p.file}, {"rules", std::move(rules)}});
  }
  return {{"packs", std::move(packs)}, {"rules", engine.rules().size()}};
}

}  // namespace replylint::cli::serve

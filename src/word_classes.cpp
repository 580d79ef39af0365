#include "word_classes.hpp"

#include <functional>
#include <optional>
#include <set>

namespace replylint::detail {
namespace {

// Calls on_ref(begin, end, name) for every {name} in `p` (a name starts with a lowercase
// letter, so RE2's counted repetition {2,5} is never one), and on_text(begin, end) for the
// text between. Escaped braces (\{) are text.
void scan(std::string_view p, const std::function<void(std::size_t, std::size_t)>& on_text,
          const std::function<void(std::string_view)>& on_ref) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] != '{' || i + 1 >= p.size() || p[i + 1] < 'a' || p[i + 1] > 'z') continue;
    std::size_t j = i + 1;
    while (j < p.size() && ((p[j] >= 'a' && p[j] <= 'z') || (p[j] >= '0' && p[j] <= '9') || p[j] == '-')) ++j;
    if (j >= p.size() || p[j] != '}') continue;
    on_text(from, i);
    on_ref(p.substr(i + 1, j - i - 1));
    from = j + 1;
    i = j;
  }
  on_text(from, p.size());
}

}  // namespace

std::vector<std::string> WordClasses::used(std::string_view pattern) {
  std::vector<std::string> names;
  scan(pattern, [](std::size_t, std::size_t) {}, [&](std::string_view name) {
    for (const std::string& n : names)
      if (n == name) return;
    names.emplace_back(name);
  });
  return names;
}

Result<WordClasses> WordClasses::build(const PackSpec* lexicon, const PackSpec* pack) {
  struct Def {
    const WordClass* cls;
    const PackSpec* owner;
  };
  std::map<std::string, Def> defs;
  if (lexicon)
    for (const WordClass& c : lexicon->classes) defs[c.name] = {&c, lexicon};
  if (pack)
    for (const WordClass& c : pack->classes) {
      if (defs.count(c.name))
        return Error{ErrorCode::kSchema,
                     "word class '" + c.name + "' is already defined by the lexicon (" + defs[c.name].owner->file +
                         "); use it, or give this list another name",
                     pack->file, c.pos.line, c.pos.column, ""};
      defs[c.name] = {&c, pack};
    }

  WordClasses out;
  std::set<std::string> in_progress;
  std::optional<Error> error;
  // Depth-first, so a class is expanded once however often it is used; a class met again while
  // it is being expanded closes a cycle.
  std::function<bool(const std::string&)> expand_class = [&](const std::string& name) -> bool {
    if (out.expanded_.count(name)) return true;
    const Def& d = defs.at(name);
    if (!in_progress.insert(name).second) {
      error = Error{ErrorCode::kSchema, "word class '" + name + "' uses itself (through the classes it uses)",
                    d.owner->file, d.cls->pos.line, d.cls->pos.column, ""};
      return false;
    }
    std::string alternation = "(?:";
    for (std::size_t k = 0; k < d.cls->entries.size(); ++k) {
      if (k) alternation += '|';
      const std::string& entry = d.cls->entries[k];
      bool ok = true;
      scan(entry, [&](std::size_t b, std::size_t e) { alternation.append(entry, b, e - b); },
           [&](std::string_view ref) {
             if (!ok) return;
             const std::string r(ref);
             if (!defs.count(r)) {
               error = Error{ErrorCode::kSchema, "word class '" + name + "' uses '{" + r + "}', which no lexicon or pack defines",
                             d.owner->file, d.cls->pos.line, d.cls->pos.column, ""};
               ok = false;
               return;
             }
             ok = expand_class(r);
             if (ok) alternation += out.expanded_.at(r);
           });
      if (!ok) return false;
    }
    alternation += ')';
    in_progress.erase(name);
    out.expanded_[name] = std::move(alternation);
    return true;
  };
  for (const auto& [name, def] : defs)
    if (!expand_class(name)) return *error;
  return out;
}

Result<std::string> WordClasses::expand(std::string_view pattern) const {
  std::string out;
  std::string unknown;
  scan(pattern, [&](std::size_t b, std::size_t e) { out.append(pattern.substr(b, e - b)); },
       [&](std::string_view name) {
         const auto found = expanded_.find(std::string(name));
         if (found == expanded_.end()) {
           if (unknown.empty()) unknown = std::string(name);
           return;
         }
         out += found->second;
       });
  if (!unknown.empty())
    return Error{ErrorCode::kBadPattern, "pattern uses word class '{" + unknown + "}', which no lexicon or pack defines"};
  return out;
}

}  // namespace replylint::detail

// `exclude:` patterns of .replylint.yaml, with .gitignore's meaning: relative to the config's
// folder; `*` and `?` stay within a path component, `**` crosses them; a pattern without a
// slash matches a file or folder name at any depth, one with a slash matches from the config's
// folder (a leading `/` anchors too); a trailing `/` matches folders only; `!` re-includes; the
// last matching pattern wins, and nothing under an excluded folder comes back.
// `?` and `[...]` (ranges, `!` or `^` to negate) take one code point; a byte that is not UTF-8
// is one character equal only to itself. Matching takes O(pattern x name), whatever the stars.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace replylint::lint {

bool glob_match(std::string_view pattern, std::string_view text);

class ExcludeList {
 public:
  void add(std::string_view pattern);
  bool empty() const { return patterns_.empty(); }
  // `rel`: '/'-separated, relative to the config's folder.
  bool excluded(std::string_view rel, bool is_dir) const;

 private:
  struct Pattern {
    std::string glob;
    bool negate = false, dir_only = false, anchored = false;
  };
  int verdict(std::string_view path, bool is_dir) const;  // 1 excluded, -1 included, 0 no match
  std::vector<Pattern> patterns_;
};

}  // namespace replylint::lint

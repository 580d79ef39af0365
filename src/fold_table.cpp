// Runtime side of the generated fold table (fold_table.hpp); no ICU here.
#include "fold_table.hpp"

namespace replylint::detail {

char32_t fold_code_point(char32_t cp, std::u32string& out) {
  const std::uint32_t e = fold_entry(cp);
  switch (fold::kind(e)) {
    case fold::kKeep: {
      const char32_t f = fold::folded(cp, e);
      out.push_back(f);
      return f;
    }
    case fold::kSeparator:
      switch (e & 3) {
        case fold::kSepDot: return U'.';
        case fold::kSepStar: return U'*';
        default: return U' ';
      }
    default: {
      const char32_t* m = kFoldMulti + (e & ((1u << fold::kKindShift) - 1));
      out.append(m + 1, m[0]);
      return m[1];
    }
  }
}

}  // namespace replylint::detail

// How one code point folds, asked of ICU: the definition the fold table is generated from.
//
// Used only at build time (fold_table_gen writes the table the library ships) and by the test
// that checks the generated table against ICU for every code point. The library itself never
// calls ICU per reply, nor at start-up (measured for the design: ICU per message costs ~100x a
// table lookup, and building the table at start-up cost ~17 ms of a `replylint check`).
#pragma once

#include <string>

namespace replylint::detail {

class IcuFold {
 public:
  IcuFold();  // builds the Traditional->Simplified map from ICU's transliterator (~10 ms)
  ~IcuFold();

  // The fold of `cp`: NFKC case folding (dingbat digits read as digits), then Traditional->
  // Simplified, then separators dropped. `raw_first` is the first code point before separators
  // were dropped (0 if none), so callers can tell which separator it was.
  std::u32string fold(char32_t cp, char32_t& raw_first) const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace replylint::detail

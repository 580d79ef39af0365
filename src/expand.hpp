// Word classes expanded: the packs as the matcher compiles them (in engine.cpp), shared by the
// engine and the build's pack generator (packs_gen.cpp), which compiles the result in.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "replylint/pack.hpp"
#include "replylint/status.hpp"

namespace replylint::detail {

class Negation;

struct Expanded {
  std::vector<PackSpec> packs;  // rule packs only, patterns expanded
  std::shared_ptr<const Negation> negation;
  const PackSpec* lexicon = nullptr;
  std::vector<PackSpec> owned_lexicon;  // the built-in one, when used
};

// The packs with every word class expanded and the shared negation mechanism built from the
// lexicon in force: the one among `packs`, else the built-in one. Errors name the pattern or
// class at fault.
Result<Expanded> expand(const std::vector<PackSpec>& packs);

// How many of the first packs of `packs` are the built-in packs exactly as embedded_packs()
// gives them, when packs of others follow them: all of the built-in ones (lexicon included)
// or 0. The engine then keeps what the build made of them (engine.cpp).
std::size_t builtin_prefix(const std::vector<PackSpec>& packs);

// The negation mechanism of a lexicon. Errors: kSchema (a class it needs is missing).
Result<std::shared_ptr<const Negation>> negation_of(const PackSpec& lexicon);

}  // namespace replylint::detail

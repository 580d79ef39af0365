// The rule packs built into the library: rules/*.yaml loaded, validated (every pattern parsed,
// every example run) and their word classes expanded by the build (src/packs_gen.cpp), then
// compiled in as bytes (pack_blob.hpp), so that an engine on them starts without YAML.
#pragma once

#include <string_view>
#include <vector>

#include "pack_blob.hpp"
#include "replylint/pack.hpp"

namespace replylint::detail {

// What the build wrote; in the generated embedded_packs_data.cpp. Empty views in a program
// that has no built-in packs (the generator itself).
struct EmbeddedBytes {
  std::string_view written;   // write_packs() of the packs as written, lexicon included
  std::string_view expanded;  // write_packs() of the rule packs, word classes expanded
  std::string_view candidates;  // write_candidates() of their matcher's candidate stage
};
EmbeddedBytes embedded_bytes();

struct EmbeddedPacks {
  std::vector<PackSpec> written;   // as written, examples included: Engine::packs(), explain
  std::vector<PackSpec> expanded;  // rule packs only, as the matcher compiles them
  CandidateSpec candidates;        // the matcher's candidate stage on them
};

// Decoded on first use, once per process; immutable after, so any thread may read it.
const EmbeddedPacks& embedded_pack_data();

// The built-in lexicon (rules/lexicon.yaml) alone: the shared word classes and negation words
// for packs compiled without a lexicon of their own.
Result<PackSpec> embedded_lexicon();

}  // namespace replylint::detail

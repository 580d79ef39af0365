#include "embedded_packs.hpp"

#include "pack_blob.hpp"

namespace replylint {
namespace detail {

const EmbeddedPacks& embedded_pack_data() {
  static const EmbeddedPacks packs = [] {
    const EmbeddedBytes bytes = embedded_bytes();
    if (bytes.written.empty()) return EmbeddedPacks{};
    return EmbeddedPacks{read_packs(bytes.written), read_packs(bytes.expanded), read_candidates(bytes.candidates)};
  }();
  return packs;
}

Result<PackSpec> embedded_lexicon() {
  for (const PackSpec& p : embedded_pack_data().written)
    if (p.lexicon) return p;
  return Error{ErrorCode::kInternal, "no lexicon was compiled in"};
}

}  // namespace detail

Result<std::vector<PackSpec>> embedded_packs() {
  try {
    const std::vector<PackSpec>& packs = detail::embedded_pack_data().written;
    if (packs.empty()) return Error{ErrorCode::kInternal, "no rule pack was compiled in"};
    return packs;
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "out of memory while loading the built-in packs"};
  }
}

}  // namespace replylint

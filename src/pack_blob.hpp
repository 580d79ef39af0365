// Rule packs as bytes: how the build hands packs it has already loaded and validated to the
// library (src/packs_gen.cpp writes them, embedded_data.cpp reads them), so that starting an
// engine on the built-in packs parses no YAML.
//
// The format is private to one build: the generator and the library are built from the same
// sources, so it carries no version and no compatibility promise. Errors: none at write;
// read_packs throws std::runtime_error on truncated or malformed bytes (only a build bug can
// cause that: the bytes are compiled in).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/pack.hpp"

namespace replylint::detail {

std::string write_packs(const std::vector<PackSpec>& packs);
std::vector<PackSpec> read_packs(std::string_view bytes);

// The candidate stage of the built-in packs, made by the build from the matcher it built on
// them (Matcher::candidate_spec), so that the library does not make it again.
struct CandidateSpec {
  std::vector<std::uint32_t> alphabet;      // CompressedAlphabet::codes()
  std::vector<int> coded_entries;           // the Set entries read in the compressed alphabet
  std::vector<std::string> coded_patterns;  // their patterns rewritten over it, in that order
  // HyperscanSet::images(HyperscanSet::compile(coded_patterns)), one database each as it lies in
  // memory; none in builds without it. Views, not copies: the databases are most of the blob
  // (50 MB for the shipped packs), and the library scans them where they lie. They view what
  // read_candidates() read, or what the writer's caller holds. In the bytes, each starts at a
  // multiple of HyperscanSet::kImageAlignment from their start: bytes that start so aligned
  // (the embedded blob, or an aligned copy) give views that HyperscanSet::load() takes in place.
  std::vector<std::string_view> hyperscan;
  // HyperscanSet::kRecipe when `hyperscan` was made: the build takes a database made before for
  // the same patterns only if it was made the same way.
  std::uint32_t hyperscan_recipe = 0;
  // HyperscanSet::features() where `hyperscan` was compiled: what a CPU needs to run them.
  std::uint32_t hyperscan_features = 0;
};

std::string write_candidates(const CandidateSpec& spec);
// The spec written in `bytes`; its `hyperscan` views into `bytes`, which must outlive it (the
// library reads the embedded bytes, which live as long as the process).
CandidateSpec read_candidates(std::string_view bytes);

}  // namespace replylint::detail

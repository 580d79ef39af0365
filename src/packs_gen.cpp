// packs_gen OUT.cpp PACK.yaml...: the build step that turns rules/*.yaml into the built-in
// packs (embedded_packs.hpp). It loads every pack with the full checks, compiles them into an
// engine exactly as `--rules DIR` would (every pattern parsed, every rule's compliant examples
// run) and writes the packs as written and with their word classes expanded, as bytes, so that
// the library starts on them without YAML and without checking them again. A broken pack
// fails the build with the loader's FILE:LINE:COLUMN message.
//
// OUT.cpp is rewritten only when its content changes, so that an unchanged pack set compiles
// nothing again.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "replylint/engine.hpp"

#include "embedded_packs.hpp"
#include "expand.hpp"
#ifdef REPLYLINT_HYPERSCAN
#include "hyperscan_set.hpp"
#endif
#include "matcher.hpp"
#include "pack_blob.hpp"

namespace replylint::detail {
// The generator is what makes the built-in packs, so it has none of its own.
EmbeddedBytes embedded_bytes() { return {}; }
}  // namespace replylint::detail

namespace {

// The whole of the file at `path`, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return std::nullopt;
  return bytes.str();
}

// Writes `bytes` to `path` unless it already holds them (so that its time stamp, and what
// depends on it, stay as they are). False when it cannot.
bool write_if_changed(const std::string& path, const std::string& bytes) {
  if (read_file(path) == bytes) return true;
  std::ofstream file(path + ".tmp", std::ios::binary);
  file << bytes;
  file.close();
  return file && std::rename((path + ".tmp").c_str(), path.c_str()) == 0;
}

// The C++ that makes `path`'s bytes the array `name`: the assembler includes the file
// (.incbin), which takes no time to compile however large it is (the Hyperscan database is
// megabytes). The bytes' hash is in the source, so that it changes, and is compiled again,
// exactly when they do. Aligned to HyperscanSet::kImageAlignment: the Hyperscan images in the
// candidate stage's bytes are scanned where they lie (pack_blob.hpp).
std::string incbin(const std::string& name, const std::string& path, const std::string& bytes) {
  const std::size_t hash = std::hash<std::string>()(bytes);
  return "// " + name + ": " + std::to_string(bytes.size()) + " bytes, hash " + std::to_string(hash) +
         "\nasm(\".pushsection .rodata\\n.balign " + std::to_string(replylint::detail::HyperscanSet::kImageAlignment) +
         "\\n.globl replylint_" + name + "\\n.hidden replylint_" + name +
         "\\nreplylint_" + name + ":\\n.incbin \\\"" + path + "\\\"\\n.popsection\");\nextern \"C\" const char replylint_" +
         name + "[];\n";
}

int fail(const std::string& message) {
  std::cerr << message << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace replylint;
  if (argc < 3) return fail("usage: packs_gen OUT.cpp PACK.yaml...");
  std::vector<PackSpec> packs;
  for (int i = 2; i < argc; ++i) {
    const std::optional<std::string> text = read_file(argv[i]);
    if (!text) return fail(std::string(argv[i]) + ": cannot read");
    std::string name = argv[i];
    name = "<embedded>/" + name.substr(name.find_last_of('/') + 1);
    auto pack = load_pack(*text, name);
    if (!pack) return fail(pack.error().to_string());
    packs.push_back(std::move(pack).value());
  }
  std::sort(packs.begin(), packs.end(), [](const PackSpec& a, const PackSpec& b) { return a.file < b.file; });
  auto engine = Engine::compile(packs);
  if (!engine) return fail(engine.error().to_string());
  auto expanded = detail::expand(packs);
  if (!expanded) return fail(expanded.error().to_string());

  // The candidate stage, made once here: the matcher the engine above built on these packs.
  auto matcher = detail::Matcher::build(expanded->packs, expanded->negation);
  if (!matcher) return fail(matcher.error().to_string());
  detail::CandidateSpec candidates = (*matcher)->candidate_spec();
#ifdef REPLYLINT_HYPERSCAN
  // Hyperscan's compile of the packs takes minutes, so a database made before for the same
  // patterns is taken again: this output's last one (the library changed, the packs did not),
  // or the one next to this generator (an instrumented build runs the plain build's generator,
  // tests/plain_packs_gen.sh).
  const std::string own_dir = std::string(argv[0]).substr(0, std::string(argv[0]).find_last_of('/') + 1);
  std::vector<std::string> previous_images;
  for (const std::string& path : {std::string(argv[1]) + ".candidates.bin", own_dir + "embedded_packs_data.cpp.candidates.bin"}) {
    const std::optional<std::string> file = read_file(path);
    if (!file) continue;
    // At an address aligned to kImageAlignment, as the library has the blob, so that its images load.
    std::string room(file->size() + detail::HyperscanSet::kImageAlignment, '\0');
    char* start = room.data() + (detail::HyperscanSet::kImageAlignment -
                                 reinterpret_cast<std::uintptr_t>(room.data()) % detail::HyperscanSet::kImageAlignment) %
                                    detail::HyperscanSet::kImageAlignment;
    std::copy(file->begin(), file->end(), start);
    try {
      const detail::CandidateSpec previous = detail::read_candidates(std::string_view(start, file->size()));
      if (previous.coded_patterns == candidates.coded_patterns && !previous.hyperscan.empty() &&
          previous.hyperscan_recipe == detail::HyperscanSet::kRecipe &&
          previous.hyperscan_features == detail::HyperscanSet::features() &&
          detail::HyperscanSet::load(previous.hyperscan, previous.hyperscan_features)) {
        previous_images.assign(previous.hyperscan.begin(), previous.hyperscan.end());
        break;
      }
    } catch (const std::exception&) {
      // not a file this generator wrote: compile
    }
  }
  Result<std::vector<std::string>> images = std::move(previous_images);
  if (images->empty()) {
    auto databases = detail::HyperscanSet::compile(candidates.coded_patterns);
    images = databases ? detail::HyperscanSet::images(*databases) : Result<std::vector<std::string>>(databases.error());
  }
  if (images) {
    candidates.hyperscan.assign(images->begin(), images->end());  // views: `images` outlives the write below
    candidates.hyperscan_recipe = detail::HyperscanSet::kRecipe;
    candidates.hyperscan_features = detail::HyperscanSet::features();
  }
  else std::cerr << "packs_gen: warning: " << images.error().message << "; the built-in packs use RE2::Set\n";
#endif
  const std::string stage = detail::write_candidates(candidates);

  const std::string out = argv[1];
  const std::string written = detail::write_packs(packs), rules = detail::write_packs(expanded->packs);
  std::string cpp =
      "// Generated by src/packs_gen.cpp from rules/*.yaml. Do not edit.\n"
      "#include \"embedded_packs.hpp\"\n";
  std::string views;
  for (const auto& [name, bytes] : {std::pair<std::string, const std::string*>{"written", &written},
                                    {"expanded", &rules}, {"candidates", &stage}}) {
    const std::string path = out + "." + name + ".bin";
    if (!write_if_changed(path, *bytes)) return fail(path + ": cannot write");
    cpp += incbin(name, path, *bytes);
    views += "{replylint_" + name + ", " + std::to_string(bytes->size()) + "}, ";
  }
  views.resize(views.size() - 2);
  cpp += "namespace replylint::detail {\nEmbeddedBytes embedded_bytes() { return {" + views +
         "}; }\n}  // namespace replylint::detail\n";
  if (!write_if_changed(out, cpp)) return fail(out + ": cannot write");
  return 0;
}

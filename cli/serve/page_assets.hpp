// The page's files (cli/serve/page/), compiled in by cmake/embed_files.cmake so that the
// server needs no files and the page no network.
#pragma once

#include <string_view>
#include <vector>

namespace replylint::cli::serve {

struct EmbeddedPack {
  std::string_view name;  // file name, "index.html"
  std::string_view text;  // its bytes
};

const std::vector<EmbeddedPack>& page_asset_texts();

}  // namespace replylint::cli::serve

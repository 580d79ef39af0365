#include "page.hpp"

#include "page_assets.hpp"

namespace replylint::cli::serve {
namespace {

const EmbeddedPack* asset(std::string_view name) {
  for (const EmbeddedPack& a : page_asset_texts())
    if (a.name == name) return &a;
  return nullptr;
}

void serve_asset(Routes& routes, const std::string& path, const char* name, const char* type) {
  const EmbeddedPack* a = asset(name);
  if (!a) return;  // not built in: the path stays unknown (404)
  routes.get(path, [a, type](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(a->text), type);
    // The page fetches nothing from elsewhere; say so to the browser too.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; frame-ancestors 'none'");
    res.set_header("Cache-Control", "no-cache");
  });
}

}  // namespace

void add_page(Routes& routes) {
  serve_asset(routes, "/", "index.html", "text/html; charset=utf-8");
  serve_asset(routes, "/page.js", "page.js", "text/javascript; charset=utf-8");
  serve_asset(routes, "/page.css", "page.css", "text/css; charset=utf-8");
}

}  // namespace replylint::cli::serve

// GET / (index.html), /page.js, /page.css: the page where agents try drafts and browse rules.
#pragma once

#include "routes.hpp"

namespace replylint::cli::serve {

void add_page(Routes& routes);

}  // namespace replylint::cli::serve

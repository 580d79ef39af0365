// What `replylint serve` is told on its command line (cli/options.cpp fills it).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace replylint::cli::serve {

struct Settings {
  std::string listen = "127.0.0.1:8081";  // HOST:PORT; port 0 picks a free one (printed)
  std::string rules_dir;                  // empty: the packs built into the binary
  unsigned threads = 8;                   // connections served at once (one thread each)
  std::size_t max_connections = 256;      // served + waiting; beyond it: 503 and close
  std::string token_file;                 // when set, every request needs Authorization: Bearer
  std::vector<std::string> allow_origins; // CORS: origins allowed to call from a browser
  bool access_log = false;                // method, path, status, time on stderr; never text
  std::size_t max_body_bytes = 1 << 20;   // 413 beyond
  std::size_t max_replies = 1000;         // replies in one /v1/check request; 413 beyond
  std::size_t max_reply_bytes = 64 << 10; // a longer reply is a per-reply error
  unsigned read_timeout_seconds = 5;      // headers and body must arrive within it per read
  unsigned keep_alive_seconds = 5;        // an idle keep-alive connection is closed after it
};

}  // namespace replylint::cli::serve

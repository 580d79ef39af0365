// `replylint serve`: loads the rules, binds, and serves until SIGTERM or SIGINT; SIGHUP reloads
// the rules. Signals are taken by one thread with sigwait(), so that nothing runs in a signal
// handler and no worker thread is interrupted.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "../commands.hpp"
#include "connection_queue.hpp"
#include "languagetool.hpp"
#include "native_api.hpp"
#include "page.hpp"
#include "policy.hpp"
#include "routes.hpp"
#include "state.hpp"

namespace replylint::cli {
namespace {

bool split_listen(const std::string& listen, std::string& host, int& port) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string digits = listen.substr(colon + 1);
  if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
  port = std::stoi(digits);
  return port <= 65535;
}

// The token: the file's first line, without surrounding white space.
bool read_token(const std::string& file, std::string& token) {
  std::ifstream in(file);
  if (!in || !std::getline(in, token)) return false;
  const std::size_t b = token.find_first_not_of(" \t\r"), e = token.find_last_not_of(" \t\r");
  token = b == std::string::npos ? std::string() : token.substr(b, e - b + 1);
  return !token.empty();
}

}  // namespace

int run_serve(const Options& o) {
  serve::Settings settings = o.serve;
  settings.rules_dir = o.rules_dir;
  std::string host;
  int port = 0;
  if (!split_listen(settings.listen, host, port)) {
    std::fprintf(stderr, "replylint serve: --listen '%s' is not HOST:PORT\n", settings.listen.c_str());
    return 2;
  }
  std::string token;
  if (!settings.token_file.empty() && !read_token(settings.token_file, token)) {
    std::fprintf(stderr, "replylint serve: no token in --token-file %s (its first line is the token)\n",
                 settings.token_file.c_str());
    return 2;
  }
  auto engine = settings.rules_dir.empty() ? Engine::from_embedded(serve::engine_options(settings))
                                           : Engine::from_directory(settings.rules_dir, serve::engine_options(settings));
  if (!engine) {
    std::fprintf(stderr, "%s\n", engine.error().to_string().c_str());
    return 2;
  }
  serve::State state(settings, std::move(engine).value());
  state.token = std::move(token);

  // Before any thread starts, so that every thread inherits the mask and only sigwait() sees them.
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  server.new_task_queue = [&settings] { return new serve::ConnectionQueue(settings.threads, settings.max_connections); };
  server.set_keep_alive_max_count(1u << 20);
  server.set_keep_alive_timeout(settings.keep_alive_seconds);
  server.set_read_timeout(settings.read_timeout_seconds, 0);
  server.set_write_timeout(settings.read_timeout_seconds, 0);
  server.set_payload_max_length(settings.max_body_bytes);
  server.set_tcp_nodelay(true);
  serve::Routes routes(server);
  serve::add_page(routes);
  serve::add_native_api(routes, state);
  serve::add_languagetool_api(routes, state);
  serve::install_policy(server, state, routes);

  if (port == 0) port = server.bind_to_any_port(host);
  else if (!server.bind_to_port(host, port)) port = -1;
  if (port <= 0) {
    std::fprintf(stderr, "replylint serve: cannot listen on %s\n", settings.listen.c_str());
    return 2;
  }
  {
    const Engine e = state.slot.get();
    std::fprintf(stderr, "replylint serve: listening on http://%s:%d/ (%zu rules in %zu packs)\n",
                 host.find(':') == std::string::npos ? host.c_str() : ("[" + host + "]").c_str(), port,
                 e.rules().size(), e.packs().size());
  }

  std::atomic<bool> stopping{false};
  std::thread signal_thread([&] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (sig == SIGHUP) {
        state.reload();
        continue;
      }
      if (!stopping.exchange(true))
        std::fprintf(stderr, "replylint serve: %s: finishing the requests in flight\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
      server.stop();
      return;
    }
  });
  server.listen_after_bind();
  // listen_after_bind() returns after stop(), or when accepting fails: then wake the signal
  // thread the way a signal would.
  const bool failed = !stopping.exchange(true);
  if (failed) pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  std::fprintf(stderr, failed ? "replylint serve: accepting connections failed\n" : "replylint serve: stopped\n");
  return failed ? 2 : 0;
}

}  // namespace replylint::cli

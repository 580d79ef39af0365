// cpp-httplib serves each connection on one thread of its task queue for as long as the
// connection stays open (keep-alive). This queue caps how many connections may be open at once:
// `threads` are served, up to `max_connections` in all wait for a thread, and any beyond that
// are handed to one overflow thread whose every request is answered 503 (see over_capacity()).
//
// Thread safety: enqueue() is called by httplib's accept loop, the tasks run on the pool.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>

namespace replylint::cli::serve {

class ConnectionQueue final : public httplib::TaskQueue {
 public:
  ConnectionQueue(std::size_t threads, std::size_t max_connections);
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  // True on a thread that is serving a connection beyond max_connections.
  static bool over_capacity();

 private:
  httplib::ThreadPool pool_;
  httplib::ThreadPool overflow_;
  std::atomic<std::size_t> open_{0};
  std::size_t max_;
};

}  // namespace replylint::cli::serve

#include "connection_queue.hpp"

namespace replylint::cli::serve {
namespace {
thread_local bool t_over_capacity = false;
}

ConnectionQueue::ConnectionQueue(std::size_t threads, std::size_t max_connections)
    : pool_(threads), overflow_(1), max_(max_connections < threads ? threads : max_connections) {}

void ConnectionQueue::enqueue(std::function<void()> fn) {
  if (open_.fetch_add(1, std::memory_order_relaxed) >= max_) {
    overflow_.enqueue([this, fn = std::move(fn)] {
      t_over_capacity = true;
      fn();
      t_over_capacity = false;
      open_.fetch_sub(1, std::memory_order_relaxed);
    });
    return;
  }
  pool_.enqueue([this, fn = std::move(fn)] {
    fn();
    open_.fetch_sub(1, std::memory_order_relaxed);
  });
}

void ConnectionQueue::shutdown() {
  pool_.shutdown();
  overflow_.shutdown();
}

bool ConnectionQueue::over_capacity() { return t_over_capacity; }

}  // namespace replylint::cli::serve

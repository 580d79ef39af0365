// The C API (include/replylint/replylint.h) over the C++ engine. Every entry point is noexcept
// and catches everything: no exception crosses into C. Handles carry a magic number per kind;
// freed handles keep their (emptied) shell for a while so that a late use is detected rather
// than read from freed memory.
#include "replylint/replylint.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replylint/engine.hpp"
#include "replylint/mask.hpp"
#include "replylint/tools/utf8.hpp"

#ifndef REPLYLINT_VERSION
#error "REPLYLINT_VERSION must be defined by the build"
#endif

namespace {

constexpr std::uint32_t kEngineMagic = 0x52'4C'45'4E;   // "RLEN"
constexpr std::uint32_t kReportMagic = 0x52'4C'52'50;   // "RLRP"
constexpr std::uint32_t kOptionsMagic = 0x52'4C'4F'50;  // "RLOP"
constexpr std::uint32_t kSlotMagic = 0x52'4C'53'4C;     // "RLSL"
constexpr std::uint32_t kFreedMagic = 0xDE'AD'0F'F0;

struct Handle {
  explicit Handle(std::uint32_t m) : magic(m) {}
  virtual ~Handle() = default;
  virtual void release() noexcept = 0;  // drops the payload, keeps the shell
  std::uint32_t magic;
};

thread_local bool quarantine_gone = false;  // trivially destructible: readable during thread exit

// The last freed shells of this thread; deleting one happens only when 256 newer ones arrived.
class Quarantine {
 public:
  ~Quarantine() {
    quarantine_gone = true;
    for (Handle* h : ring_) delete h;
  }
  void push(Handle* h) noexcept {
    delete ring_[next_];
    ring_[next_] = h;
    next_ = (next_ + 1) % ring_.size();
  }

 private:
  std::array<Handle*, 256> ring_{};
  std::size_t next_ = 0;
};

void retire(Handle* h) noexcept {
  h->release();
  h->magic = kFreedMagic;
  if (quarantine_gone) {  // a free from a thread_local or static destructor, after the ring went
    delete h;
    return;
  }
  thread_local Quarantine quarantine;
  quarantine.push(h);
}

}  // namespace

namespace {

// An engine and the C views of its rules, shared by every handle to it (handles from a slot
// cost one allocation and one atomic increment).
struct CompiledEngine {
  explicit CompiledEngine(replylint::Engine e) : engine(std::move(e)) {
    rules.reserve(engine.rules().size());
    for (const replylint::RuleInfo& r : engine.rules())
      rules.push_back({r.id.c_str(), r.pack.c_str(), r.title.c_str(), r.message.c_str(), r.suggestion.c_str(),
                       r.source.c_str(), r.points, r.platform_rule.c_str()});
  }
  replylint::Engine engine;
  std::vector<replylint_rule> rules;  // views of engine.rules(), which never change
};

}  // namespace

struct replylint_engine final : Handle {
  explicit replylint_engine(std::shared_ptr<const CompiledEngine> c) : Handle(kEngineMagic), compiled(std::move(c)) {}
  void release() noexcept override { compiled.reset(); }
  std::shared_ptr<const CompiledEngine> compiled;
};

struct replylint_report final : Handle {
  explicit replylint_report(replylint::Report r) : Handle(kReportMagic), report(std::move(r)) {
    views.reserve(report.violations.size());
    for (const replylint::Violation& v : report.violations)
      views.push_back({v.rule.c_str(), v.pack.c_str(), v.title.c_str(), v.points, v.start, v.end, v.char_start,
                       v.char_end, v.utf16_start, v.utf16_end, v.text.c_str(), v.text.size(), v.message.c_str(),
                       v.suggestion.c_str(), v.platform_rule.c_str(), v.counted ? 1 : 0});
  }
  void release() noexcept override {
    views = {};
    report = {};
  }
  replylint::Report report;
  std::vector<replylint_violation> views;  // views of report, which is never changed after this
};

struct replylint_options final : Handle {
  replylint_options() : Handle(kOptionsMagic) {}
  void release() noexcept override { options = {}; }
  replylint::CheckOptions options;
};

// Like replylint::EngineSlot (engine_slot.hpp), holding the C views along with the engine.
struct replylint_slot final : Handle {
  explicit replylint_slot(std::shared_ptr<const CompiledEngine> c) : Handle(kSlotMagic), current(std::move(c)) {}
  void release() noexcept override {
    std::shared_ptr<const CompiledEngine> old;
    std::lock_guard<std::mutex> lock(mutex);
    old.swap(current);
  }
  std::shared_ptr<const CompiledEngine> get() const {
    std::lock_guard<std::mutex> lock(mutex);
    return current;
  }
  void set(std::shared_ptr<const CompiledEngine> next) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      current.swap(next);
    }
    // `next` now holds the old engine, released here, outside the lock.
  }
  mutable std::mutex mutex;
  std::shared_ptr<const CompiledEngine> current;
};

namespace {

template <typename T>
constexpr std::uint32_t magic_of();
template <>
constexpr std::uint32_t magic_of<replylint_engine>() { return kEngineMagic; }
template <>
constexpr std::uint32_t magic_of<replylint_report>() { return kReportMagic; }
template <>
constexpr std::uint32_t magic_of<replylint_options>() { return kOptionsMagic; }
template <>
constexpr std::uint32_t magic_of<replylint_slot>() { return kSlotMagic; }

// The handle if it is a live one of kind T. Reads the magic number through the base; a pointer
// that never was a handle is outside the contract (and may crash, as in any C API).
template <typename T>
T* live(const T* p) noexcept {
  if (p == nullptr) return nullptr;
  const Handle* h = p;
  if (h->magic != magic_of<T>()) return nullptr;
  return const_cast<T*>(p);
}

template <typename T>
int check_handle(const T* p) noexcept {
  if (p == nullptr) return REPLYLINT_ERR_INVALID_ARGUMENT;
  return live(p) ? REPLYLINT_OK : REPLYLINT_ERR_BAD_HANDLE;
}

int to_status(replylint::ErrorCode code) noexcept {
  using replylint::ErrorCode;
  switch (code) {
    case ErrorCode::kOk: return REPLYLINT_OK;
    case ErrorCode::kInvalidArgument: return REPLYLINT_ERR_INVALID_ARGUMENT;
    case ErrorCode::kIo: return REPLYLINT_ERR_IO;
    case ErrorCode::kYamlSyntax: return REPLYLINT_ERR_YAML_SYNTAX;
    case ErrorCode::kSchema: return REPLYLINT_ERR_SCHEMA;
    case ErrorCode::kBadPattern: return REPLYLINT_ERR_BAD_PATTERN;
    case ErrorCode::kDuplicateRule: return REPLYLINT_ERR_DUPLICATE_RULE;
    case ErrorCode::kOutOfMemory: return REPLYLINT_ERR_OUT_OF_MEMORY;
    case ErrorCode::kTooLong: return REPLYLINT_ERR_TOO_LONG;
    case ErrorCode::kInternal: return REPLYLINT_ERR_INTERNAL;
  }
  return REPLYLINT_ERR_INTERNAL;
}

// One malloc holds the record and its strings, so that freeing it cannot fail or throw.
replylint_error* make_error(int code, std::string_view message, std::string_view file, int line, int column,
                            std::string_view rule, std::string_view text) noexcept {
  const std::size_t strings = message.size() + file.size() + rule.size() + text.size() + 4;
  void* block = std::malloc(sizeof(replylint_error) + strings);
  if (block == nullptr) return nullptr;
  auto* e = static_cast<replylint_error*>(block);
  char* p = static_cast<char*>(block) + sizeof(replylint_error);
  const auto put = [&p](std::string_view s) {
    const char* start = p;
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    p += s.size() + 1;
    return start;
  };
  e->code = code;
  e->message = put(message);
  e->file = put(file);
  e->line = line;
  e->column = column;
  e->rule = put(rule);
  e->text = put(text);
  return e;
}

// Sets *error (when wanted) and returns the status.
int fail(replylint_error** error, int code, std::string_view message, std::string_view rule = {}) noexcept {
  if (error != nullptr) {
    std::string text;
    try {
      text = "error: " + std::string(message);
      if (!rule.empty()) text += " [" + std::string(rule) + "]";
    } catch (...) {
      text.clear();
    }
    *error = make_error(code, message, {}, 0, 0, rule, text);
  }
  return code;
}

int fail(replylint_error** error, const replylint::Error& e) noexcept {
  const int code = to_status(e.code);
  if (error != nullptr) {
    std::string text;
    try {
      text = e.to_string();
    } catch (...) {
      text.clear();
    }
    *error = make_error(code, e.message, e.file, e.line, e.column, e.rule, text);
  }
  return code;
}

// Runs f, turning any exception into a status: nothing may unwind into C.
template <typename F>
int guarded(replylint_error** error, F&& f) noexcept {
  if (error != nullptr) *error = nullptr;
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return fail(error, REPLYLINT_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(error, REPLYLINT_ERR_INTERNAL, e.what());
  } catch (...) {
    return fail(error, REPLYLINT_ERR_INTERNAL, "unknown exception");
  }
}

int engine_result(replylint::Result<replylint::Engine> built, replylint_engine** out, replylint_error** error) {
  if (!built) return fail(error, built.error());
  *out = new replylint_engine(std::make_shared<const CompiledEngine>(std::move(built).value()));
  return REPLYLINT_OK;
}

int add_id(replylint_options* options, const char* id, std::vector<std::string> replylint::CheckOptions::*list) noexcept {
  if (const int s = check_handle(options); s != REPLYLINT_OK) return s;
  if (id == nullptr || *id == '\0' || !replylint::detail::valid_utf8(id)) return REPLYLINT_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&] {
    (live(options)->options.*list).emplace_back(id);
    return REPLYLINT_OK;
  });
}

}  // namespace

extern "C" {

const char* replylint_status_string(int status) {
  switch (status) {
    case REPLYLINT_OK: return "ok";
    case REPLYLINT_ERR_INVALID_ARGUMENT: return "invalid argument";
    case REPLYLINT_ERR_IO: return "input/output error";
    case REPLYLINT_ERR_YAML_SYNTAX: return "YAML syntax error";
    case REPLYLINT_ERR_SCHEMA: return "rule pack schema error";
    case REPLYLINT_ERR_BAD_PATTERN: return "bad pattern";
    case REPLYLINT_ERR_DUPLICATE_RULE: return "duplicate rule";
    case REPLYLINT_ERR_OUT_OF_MEMORY: return "out of memory";
    case REPLYLINT_ERR_TOO_LONG: return "reply too long";
    case REPLYLINT_ERR_INTERNAL: return "internal error";
    case REPLYLINT_ERR_BAD_HANDLE: return "bad handle";
    default: return "unknown status";
  }
}

const char* replylint_version(void) { return REPLYLINT_VERSION; }

uint32_t replylint_version_number(void) {
  std::uint32_t parts[3] = {0, 0, 0};
  int k = 0;
  for (const char* p = REPLYLINT_VERSION; *p && k < 3; ++p) {
    if (*p == '.') ++k;
    else if (*p >= '0' && *p <= '9') parts[k] = parts[k] * 10 + static_cast<std::uint32_t>(*p - '0');
  }
  return parts[0] * 10000 + parts[1] * 100 + parts[2];
}

void replylint_error_free(replylint_error* error) { std::free(error); }

int replylint_engine_from_embedded(replylint_engine** out, replylint_error** error) {
  if (out) *out = nullptr;
  return guarded(error, [&] {
    if (out == nullptr) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "out is NULL");
    return engine_result(replylint::Engine::from_embedded(), out, error);
  });
}

int replylint_engine_from_directory(const char* dir, replylint_engine** out, replylint_error** error) {
  if (out) *out = nullptr;
  return guarded(error, [&] {
    if (out == nullptr) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "out is NULL");
    if (dir == nullptr) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "dir is NULL");
    return engine_result(replylint::Engine::from_directory(dir), out, error);
  });
}

int replylint_engine_from_yaml(const replylint_pack_text* packs, size_t count, replylint_engine** out,
                               replylint_error** error) {
  if (out) *out = nullptr;
  return guarded(error, [&] {
    if (out == nullptr) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "out is NULL");
    if (packs == nullptr || count == 0) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "no rule packs given");
    std::vector<replylint::PackText> texts;
    texts.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (packs[i].yaml == nullptr && packs[i].yaml_length != 0)
        return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "a pack's yaml is NULL");
      texts.push_back({packs[i].file ? packs[i].file : "<memory>",
                       packs[i].yaml ? std::string(packs[i].yaml, packs[i].yaml_length) : std::string()});
    }
    return engine_result(replylint::Engine::from_yaml(texts), out, error);
  });
}

void replylint_engine_free(replylint_engine* engine) {
  if (live(engine)) retire(engine);
}

size_t replylint_engine_rule_count(const replylint_engine* engine) {
  const replylint_engine* e = live(engine);
  return e ? e->compiled->rules.size() : 0;
}

const replylint_rule* replylint_engine_rule(const replylint_engine* engine, size_t index) {
  const replylint_engine* e = live(engine);
  if (!e || index >= e->compiled->rules.size()) return nullptr;
  return &e->compiled->rules[index];
}

int replylint_options_new(replylint_options** out) {
  if (out == nullptr) return REPLYLINT_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  return guarded(nullptr, [&] {
    *out = new replylint_options();
    return REPLYLINT_OK;
  });
}

void replylint_options_free(replylint_options* options) {
  if (live(options)) retire(options);
}

int replylint_options_only(replylint_options* options, const char* id) {
  return add_id(options, id, &replylint::CheckOptions::only);
}

int replylint_options_skip(replylint_options* options, const char* id) {
  return add_id(options, id, &replylint::CheckOptions::skip);
}

int replylint_options_points(replylint_options* options, const char* rule_id, int points) {
  if (const int s = check_handle(options); s != REPLYLINT_OK) return s;
  if (rule_id == nullptr || *rule_id == '\0' || !replylint::detail::valid_utf8(rule_id) || points < 0 || points > replylint::kMaxPoints)
    return REPLYLINT_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&] {
    live(options)->options.points.push_back({rule_id, points});
    return REPLYLINT_OK;
  });
}

int replylint_options_max_reply_bytes(replylint_options* options, size_t max_bytes) {
  if (const int s = check_handle(options); s != REPLYLINT_OK) return s;
  live(options)->options.max_reply_bytes = max_bytes;
  return REPLYLINT_OK;
}

int replylint_check(const replylint_engine* engine, const char* text, size_t length, const replylint_options* options,
                    replylint_report** out, replylint_error** error) {
  return replylint_check_with_buyer(engine, nullptr, 0, text, length, options, out, error);
}

int replylint_check_with_buyer(const replylint_engine* engine, const char* buyer, size_t buyer_length,
                               const char* text, size_t length, const replylint_options* options,
                               replylint_report** out, replylint_error** error) {
  if (out) *out = nullptr;
  return guarded(error, [&] {
    if (out == nullptr) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "out is NULL");
    if (const int s = check_handle(engine); s != REPLYLINT_OK)
      return fail(error, s, s == REPLYLINT_ERR_BAD_HANDLE ? "engine is not a live engine handle" : "engine is NULL");
    if (text == nullptr && length != 0) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "text is NULL");
    if (buyer == nullptr && buyer_length != 0) return fail(error, REPLYLINT_ERR_INVALID_ARGUMENT, "buyer is NULL");
    if (options != nullptr && !live(options))
      return fail(error, REPLYLINT_ERR_BAD_HANDLE, "options is not a live options handle");
    const replylint::Engine& e = live(engine)->compiled->engine;
    const std::string_view reply(text ? text : "", length);
    const std::string_view context(buyer ? buyer : "", buyer_length);
    auto report = options ? e.check_with_buyer(context, reply, options->options) : e.check_with_buyer(context, reply);
    if (!report) return fail(error, report.error());
    *out = new replylint_report(std::move(report).value());
    return REPLYLINT_OK;
  });
}

size_t replylint_report_count(const replylint_report* report) {
  const replylint_report* r = live(report);
  return r ? r->views.size() : 0;
}

const replylint_violation* replylint_report_violation(const replylint_report* report, size_t index) {
  const replylint_report* r = live(report);
  if (!r || index >= r->views.size()) return nullptr;
  return &r->views[index];
}

int replylint_report_points(const replylint_report* report) {
  const replylint_report* r = live(report);
  return r ? r->report.points : 0;
}

int replylint_report_invalid_utf8(const replylint_report* report) {
  const replylint_report* r = live(report);
  return r && r->report.invalid_utf8 ? 1 : 0;
}

void replylint_report_free(replylint_report* report) {
  if (live(report)) retire(report);
}

int replylint_mask(const char* text, size_t length, char** out, size_t* out_length) {
  if (out) *out = nullptr;
  if (out_length) *out_length = 0;
  if (out == nullptr || (text == nullptr && length != 0)) return REPLYLINT_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&] {
    auto masked = replylint::mask(std::string_view(text ? text : "", length));
    if (!masked) return to_status(masked.error().code);
    // malloc, so that replylint_mask_free() cannot throw.
    char* copy = static_cast<char*>(std::malloc(masked->size() + 1));
    if (copy == nullptr) return REPLYLINT_ERR_OUT_OF_MEMORY;
    std::memcpy(copy, masked->data(), masked->size());
    copy[masked->size()] = '\0';
    *out = copy;
    if (out_length) *out_length = masked->size();
    return REPLYLINT_OK;
  });
}

void replylint_mask_free(char* masked) { std::free(masked); }

int replylint_slot_new(const replylint_engine* engine, replylint_slot** out) {
  if (out == nullptr) return REPLYLINT_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  if (const int s = check_handle(engine); s != REPLYLINT_OK) return s;
  return guarded(nullptr, [&] {
    *out = new replylint_slot(live(engine)->compiled);
    return REPLYLINT_OK;
  });
}

int replylint_slot_get(const replylint_slot* slot, replylint_engine** out) {
  if (out == nullptr) return REPLYLINT_ERR_INVALID_ARGUMENT;
  *out = nullptr;
  if (const int s = check_handle(slot); s != REPLYLINT_OK) return s;
  return guarded(nullptr, [&] {
    *out = new replylint_engine(live(slot)->get());
    return REPLYLINT_OK;
  });
}

int replylint_slot_set(replylint_slot* slot, const replylint_engine* next) {
  if (const int s = check_handle(slot); s != REPLYLINT_OK) return s;
  if (const int s = check_handle(next); s != REPLYLINT_OK) return s;
  return guarded(nullptr, [&] {
    live(slot)->set(live(next)->compiled);
    return REPLYLINT_OK;
  });
}

void replylint_slot_free(replylint_slot* slot) {
  if (live(slot)) retire(slot);
}

}  // extern "C"

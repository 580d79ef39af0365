#include "pack_blob.hpp"

#include <cstdint>
#include <stdexcept>
#include <type_traits>

#include "hyperscan_set.hpp"

namespace replylint::detail {
namespace {

// A view (the Hyperscan images) starts at a multiple of kViewAlignment from the start of the
// bytes, so that in bytes that start so aligned (the embedded blob) it can be used in place.
constexpr std::size_t kViewAlignment = HyperscanSet::kImageAlignment;
std::size_t view_padding(std::size_t offset) { return (kViewAlignment - offset % kViewAlignment) % kViewAlignment; }

// Each PackSpec field is listed once, in fields(); Writer and Reader walk the same list, so the
// two directions cannot drift apart.
class Writer {
 public:
  std::string out;
  void operator()(std::string& s) {
    number(s.size());
    out += s;
  }
  void operator()(std::string_view& s) {
    number(s.size());
    out.append(view_padding(out.size()), '\0');
    out += s;
  }
  void operator()(int& v) { number(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
  void operator()(std::uint32_t& v) { number(v); }
  void operator()(bool& v) { number(v ? 1 : 0); }
  template <typename E>
    requires std::is_enum_v<E>
  void operator()(E& v) { number(static_cast<std::uint64_t>(v)); }
  template <typename T>
  void operator()(std::vector<T>& list) {
    number(list.size());
    for (T& item : list) fields(*this, item);
  }

 private:
  void number(std::uint64_t v) {
    do {
      out += static_cast<char>((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
      v >>= 7;
    } while (v);
  }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  void operator()(std::string& s) {
    const std::uint64_t n = number();
    if (n > in_.size() - at_) throw std::runtime_error("embedded packs: truncated");
    s.assign(in_.substr(at_, n));
    at_ += n;
  }
  // A view into the bytes read, not a copy.
  void operator()(std::string_view& s) {
    const std::uint64_t n = number();
    const std::size_t pad = view_padding(at_);
    if (pad > in_.size() - at_ || n > in_.size() - at_ - pad) throw std::runtime_error("embedded packs: truncated");
    at_ += pad;
    s = in_.substr(at_, n);
    at_ += n;
  }
  void operator()(int& v) { v = static_cast<int>(static_cast<std::int64_t>(number())); }
  void operator()(std::uint32_t& v) { v = static_cast<std::uint32_t>(number()); }
  void operator()(bool& v) { v = number() != 0; }
  template <typename E>
    requires std::is_enum_v<E>
  void operator()(E& v) { v = static_cast<E>(number()); }
  template <typename T>
  void operator()(std::vector<T>& list) {
    const std::uint64_t n = number();
    if (n > in_.size() - at_) throw std::runtime_error("embedded packs: truncated");
    list.resize(n);
    for (T& item : list) fields(*this, item);
  }
  bool done() const { return at_ == in_.size(); }

 private:
  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) throw std::runtime_error("embedded packs: truncated");
      const auto b = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    throw std::runtime_error("embedded packs: bad number");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

template <typename V>
void fields(V& v, std::string& s) {
  v(s);
}
template <typename V>
void fields(V& v, std::string_view& s) {
  v(s);
}
template <typename V>
void fields(V& v, int& n) {
  v(n);
}
template <typename V>
void fields(V& v, std::uint32_t& n) {
  v(n);
}
template <typename V>
void fields(V& v, SourcePos& p) {
  v(p.line);
  v(p.column);
}
template <typename V>
void fields(V& v, ExceptionSpec& e) {
  v(e.where);
  v(e.pattern);
  v(e.window);
  fields(v, e.pos);
}
template <typename V>
void fields(V& v, PatternSpec& p) {
  v(p.pattern);
  v(p.with);
  v(p.scope);
  v(p.distance);
  fields(v, p.pos);
}
template <typename V>
void fields(V& v, WordClass& c) {
  v(c.name);
  v(c.entries);
  fields(v, c.pos);
}
template <typename V>
void fields(V& v, ExampleSpec& e) {
  v(e.text);
  fields(v, e.pos);
  v(e.buyer);
}
template <typename V>
void fields(V& v, RuleSpec& r) {
  v(r.id);
  v(r.title);
  v(r.points);
  v(r.validate);
  v(r.message);
  v(r.suggestion);
  v(r.source);
  v(r.patterns);
  v(r.unless);
  v(r.buyer);
  v(r.platform_rule);
  v(r.negation);
  v(r.question_excuses);
  v(r.warning_excuses);
  v(r.bad_examples);
  v(r.good_examples);
  fields(v, r.pos);
}
template <typename V>
void fields(V& v, PackSpec& p) {
  v(p.id);
  v(p.title);
  v(p.version);
  v(p.platform_rules);
  v(p.rules);
  v(p.classes);
  v(p.lexicon);
  v(p.file);
}

template <typename V>
void fields(V& v, CandidateSpec& c) {
  v(c.alphabet);
  v(c.coded_entries);
  v(c.coded_patterns);
  v(c.hyperscan);
  v(c.hyperscan_recipe);
  v(c.hyperscan_features);
}

}  // namespace

std::string write_packs(const std::vector<PackSpec>& packs) {
  Writer w;
  std::vector<PackSpec> copy = packs;  // fields() takes mutable references for both directions
  w(copy);
  return std::move(w.out);
}

std::vector<PackSpec> read_packs(std::string_view bytes) {
  Reader r(bytes);
  std::vector<PackSpec> packs;
  r(packs);
  if (!r.done()) throw std::runtime_error("embedded packs: trailing bytes");
  return packs;
}

}  // namespace replylint::detail

namespace replylint::detail {

std::string write_candidates(const CandidateSpec& spec) {
  Writer w;
  CandidateSpec copy = spec;
  fields(w, copy);
  return std::move(w.out);
}

CandidateSpec read_candidates(std::string_view bytes) {
  Reader r(bytes);
  CandidateSpec spec;
  fields(r, spec);
  if (!r.done()) throw std::runtime_error("embedded candidate stage: trailing bytes");
  return spec;
}

}  // namespace replylint::detail

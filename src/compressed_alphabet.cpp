#include "compressed_alphabet.hpp"

#include "replylint/tools/utf8.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <memory>
#include <unordered_map>

#include "fold_table.hpp"
#include "normalizer.hpp"

namespace replylint::detail {
namespace {

// Byte layout of the codes:
//   0x00..0x7F  ASCII characters that can occur in normalized text stand for themselves;
//               the other ASCII byte values that are neither word (\w) nor space (\s) bytes
//               are single-byte codes, kOther among them;
//   0x80..0xFF  T second bytes of two-byte codes (from 0x80), then L first bytes, then more
//               single-byte codes; L and T as small as the characters without a single-byte
//               code allow, so that as many as possible get one.
// First and second bytes of two-byte codes never occur alone, so a match cannot start inside a
// code, and \b, \w, \s, \d keep their ASCII meaning.
constexpr std::uint8_t kOther = 0x01;

bool word_byte(unsigned b) { return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_'; }
bool space_byte(unsigned b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// ASCII characters that can occur in normalized text: those the fold keeps as they are, and
// '.' and '*', which context keeps (19.9, 138****5678).
std::bitset<128> ascii_in_text() {
  std::bitset<128> in;
  for (char32_t c = 0; c < 128; ++c) {
    const std::uint32_t e = fold_entry(c);
    in[c] = fold::kind(e) == fold::kKeep && fold::folded(c, e) == c;
  }
  in['.'] = in['*'] = true;
  return in;
}

// One byte of a Latin-1 pattern: as itself where that cannot be read as syntax, else as \x{..}.
void append_byte(std::string& out, unsigned b) {
  if (b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
    out += static_cast<char>(b);
    return;
  }
  static const char* kHex = "0123456789abcdef";
  out += "\\x{";
  out += kHex[b >> 4];
  out += kHex[b & 15];
  out += '}';
}

// A set of code points as described by one bracket expression (or \d, \pN, ...).
struct CharSet {
  struct Range {
    char32_t lo, hi;
  };
  std::vector<Range> ranges;
  std::vector<std::pair<std::string, bool>> properties;  // \p{name}, negated
  bool negated = false;
};

}  // namespace

// Parses RE2 syntax and writes the same structure over codes. Anything it does not know makes
// rewrite() give up on the pattern (never guess: a wrong rewrite could hide a violation).
class AlphabetRewriter {
 public:
  AlphabetRewriter(const CompressedAlphabet& a, std::string_view p) : a_(a), p_(p) {}

  std::optional<std::string> run() {
    std::string out;
    if (!alternation(out) || i_ != p_.size()) return std::nullopt;
    return out;
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return p_[i_]; }

  char32_t next_char() { return detail::next_char(p_, i_); }  // one character of the pattern

  bool alternation(std::string& out) {
    if (!concatenation(out)) return false;
    while (!at_end() && peek() == '|') {
      ++i_;
      out += '|';
      if (!concatenation(out)) return false;
    }
    return true;
  }

  bool concatenation(std::string& out) {
    while (!at_end() && peek() != '|' && peek() != ')') {
      std::string atom;
      if (!this->atom(atom)) return false;
      std::string quantifiers;
      while (!at_end() && quantifier(quantifiers)) {
      }
      if (quantifiers.empty()) {
        out += atom;
      } else {
        out += "(?:" + atom + ")" + quantifiers;
      }
    }
    return true;
  }

  // * + ? {n} {n,} {n,m}, each maybe followed by ? (non-greedy). RE2 reads a '{' that does
  // not start a valid count as a literal, so that is left to atom().
  bool quantifier(std::string& out) {
    const std::size_t start = i_;
    const char c = peek();
    if (c == '*' || c == '+' || c == '?') {
      ++i_;
    } else if (c == '{') {
      std::size_t j = i_ + 1;
      const std::size_t digits = j;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') ++j;
      if (j == digits) return false;
      if (j < p_.size() && p_[j] == ',') {
        ++j;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') ++j;
      }
      if (j >= p_.size() || p_[j] != '}') return false;
      i_ = j + 1;
    } else {
      return false;
    }
    if (!at_end() && peek() == '?') ++i_;
    out.append(p_.substr(start, i_ - start));
    return true;
  }

  bool atom(std::string& out) {
    const char c = peek();
    switch (c) {
      case '(': {
        ++i_;
        if (p_.substr(i_, 2) == "?:") {
          i_ += 2;
        } else if (p_.substr(i_, 3) == "?P<") {
          const std::size_t close = p_.find('>', i_);
          if (close == std::string_view::npos) return false;
          i_ = close + 1;
        } else if (!at_end() && peek() == '?') {
          return false;  // flags such as (?i) change what literals mean: not rewritten
        }
        out += "(?:";
        if (!alternation(out) || at_end() || peek() != ')') return false;
        ++i_;
        out += ')';
        return true;
      }
      case '[': {
        ++i_;
        CharSet set;
        if (!bracket(set)) return false;
        emit(set, out);
        return true;
      }
      case '.': {
        ++i_;
        CharSet set;
        set.negated = true;
        set.ranges.push_back({U'\n', U'\n'});
        emit(set, out);
        return true;
      }
      case '^':
      case '$':
        ++i_;
        out += c;
        return true;
      case '\\':
        return escape(out);
      case '*': case '+': case '?': case ')': case '|':
        return false;
      default:
        literal(next_char(), out);
        return true;
    }
  }

  void literal(char32_t c, std::string& out) {
    const CompressedAlphabet::Code code = a_.code_of(c);
    append_byte(out, code.b0);
    if (code.len == 2) append_byte(out, code.b1);
  }

  // After a backslash outside brackets.
  bool escape(std::string& out) {
    ++i_;
    if (at_end()) return false;
    const char c = peek();
    switch (c) {
      case 'b': case 'B': case 'A': case 'z':
        ++i_;
        out += '\\';
        out += c;
        return true;
      case 'Q': {
        ++i_;
        const std::size_t end = p_.find("\\E", i_);
        const std::size_t stop = end == std::string_view::npos ? p_.size() : end;
        while (i_ < stop) literal(next_char(), out);
        if (end != std::string_view::npos) i_ += 2;
        return true;
      }
      default: {
        CharSet set;
        bool is_set = false;
        char32_t ch = 0;
        if (!escape_item(set, is_set, ch)) return false;
        if (is_set) {
          emit(set, out);
        } else {
          literal(ch, out);
        }
        return true;
      }
    }
  }

  // An escape that stands for a character or a class, inside or outside brackets; i_ is just
  // after the backslash.
  bool escape_item(CharSet& set, bool& is_set, char32_t& ch) {
    const char c = p_[i_++];
    is_set = false;
    switch (c) {
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': {
        CharSet s;
        perl_class(static_cast<char>(c | 0x20), s);
        if (c >= 'A' && c <= 'Z') s.negated = true;
        is_set = true;
        set = s;
        return true;
      }
      case 'p': case 'P': {
        std::string name;
        if (!at_end() && peek() == '{') {
          const std::size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) return false;
          name = std::string(p_.substr(i_ + 1, close - i_ - 1));
          i_ = close + 1;
        } else if (!at_end()) {
          name = std::string(1, p_[i_++]);
        } else {
          return false;
        }
        bool negated = c == 'P';
        if (!name.empty() && name[0] == '^') {
          negated = !negated;
          name.erase(0, 1);
        }
        is_set = true;
        set = CharSet{};
        set.properties.push_back({name, negated});  // \P{Han}: the property, its sense flipped
        return true;
      }
      case 'x': {
        std::size_t end = i_;
        std::string hex;
        if (!at_end() && peek() == '{') {
          end = p_.find('}', i_);
          if (end == std::string_view::npos) return false;
          hex = std::string(p_.substr(i_ + 1, end - i_ - 1));
          i_ = end + 1;
        } else {
          if (i_ + 2 > p_.size()) return false;
          hex = std::string(p_.substr(i_, 2));
          i_ += 2;
        }
        if (hex.empty() || hex.size() > 6 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
          return false;
        ch = static_cast<char32_t>(std::stoul(hex, nullptr, 16));
        return ch <= 0x10FFFF;
      }
      case 'a': ch = 0x07; return true;
      case 'f': ch = 0x0C; return true;
      case 't': ch = 0x09; return true;
      case 'n': ch = 0x0A; return true;
      case 'r': ch = 0x0D; return true;
      case 'v': ch = 0x0B; return true;
      default:
        // Escaped punctuation is that character; anything else (\C, octal, \pN forms handled
        // above) is not rewritten.
        if (static_cast<unsigned char>(c) < 0x80 && !word_byte(static_cast<unsigned char>(c)) && c != ' ') {
          ch = static_cast<unsigned char>(c);
          return true;
        }
        return false;
    }
  }

  static void perl_class(char kind, CharSet& s) {
    switch (kind) {
      case 'd': s.ranges = {{U'0', U'9'}}; break;
      case 's': s.ranges = {{U'\t', U'\n'}, {U'\f', U'\r'}, {U' ', U' '}}; break;
      default: s.ranges = {{U'0', U'9'}, {U'A', U'Z'}, {U'_', U'_'}, {U'a', U'z'}}; break;
    }
  }

  static bool posix_class(std::string_view name, CharSet& s) {
    static const std::map<std::string_view, std::vector<CharSet::Range>> kClasses = {
        {"alnum", {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}},
        {"alpha", {{'A', 'Z'}, {'a', 'z'}}},
        {"ascii", {{0, 0x7F}}},
        {"blank", {{'\t', '\t'}, {' ', ' '}}},
        {"cntrl", {{0, 0x1F}, {0x7F, 0x7F}}},
        {"digit", {{'0', '9'}}},
        {"graph", {{'!', '~'}}},
        {"lower", {{'a', 'z'}}},
        {"print", {{' ', '~'}}},
        {"punct", {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}}},
        {"space", {{'\t', '\r'}, {' ', ' '}}},
        {"upper", {{'A', 'Z'}}},
        {"word", {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}, {'_', '_'}}},
        {"xdigit", {{'0', '9'}, {'A', 'F'}, {'a', 'f'}}},
    };
    const auto it = kClasses.find(name);
    if (it == kClasses.end()) return false;
    s.ranges = it->second;
    return true;
  }

  // After '[': the bracket expression up to and including ']'. Nested sets (\pN, \PN, \d,
  // [:x:]) are allowed only when not negated themselves (\PN is a property with its sense
  // flipped, not a negated set), so that the union stays a list of ranges and properties.
  bool bracket(CharSet& set) {
    if (!at_end() && peek() == '^') {
      set.negated = true;
      ++i_;
    }
    bool first = true;
    while (true) {
      if (at_end()) return false;
      if (peek() == ']' && !first) {
        ++i_;
        return true;
      }
      first = false;
      if (p_.substr(i_, 2) == "[:") {
        const std::size_t close = p_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return false;
        std::string_view name = p_.substr(i_ + 2, close - i_ - 2);
        if (!name.empty() && name[0] == '^') return false;
        CharSet s;
        if (!posix_class(name, s)) return false;
        set.ranges.insert(set.ranges.end(), s.ranges.begin(), s.ranges.end());
        i_ = close + 2;
        continue;
      }
      char32_t lo;
      if (peek() == '\\') {
        ++i_;
        if (at_end()) return false;
        CharSet s;
        bool is_set = false;
        if (!escape_item(s, is_set, lo)) return false;
        if (is_set) {
          if (s.negated) return false;
          set.ranges.insert(set.ranges.end(), s.ranges.begin(), s.ranges.end());
          set.properties.insert(set.properties.end(), s.properties.begin(), s.properties.end());
          continue;
        }
      } else {
        lo = next_char();
      }
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (peek() == '\\') {
          ++i_;
          CharSet s;
          bool is_set = false;
          if (!escape_item(s, is_set, hi) || is_set) return false;
        } else {
          hi = next_char();
        }
        if (hi < lo) return false;
      }
      set.ranges.push_back({lo, hi});
    }
  }

  // Whether `c` is in `set`, by its ranges and properties, before negation.
  bool in_positive(const CharSet& set, char32_t c) {
    for (const auto& r : set.ranges)
      if (c >= r.lo && c <= r.hi) return true;
    for (const auto& [name, negated] : set.properties)
      if (has_property(name, c) != negated) return true;
    return false;
  }
  bool contains(const CharSet& set, char32_t c) { return in_positive(set, c) != set.negated; }

  // Whether `set` holds some non-ASCII character without a code of its own: those all read
  // as kOther. Errs towards yes.
  bool may_hold_other(const CharSet& set) {
    if (set.negated) {
      for (const auto& r : set.ranges)
        if (r.lo <= 0x80 && r.hi >= 0x10FFFF) return false;
      return true;
    }
    if (!set.properties.empty()) return true;
    for (const auto& r : set.ranges) {
      if (r.hi < 0x80) continue;
      const char32_t lo = std::max<char32_t>(r.lo, 0x80);
      const auto first = std::lower_bound(a_.chars_.begin(), a_.chars_.end(), lo);
      const auto last = std::upper_bound(a_.chars_.begin(), a_.chars_.end(), r.hi);
      if (static_cast<std::size_t>(last - first) < static_cast<std::size_t>(r.hi - lo) + 1) return true;
    }
    return false;
  }

  // Whether `c` has the Unicode property `name` as RE2 sees it (RE2's tables, not ICU's), asked
  // of RE2 once per property and character and remembered for the whole build.
  bool has_property(const std::string& name, char32_t c) {
    auto& known = a_.property_cache_[name];
    if (const auto it = known.find(c); it != known.end()) return it->second;
    auto& re = a_.property_res_[name];
    if (!re) {
      RE2::Options o;
      o.set_log_errors(false);
      re = std::make_unique<RE2>("\\p{" + name + "}", o);
    }
    bool has = true;  // unreachable when RE2 accepted the pattern; errs towards a wider class
    if (re->ok()) {
      char buf[4];
      const int len = utf8_length(c);
      put_utf8(buf, c, len);
      has = RE2::FullMatch(std::string_view(buf, static_cast<std::size_t>(len)), *re);
    }
    known.emplace(c, has);
    return has;
  }

  // Writes the codes of the characters in `set` as a pattern that reads one whole code. The
  // same class is often written many times (\p{Han} 80 times in the shipped packs): the text is
  // worked out once per alphabet.
  void emit(const CharSet& set, std::string& out) {
    std::string key(set.negated ? "^" : "+");
    for (const auto& r : set.ranges) key += std::to_string(r.lo) + "-" + std::to_string(r.hi) + ",";
    for (const auto& [name, negated] : set.properties) key += (negated ? "P" : "p") + name + ",";
    auto& cached = a_.class_cache_[key];
    if (cached.empty()) emit_uncached(set, cached);
    out += cached;
  }

  void emit_uncached(const CharSet& set, std::string& out) {
    std::bitset<256> singles;
    for (unsigned b = 0; b < 256; ++b) {
      const char32_t owner = a_.single_owner_[b];
      bool in = false;
      if (b < 128) in = contains(set, b);
      if (!in && owner != 0) in = contains(set, owner);
      if (!in && b == kOther) in = may_hold_other(set);
      singles[b] = in && (b < 128 || owner != 0);
    }
    // Two-byte codes, grouped by their first byte.
    std::array<std::bitset<256>, 256> trails{};
    for (std::size_t k = 0; k < a_.chars_.size(); ++k) {
      const auto& code = a_.char_codes_[k];
      if (code.len == 2 && contains(set, a_.chars_[k])) trails[code.b0].set(code.b1);
    }
    std::vector<std::pair<std::bitset<256>, std::bitset<256>>> groups;  // trails, their leads
    for (unsigned l = 0; l < 256; ++l) {
      if (trails[l].none()) continue;
      auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == trails[l]; });
      if (g == groups.end()) {
        groups.push_back({trails[l], {}});
        g = groups.end() - 1;
      }
      g->second.set(l);
    }

    std::vector<std::string> parts;
    if (singles.any()) {
      std::string part = "[";
      append_ranges(part, [&](unsigned b) { return singles[b]; }, 256);
      parts.push_back(part + "]");
    }
    for (const auto& group : groups) {
      // Named references, not a structured binding: clang 14 (the fuzz build) cannot capture one.
      const auto& trail_bits = group.first;
      const auto& leads = group.second;
      std::string part = "[";
      append_ranges(part, [&](unsigned b) { return leads[b]; }, 256);
      part += "][";
      append_ranges(part, [&](unsigned b) { return trail_bits[b]; }, 256);
      parts.push_back(part + "]");
    }
    if (parts.empty()) {
      out += "[^\\x{00}-\\x{ff}]";  // matches nothing, like the original
    } else if (parts.size() == 1) {
      out += parts[0];
    } else {
      out += "(?:";
      for (std::size_t k = 0; k < parts.size(); ++k) out += (k ? "|" : "") + parts[k];
      out += ')';
    }
  }

  template <typename In>
  static void append_ranges(std::string& out, In in, unsigned limit) {
    for (unsigned b = 0; b < limit;) {
      if (!in(b)) {
        ++b;
        continue;
      }
      unsigned e = b;
      while (e + 1 < limit && in(e + 1)) ++e;
      append_byte(out, b);
      if (e > b) {
        out += '-';
        append_byte(out, e);
      }
      b = e + 1;
    }
  }

  const CompressedAlphabet& a_;
  std::string_view p_;
  std::size_t i_ = 0;
};

namespace {

// Every character a pattern names: literals, class members and range ends. Rough on purpose:
// a character picked up that the pattern does not really name only gets a code it need not
// have.
void pattern_characters(std::string_view p, std::vector<char32_t>& out) {
  for (std::size_t i = 0; i < p.size();) {
    const std::size_t at = i;
    const char32_t c = next_char(p, i);
    if (c >= 0x80) {
      out.push_back(c);
    } else if (c == '\\' && at + 2 < p.size() && p[at + 1] == 'x') {
      // \x{HHHH}: a character written as a number
      std::size_t j = at + 2;
      std::string hex;
      if (p[j] == '{') {
        const std::size_t close = p.find('}', j);
        if (close != std::string_view::npos) hex = std::string(p.substr(j + 1, close - j - 1));
      }
      if (!hex.empty() && hex.size() <= 6 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
        const auto named = static_cast<char32_t>(std::stoul(hex, nullptr, 16));
        if (named >= 0x80 && named <= 0x10FFFF) out.push_back(named);
      }
    }
  }
}

}  // namespace

CompressedAlphabet CompressedAlphabet::build(const std::vector<std::string>& patterns,
                                             const std::vector<std::string>& sample) {
  CompressedAlphabet a;
  std::vector<char32_t> chars;
  for (const std::string& p : patterns) pattern_characters(p, chars);
  std::sort(chars.begin(), chars.end());
  chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
  a.chars_ = chars;

  // How often each pattern character occurs in the sample: the most frequent get one byte.
  std::unordered_map<char32_t, std::size_t> frequency;
  for (const std::string& text : sample) {
    for (std::size_t i = 0; i < text.size();) {
      const char32_t c = next_char(text, i);
      if (c >= 0x80 && std::binary_search(chars.begin(), chars.end(), c)) ++frequency[c];
    }
  }
  std::vector<std::size_t> order(chars.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const auto fx = frequency.count(chars[x]) ? frequency[chars[x]] : 0;
    const auto fy = frequency.count(chars[y]) ? frequency[chars[y]] : 0;
    return fx > fy;
  });

  // Single-byte codes: ASCII byte values that never occur in normalized text and mean nothing
  // to \w, \s or \d, then high bytes not needed for two-byte codes.
  const std::bitset<128> in_text = ascii_in_text();
  std::vector<std::uint8_t> pool;
  for (unsigned b = 1; b < 128; ++b)
    if (b != kOther && !in_text[b] && !word_byte(b) && !space_byte(b)) pool.push_back(static_cast<std::uint8_t>(b));
  unsigned high_singles = 128, leads = 0, trails = 0;
  for (;; --high_singles) {
    const std::size_t singles = pool.size() + high_singles;
    const std::size_t rest = chars.size() > singles ? chars.size() - singles : 0;
    const unsigned free = 128 - high_singles;
    trails = free / 2;
    leads = free - trails;
    if (std::size_t{leads} * trails >= rest || high_singles == 0) break;
  }
  for (unsigned b = 0x80 + trails + leads; b < 0x100; ++b) pool.push_back(static_cast<std::uint8_t>(b));
  const unsigned trail_first = 0x80, lead_first = 0x80 + trails;

  a.char_codes_.assign(chars.size(), Code{1, kOther, 0});
  std::size_t pairs = 0;
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const std::size_t k = order[rank];
    Code& code = a.char_codes_[k];
    if (rank < pool.size()) {
      code = {1, pool[rank], 0};
    } else {
      // Two bytes; past 64 x 64 characters codes are shared, which the Set tolerates (it is a
      // filter) and the rewriter accounts for (a shared code is in a class if any of its
      // characters is).
      const std::size_t n = pairs++ % (std::size_t{leads} * trails);
      code = {2, static_cast<std::uint8_t>(lead_first + n / trails), static_cast<std::uint8_t>(trail_first + n % trails)};
    }
  }

  a.index();
  return a;
}

void CompressedAlphabet::index() {
  single_owner_.fill(0);
  singles_ = 0;
  for (std::size_t k = 0; k < chars_.size(); ++k)
    if (char_codes_[k].len == 1) {
      single_owner_[char_codes_[k].b0] = chars_[k];
      ++singles_;
    }
  bmp_.assign(0x10000, kOther);
  for (unsigned c = 0; c < 128; ++c) bmp_[c] = static_cast<std::uint16_t>(c);
  for (std::size_t k = 0; k < chars_.size(); ++k)
    if (chars_[k] < 0x10000) bmp_[chars_[k]] = static_cast<std::uint16_t>(char_codes_[k].b0 | (char_codes_[k].b1 << 8));
}

std::vector<std::uint32_t> CompressedAlphabet::codes() const {
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k < chars_.size(); ++k) {
    const Code& c = char_codes_[k];
    out.push_back(static_cast<std::uint32_t>(chars_[k]));
    out.push_back(static_cast<std::uint32_t>(c.len | c.b0 << 8 | c.b1 << 16));
  }
  return out;
}

std::optional<CompressedAlphabet> CompressedAlphabet::from_codes(const std::vector<std::uint32_t>& codes) {
  if (codes.size() % 2) return std::nullopt;
  CompressedAlphabet a;
  for (std::size_t k = 0; k < codes.size(); k += 2) {
    const std::uint32_t c = codes[k + 1];
    const Code code{static_cast<std::uint8_t>(c & 0xFF), static_cast<std::uint8_t>(c >> 8), static_cast<std::uint8_t>(c >> 16)};
    if ((code.len != 1 && code.len != 2) || (k > 0 && codes[k] <= codes[k - 2]) || codes[k] > 0x10FFFF) return std::nullopt;
    a.chars_.push_back(static_cast<char32_t>(codes[k]));
    a.char_codes_.push_back(code);
  }
  a.index();
  return a;
}

CompressedAlphabet::Code CompressedAlphabet::code_of(char32_t c) const {
  if (c < 0x80) return {1, static_cast<std::uint8_t>(c), 0};
  const auto it = std::lower_bound(chars_.begin(), chars_.end(), c);
  if (it != chars_.end() && *it == c) return char_codes_[static_cast<std::size_t>(it - chars_.begin())];
  return {1, kOther, 0};
}

std::optional<std::string> CompressedAlphabet::rewrite(std::string_view pattern) const {
  return AlphabetRewriter(*this, pattern).run();
}

std::size_t CompressedAlphabet::encode(const Normalized& text, char* out) const {
  const FoldedChar* chars = text.chars();
  const std::size_t n = text.size();
  const std::uint16_t* bmp = bmp_.data();
  char* o = out;
  for (std::size_t k = 0; k < n; ++k) {
    const char32_t c = chars[k].cp;
    std::uint16_t code;
    if (c < 0x10000) {
      code = bmp[c];
    } else {
      const Code x = code_of(c);
      code = static_cast<std::uint16_t>(x.b0 | (x.len == 2 ? x.b1 << 8 : 0));
    }
    // Both bytes are written; the second only counts for a two-byte code.
    o[0] = static_cast<char>(code & 0xFF);
    o[1] = static_cast<char>(code >> 8);
    o += 1 + (code > 0xFF);
  }
  return static_cast<std::size_t>(o - out);
}

}  // namespace replylint::detail

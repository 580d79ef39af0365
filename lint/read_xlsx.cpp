// .xlsx workbooks (Office Open XML): every sheet, in the workbook's order, is a table like a
// CSV file: its first non-blank row is the header, the reply columns are found as in CSV
// (`columns:` or by name), and every non-blank cell below in a reply column is a reply, at
// SHEET!CELL. Shared strings (rich text runs joined, phonetic guides left out), inline strings
// and formulas' cached values are read. A sheet with no reply column (notes, a cover sheet) is
// skipped; a workbook where no sheet has one is an error.
//
// The container is read with libzip and the XML with expat. Workbooks come from anywhere, so
// the reader caps what it inflates (SECURITY.md): entries in the archive, the uncompressed size
// of each part it reads and of all of them, and refuses documents with a DOCTYPE.
#include <expat.h>
#include <zip.h>

#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "readers.hpp"

namespace replylint::lint {
namespace {

constexpr zip_int64_t kMaxEntries = 10000;
constexpr std::size_t kMaxPartBytes = std::size_t{64} << 20;    // one XML part, uncompressed
constexpr std::size_t kMaxTotalBytes = std::size_t{256} << 20;  // every part read, uncompressed

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Workbook {
 public:
  // The archive, or nullopt with `error` set.
  bool open(std::string_view bytes, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    if (src) {
      zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &ze));
      if (!zip_) zip_source_free(src);
    }
    if (!zip_) {
      error = std::string("not an .xlsx workbook (") + zip_error_strerror(&ze) +
              "); an Excel 97-2003 file renamed .xlsx? Save it as .xlsx (Excel Workbook) or CSV UTF-8";
      zip_error_fini(&ze);
      return false;
    }
    zip_error_fini(&ze);
    if (zip_get_num_entries(zip_.get(), 0) > kMaxEntries) {
      error = "the workbook has more than " + std::to_string(kMaxEntries) + " parts; not read (SECURITY.md)";
      return false;
    }
    return true;
  }

  // The part at `name`: nullopt when it is missing (error empty) or cannot be read (error set).
  std::optional<std::string> part(const std::string& name, std::string& error) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      error = name + ": cannot read this part of the workbook";
      return std::nullopt;
    }
    if (st.size > kMaxPartBytes || total_ + st.size > kMaxTotalBytes) {
      error = too_big(name);
      return std::nullopt;
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0),
                                                         zip_fclose);
    if (!f) {
      error = name + ": cannot read this part of the workbook (" + zip_strerror(zip_.get()) + ")";
      return std::nullopt;
    }
    // The declared size is not trusted: reading stops at the cap whatever the header says.
    std::string out;
    char buf[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0) {
        error = name + ": the workbook is damaged (" + zip_file_strerror(f.get()) + ")";
        return std::nullopt;
      }
      if (n == 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      if (out.size() > kMaxPartBytes || total_ + out.size() > kMaxTotalBytes) {
        error = too_big(name);
        return std::nullopt;
      }
    }
    total_ += out.size();
    return out;
  }

 private:
  static std::string too_big(const std::string& name) {
    return name + ": this part of the workbook is larger than " + std::to_string(kMaxPartBytes >> 20) +
           " MiB uncompressed (or the parts together than " + std::to_string(kMaxTotalBytes >> 20) +
           " MiB); not read (SECURITY.md)";
  }

  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::size_t total_ = 0;
};

// An XML element as the callbacks see it: its local name (prefix dropped) and attributes.
struct Element {
  std::string_view name;
  const XML_Char** attrs;
  const char* attr(const char* local) const {
    for (const XML_Char** a = attrs; *a; a += 2) {
      const char* colon = std::strrchr(a[0], ':');
      if (std::strcmp(colon ? colon + 1 : a[0], local) == 0) return a[1];
    }
    return nullptr;
  }
};

std::string_view local(const XML_Char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

// Parses one XML part with expat, calling `open`, `close` and `text`; false with `error` set
// when it is not well-formed or has a DOCTYPE (no entity can expand in a workbook).
struct XmlHandlers {
  std::function<void(const Element&)> open;
  std::function<void(std::string_view)> close;
  std::function<void(std::string_view)> text;
};

bool parse_xml(const std::string& name, const std::string& xml, XmlHandlers& h, std::string& error) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> p(XML_ParserCreate(nullptr), XML_ParserFree);
  if (!p) {
    error = "out of memory";
    return false;
  }
  struct Ctx {
    XmlHandlers* h;
    XML_Parser parser;
    bool doctype = false;
  } ctx{&h, p.get()};
  XML_SetUserData(p.get(), &ctx);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const XML_Char* n, const XML_Char** a) {
        auto* c = static_cast<Ctx*>(u);
        if (c->h->open) c->h->open(Element{local(n), a});
      },
      [](void* u, const XML_Char* n) {
        auto* c = static_cast<Ctx*>(u);
        if (c->h->close) c->h->close(local(n));
      });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* s, int len) {
    auto* c = static_cast<Ctx*>(u);
    if (c->h->text) c->h->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  XML_SetStartDoctypeDeclHandler(p.get(), [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* c = static_cast<Ctx*>(u);
    c->doctype = true;
    XML_StopParser(c->parser, XML_FALSE);
  });
  const bool ok = XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
  if (ctx.doctype) {
    error = name + ": a DOCTYPE in a workbook part; not read (SECURITY.md)";
    return false;
  }
  if (!ok) {
    error = name + ":" + std::to_string(XML_GetCurrentLineNumber(p.get())) + ": the workbook is damaged (XML: " +
            XML_ErrorString(XML_GetErrorCode(p.get())) + ")";
    return false;
  }
  return true;
}

// Shared strings: each <si>'s text, its <t> runs joined, phonetic guides (<rPh>) left out.
bool shared_strings(const std::string& name, const std::string& xml, std::vector<std::string>& out, std::string& error) {
  int phonetic = 0;
  bool in_t = false;
  XmlHandlers h;
  h.open = [&](const Element& e) {
    if (e.name == "si") out.emplace_back();
    else if (e.name == "rPh") ++phonetic;
    else if (e.name == "t") in_t = true;
  };
  h.close = [&](std::string_view n) {
    if (n == "rPh") --phonetic;
    else if (n == "t") in_t = false;
  };
  h.text = [&](std::string_view s) {
    if (in_t && phonetic == 0 && !out.empty()) out.back().append(s);
  };
  return parse_xml(name, xml, h, error);
}

struct SheetRef {
  std::string name, part;
};

// The sheets in the workbook's order, with the part each is stored in.
bool sheets(Workbook& book, std::vector<SheetRef>& out, std::string& error) {
  const auto workbook = book.part("xl/workbook.xml", error);
  if (!workbook) {
    if (error.empty()) error = "not an .xlsx workbook (no xl/workbook.xml)";
    return false;
  }
  std::vector<std::pair<std::string, std::string>> named;  // name, relationship id
  XmlHandlers h;
  h.open = [&](const Element& e) {
    if (e.name != "sheet") return;
    const char* n = e.attr("name");
    const char* id = e.attr("id");
    if (n && id) named.emplace_back(n, id);
  };
  if (!parse_xml("xl/workbook.xml", *workbook, h, error)) return false;
  std::map<std::string, std::string> targets;
  if (const auto rels = book.part("xl/_rels/workbook.xml.rels", error)) {
    XmlHandlers r;
    r.open = [&](const Element& e) {
      const char* id = e.attr("Id");
      const char* target = e.attr("Target");
      if (e.name == "Relationship" && id && target) targets[id] = target;
    };
    if (!parse_xml("xl/_rels/workbook.xml.rels", *rels, r, error)) return false;
  } else if (!error.empty()) {
    return false;
  }
  for (const auto& [n, id] : named) {
    const auto it = targets.find(id);
    if (it == targets.end()) continue;
    const std::string& t = it->second;
    out.push_back({n, t.empty() || t[0] != '/' ? "xl/" + t : t.substr(1)});
  }
  return true;
}

// "B7" → column 1 (0-based), row 7; false when it is no cell reference.
bool parse_ref(std::string_view ref, std::size_t& column, long& row) {
  std::size_t i = 0, col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (col == 0 || i == ref.size()) return false;
  long r = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || r > 10000000) return false;
    r = r * 10 + (ref[i] - '0');
  }
  if (r == 0) return false;
  column = col - 1;
  row = r;
  return true;
}

std::string column_letters(std::size_t column) {
  std::string s;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

// A sheet's name as a formula writes it: quoted when it holds more than letters and digits.
std::string sheet_prefix(const std::string& name) {
  bool plain = !name.empty();
  for (unsigned char c : name)
    if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
  if (plain) return name + "!";
  std::string q = "'";
  for (char c : name) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'!";
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// One sheet's cells, row by row, into replies.
class SheetReader {
 public:
  SheetReader(const SheetRef& sheet, const std::vector<std::string>& strings, const ReadSettings& settings,
              ReadResult& out)
      : sheet_(sheet), strings_(strings), settings_(settings), out_(out) {}

  bool read(const std::string& xml, std::string& error) {
    XmlHandlers h;
    h.open = [&](const Element& e) { open(e); };
    h.close = [&](std::string_view n) { close(n); };
    h.text = [&](std::string_view s) {
      if (in_value_ || in_t_) value_.append(s);
    };
    if (!parse_xml(sheet_.part, xml, h, error)) return false;
    end_row();
    return true;
  }

  bool had_columns() const { return !columns_.empty(); }
  bool had_cells() const { return !header_.empty(); }

 private:
  void open(const Element& e) {
    if (e.name == "row") {
      end_row();
      long r = 0;
      if (const char* a = e.attr("r")) r = std::strtol(a, nullptr, 10);
      row_ = r > 0 ? r : row_ + 1;
      next_column_ = 0;
    } else if (e.name == "c") {
      const char* ref = e.attr("r");
      std::size_t col = next_column_;
      long row = 0;
      if (!ref || !parse_ref(ref, col, row)) col = next_column_;
      column_ = col;
      next_column_ = col + 1;
      const char* t = e.attr("t");
      type_ = t ? t : "n";
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && e.name == "v") {
      in_value_ = true;
    } else if (in_cell_ && e.name == "rPh") {
      ++phonetic_;
    } else if (in_cell_ && e.name == "t" && phonetic_ == 0) {
      in_t_ = true;  // an inline string's text
    }
  }

  void close(std::string_view n) {
    if (n == "v") in_value_ = false;
    else if (n == "t") in_t_ = false;
    else if (n == "rPh") --phonetic_;
    else if (n == "c" && in_cell_) {
      in_cell_ = false;
      std::string text;
      if (type_ == "s") {
        const unsigned long k = std::strtoul(value_.c_str(), nullptr, 10);
        if (!blank(value_) && k < strings_.size()) text = strings_[k];
      } else {
        text = value_;  // inlineStr, str (a formula's result), numbers, booleans
      }
      if (!blank(text)) cells_[column_] = std::move(text);
    }
  }

  void end_row() {
    if (cells_.empty()) return;
    if (header_.empty()) {
      std::size_t width = cells_.rbegin()->first + 1;
      header_.assign(width, std::string());
      for (auto& [col, text] : cells_) header_[col] = text;
      columns_ = reply_columns(header_, settings_);
      question_ = buyer_column(header_, columns_, settings_);
    } else {
      for (std::size_t col : columns_) {
        const auto it = cells_.find(col);
        if (it == cells_.end()) continue;
        ReplyBuilder b;
        b.decoded(it->second, 0);
        Reply reply = b.finish(0);
        const std::string ref = column_letters(col) + std::to_string(row_);
        reply.cell = sheet_prefix(sheet_.name) + ref;
        reply.where = "row " + std::to_string(row_) + ", " + header_[col];
        if (question_)
          if (const auto q = cells_.find(*question_); q != cells_.end()) reply.buyer = q->second;
        out_.replies.push_back(std::move(reply));
      }
    }
    cells_.clear();
  }

  const SheetRef& sheet_;
  const std::vector<std::string>& strings_;
  const ReadSettings& settings_;
  ReadResult& out_;
  std::vector<std::string> header_;
  std::vector<std::size_t> columns_;
  std::optional<std::size_t> question_;  // the buyer's-question column, if the header has one
  std::map<std::size_t, std::string> cells_;  // the row's non-blank cells by column
  long row_ = 0;
  std::size_t column_ = 0, next_column_ = 0;
  std::string type_, value_;
  bool in_cell_ = false, in_value_ = false, in_t_ = false;
  int phonetic_ = 0;
};

}  // namespace

ReadResult read_xlsx(std::string_view bytes, const ReadSettings& settings) {
  ReadResult r;
  std::string error;
  auto fail = [&](std::string message) {
    r.replies.clear();
    r.fatal = Problem{0, std::move(message)};
    return std::move(r);
  };
  Workbook book;
  if (!book.open(bytes, error)) return fail(error);
  std::vector<SheetRef> list;
  if (!sheets(book, list, error)) return fail(error);
  std::vector<std::string> strings;
  if (const auto xml = book.part("xl/sharedStrings.xml", error)) {
    if (!shared_strings("xl/sharedStrings.xml", *xml, strings, error)) return fail(error);
  } else if (!error.empty()) {
    return fail(error);
  }
  bool any_columns = false, any_cells = false;
  std::string names;
  for (const SheetRef& sheet : list) {
    const auto xml = book.part(sheet.part, error);
    if (!xml) return fail(error.empty() ? sheet.part + ": missing from the workbook" : error);
    SheetReader reader(sheet, strings, settings, r);
    if (!reader.read(*xml, error)) return fail(error);
    any_columns = any_columns || reader.had_columns();
    any_cells = any_cells || reader.had_cells();
    names += (names.empty() ? "" : ", ") + sheet.name;
  }
  if (any_cells && !any_columns) return fail("no sheet (" + names + ") has a reply column: " + no_reply_column(settings));
  return r;
}

}  // namespace replylint::lint

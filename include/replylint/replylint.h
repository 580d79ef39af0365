/* replylint/replylint.h: the stable C API of replylint, for C clients and language bindings.
 *
 * A chat client builds one engine at start-up, then checks every draft before it is sent:
 *
 *   #include <replylint/replylint.h>
 *
 *   replylint_engine* engine = NULL;
 *   replylint_error* err = NULL;
 *   if (replylint_engine_from_embedded(&engine, &err) != REPLYLINT_OK) {
 *     fprintf(stderr, "%s\n", err ? err->text : "out of memory");   // "shop.yaml:3:5: error: … [rule]"
 *     replylint_error_free(err);
 *     return 2;
 *   }
 *   replylint_report* report = NULL;
 *   if (replylint_check(engine, draft, strlen(draft), NULL, &report, NULL) == REPLYLINT_OK) {
 *     for (size_t i = 0; i < replylint_report_count(report); ++i) {
 *       const replylint_violation* v = replylint_report_violation(report, i);
 *       printf("%s (%d points) at \"%s\": %s\n", v->rule, v->points, v->text, v->suggestion);
 *     }
 *   }
 *   replylint_report_free(report);
 *   replylint_engine_free(engine);
 *
 * Conventions, for every function:
 *  - Status: functions that can fail return an int, REPLYLINT_OK (0) or a REPLYLINT_ERR_*
 *    code; replylint_status_string() names it. Those that build something also take a
 *    `replylint_error** error`: NULL when the caller wants no details, else it receives NULL on
 *    success or a record (file, line, column, rule, message) that the caller frees with
 *    replylint_error_free(). Out-parameters are set to NULL on failure.
 *  - Nothing throws across this API, nothing aborts on bad input, nothing is printed.
 *  - Strings are UTF-8 and NUL-terminated unless a length is passed with them. A reply may hold
 *    any bytes, NUL and invalid UTF-8 included: invalid bytes are skipped for matching and
 *    flagged (replylint_report_invalid_utf8); offsets still index the original bytes.
 *  - Every *_free function accepts NULL. A handle passed after it was freed, or a handle of the
 *    wrong kind, is answered with REPLYLINT_ERR_BAD_HANDLE (or 0 / NULL by getters) when it can
 *    be detected: a freed handle's shell is kept for the next 256 frees of the freeing thread.
 *    Do not rely on it: it is a seat belt for bugs, not a feature.
 *
 * Ownership and lifetimes: every handle is owned by the caller and freed with its *_free
 * function. Pointers returned by getters (violations, rules, strings in them) live as long as
 * the handle they came from. A report does not refer to its engine or reply: freeing the
 * engine first is fine. Freeing an engine while another thread still checks with it is not:
 * for reloading rules while checks run, use a replylint_slot (below).
 *
 * Thread safety: an engine and a slot may be used from any number of threads at once (every
 * function taking a const handle is safe to call concurrently). Options may be shared between
 * threads once they are no longer modified. Reports and error records belong to one thread at
 * a time.
 *
 * ABI: handles are opaque; structs are only ever extended at their end, and arrays of them are
 * read through index getters, so a program built against this header keeps working with later
 * 0.x releases of the same SONAME. */
#ifndef REPLYLINT_H
#define REPLYLINT_H

#include <stddef.h>
#include <stdint.h>

#include "replylint/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes ---------------------------------------------------------------------- */
#define REPLYLINT_OK 0
#define REPLYLINT_ERR_INVALID_ARGUMENT 1 /* NULL where a value is needed, an id that is not valid UTF-8 or
                                            unknown to the engine, points outside 0..48, an empty pack list */
#define REPLYLINT_ERR_IO 2               /* a rules folder or file could not be read */
#define REPLYLINT_ERR_YAML_SYNTAX 3      /* a pack is not well-formed YAML */
#define REPLYLINT_ERR_SCHEMA 4           /* a pack is YAML but breaks the schema (rules/README.md) */
#define REPLYLINT_ERR_BAD_PATTERN 5      /* RE2 refused a pattern, or it can match the empty string */
#define REPLYLINT_ERR_DUPLICATE_RULE 6   /* two loaded rules (or packs) share an id */
#define REPLYLINT_ERR_OUT_OF_MEMORY 7    /* allocation or RE2's memory budget failed */
#define REPLYLINT_ERR_TOO_LONG 8         /* a reply is longer than the limit in force */
#define REPLYLINT_ERR_INTERNAL 9         /* a bug in replylint: please report it with the input */
#define REPLYLINT_ERR_BAD_HANDLE 10      /* a handle that is not live: freed, or of another kind */

/* "ok", "invalid argument", ...; a static string, never NULL ("unknown status" for others). */
REPLYLINT_API const char* replylint_status_string(int status);

/* The library's version, "MAJOR.MINOR.PATCH", static; and as MAJOR*10000 + MINOR*100 + PATCH. */
REPLYLINT_API const char* replylint_version(void);
REPLYLINT_API uint32_t replylint_version_number(void);

/* ---- Error records --------------------------------------------------------------------- */
typedef struct replylint_error {
  int code;            /* a REPLYLINT_ERR_* value */
  const char* message; /* one sentence, English, no trailing period */
  const char* file;    /* the pack file it is about, "" when none */
  int line;            /* 1-based, 0 when unknown */
  int column;          /* 1-based, in characters, 0 when unknown */
  const char* rule;    /* the rule id (or the option id) it is about, "" when none */
  const char* text;    /* all of the above as one line: "FILE:LINE:COLUMN: error: MESSAGE [RULE]" */
} replylint_error;

REPLYLINT_API void replylint_error_free(replylint_error* error);

/* ---- Engines: compiled rule packs, immutable, shared by any number of threads ------------ */
typedef struct replylint_engine replylint_engine;

/* A pack as YAML text in memory. */
typedef struct replylint_pack_text {
  const char* file; /* a name for error messages, "shop.yaml"; NULL means "<memory>" */
  const char* yaml; /* the pack's YAML (rules/README.md); need not be NUL-terminated */
  size_t yaml_length;
} replylint_pack_text;

/* The packs built into the library. */
REPLYLINT_API int replylint_engine_from_embedded(replylint_engine** out, replylint_error** error);
/* Every *.yaml file of `dir`. Errors also: IO, YAML_SYNTAX, SCHEMA. */
REPLYLINT_API int replylint_engine_from_directory(const char* dir, replylint_engine** out,
                                                  replylint_error** error);
/* `count` packs given as text. Errors: as from_directory; INVALID_ARGUMENT when count is 0. */
REPLYLINT_API int replylint_engine_from_yaml(const replylint_pack_text* packs, size_t count,
                                             replylint_engine** out, replylint_error** error);
REPLYLINT_API void replylint_engine_free(replylint_engine* engine);

/* The engine's rules, in load order, for listings. */
typedef struct replylint_rule {
  const char* id;   /* "off-platform.wechat" */
  const char* pack; /* "off-platform" */
  const char* title;
  const char* message;
  const char* suggestion;
  const char* source; /* the platform rule it encodes */
  int points;
  /* Last, so that the struct only grows (older clients read the fields above): the platform rule this rule counts
   * under ("invoice.invoice"; rules sharing one count once per reply, at the highest). */
  const char* platform_rule;
} replylint_rule;

REPLYLINT_API size_t replylint_engine_rule_count(const replylint_engine* engine); /* 0 for a bad handle */
/* NULL when `index` is out of range or the handle is bad. */
REPLYLINT_API const replylint_rule* replylint_engine_rule(const replylint_engine* engine, size_t index);

/* ---- Per-call options: which packs or rules apply for this shop, points, a length limit -- */
/* Build once per shop, reuse for every check. Ids are checked against the engine at each
 * replylint_check(): one it does not know is INVALID_ARGUMENT naming the id, never ignored. */
typedef struct replylint_options replylint_options;

REPLYLINT_API int replylint_options_new(replylint_options** out);
REPLYLINT_API void replylint_options_free(replylint_options* options);
/* Only rules named this way, or in a pack named this way, are reported. Call once per id. */
REPLYLINT_API int replylint_options_only(replylint_options* options, const char* pack_or_rule_id);
/* Rules named this way, or in a pack named this way, are never reported (beats only). */
REPLYLINT_API int replylint_options_skip(replylint_options* options, const char* pack_or_rule_id);
/* The rule costs `points` (0..48) instead of its own; 0 reports it at no cost. Once per rule. */
REPLYLINT_API int replylint_options_points(replylint_options* options, const char* rule_id, int points);
/* Replies longer than `max_bytes` are refused with TOO_LONG; 0 means the engine's limit (1 MiB). */
REPLYLINT_API int replylint_options_max_reply_bytes(replylint_options* options, size_t max_bytes);

/* ---- Checking a reply ------------------------------------------------------------------ */
typedef struct replylint_report replylint_report;

/* A broken rule, with its span in the ORIGINAL reply, end exclusive, in three units: bytes
 * (C, Python bytes), code points (Python str) and UTF-16 code units (JavaScript, Java, C#,
 * Windows); an invalid UTF-8 byte counts as one unit in each. */
typedef struct replylint_violation {
  const char* rule; /* "off-platform.wechat" */
  const char* pack; /* "off-platform" */
  const char* title;
  int points; /* what it costs the shop (after a points override) */
  uint32_t start, end;             /* bytes */
  uint32_t char_start, char_end;   /* Unicode code points */
  uint32_t utf16_start, utf16_end; /* UTF-16 code units */
  const char* text;   /* the original bytes of the span, NUL-terminated (may hold invalid UTF-8) */
  size_t text_length; /* == end - start */
  const char* message;    /* which platform rule is broken and why */
  const char* suggestion; /* a compliant way to say it */
  /* Appended after the fields above, as the ABI promises. The platform rule broken, "<pack>.<name>":
   * one incident of a platform rule costs its points once, so of the violations of a report
   * sharing it only the one with the most points (the first of equals) has counted == 1 and
   * adds to replylint_report_points(); the others are shown with counted == 0. */
  const char* platform_rule;
  int counted; /* 1 or 0 */
} replylint_violation;

/* Checks `length` bytes at `text` (NULL is fine when length is 0). `options` may be NULL.
 * Errors: INVALID_ARGUMENT, BAD_HANDLE, TOO_LONG, OUT_OF_MEMORY. */
REPLYLINT_API int replylint_check(const replylint_engine* engine, const char* text, size_t length,
                                  const replylint_options* options, replylint_report** out,
                                  replylint_error** error);
/* The same, with the buyer's last message (`buyer_length` bytes at `buyer`) as the reply's
 * context: rules that judge a consent (the buyer asked for a QQ number, the reply says 有的)
 * fire only here. A NULL or empty buyer is the same as replylint_check(). The buyer's message
 * is bound by the same length limit as the reply. Errors: as replylint_check (INVALID_ARGUMENT
 * for a NULL buyer with a length). */
REPLYLINT_API int replylint_check_with_buyer(const replylint_engine* engine, const char* buyer,
                                             size_t buyer_length, const char* text, size_t length,
                                             const replylint_options* options, replylint_report** out,
                                             replylint_error** error);

/* Violations: at most one per rule, ordered by start, then rule id. Getters return 0 / NULL for
 * a bad handle or an index out of range. */
REPLYLINT_API size_t replylint_report_count(const replylint_report* report);
REPLYLINT_API const replylint_violation* replylint_report_violation(const replylint_report* report,
                                                                    size_t index);
REPLYLINT_API int replylint_report_points(const replylint_report* report); /* sum of the counted */
REPLYLINT_API int replylint_report_invalid_utf8(const replylint_report* report); /* 1 or 0 */
REPLYLINT_API void replylint_report_free(replylint_report* report);

/* ---- Masking contact and buyer data before a reply is shown or logged ----------------- */
/* Sets *out to a new NUL-terminated copy of the `length` bytes at `text` (NULL is fine when
 * length is 0) with phone, ID and card numbers (digit runs of 5 or more, 138****5678) and the
 * local part of e-mail addresses masked, decided as the engine reads digits: every digit form
 * it sees as a digit is masked (replylint/mask.hpp says exactly what). Each masked character
 * becomes one '*', every other byte is copied, invalid UTF-8 included, so character offsets
 * of a report (char_start) index the masked text too. *out_length, when out_length is not
 * NULL, receives its length in bytes (without the NUL). Free *out with replylint_mask_free().
 * Errors: INVALID_ARGUMENT (out NULL, text NULL with a length), TOO_LONG (4 GiB or more),
 * OUT_OF_MEMORY; *out is NULL and *out_length 0 then. Thread safe: no state. */
REPLYLINT_API int replylint_mask(const char* text, size_t length, char** out, size_t* out_length);
REPLYLINT_API void replylint_mask_free(char* masked);

/* ---- Reloading rules while checks run --------------------------------------------------- */
/* A slot holds the current engine. Checking threads take a handle from it per draft (cheap);
 * a reloading thread builds a new engine beside the old one and sets it. Checks in flight
 * finish on the engine they took; its memory goes when the last handle to it is freed.
 *
 *   replylint_engine* e = NULL;
 *   replylint_slot_get(slot, &e);  replylint_check(e, ...);  replylint_engine_free(e);
 */
typedef struct replylint_slot replylint_slot;

/* The slot takes its own reference to `engine`: the caller still frees its handle. */
REPLYLINT_API int replylint_slot_new(const replylint_engine* engine, replylint_slot** out);
/* A new handle to the current engine, to free with replylint_engine_free(). */
REPLYLINT_API int replylint_slot_get(const replylint_slot* slot, replylint_engine** out);
/* Makes `next` the current engine (the slot takes its own reference). */
REPLYLINT_API int replylint_slot_set(replylint_slot* slot, const replylint_engine* next);
REPLYLINT_API void replylint_slot_free(replylint_slot* slot);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* REPLYLINT_H */

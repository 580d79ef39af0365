/* The C API from C: results, options, errors, reload slots, and a suite of bad arguments (NULL,
 * invalid UTF-8, wrong and freed handles). Runs on the packs in tests/c_api/packs and on packs
 * given as text (tests/inline_pack.yaml and small ones here), never on the shipped ones; the
 * buyer's message as context on tests/context_pack.
 *
 *   test_c_api PACK_DIR VERSION CONTEXT_PACK_DIR INLINE_PACK */
#define _POSIX_C_SOURCE 200809L
#include <replylint/replylint.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (cond) {                                                            \
      ++passed;                                                            \
    } else {                                                               \
      ++failed;                                                            \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
    }                                                                      \
  } while (0)
#define CHECK_STR(a, b) CHECK((a) != NULL && strcmp((a), (b)) == 0)

static const char* pack_dir;
static const char* context_dir;

static replylint_engine* shop_engine(void) {
  replylint_engine* e = NULL;
  replylint_error* err = NULL;
  int s = replylint_engine_from_directory(pack_dir, &e, &err);
  if (s != REPLYLINT_OK) {
    fprintf(stderr, "cannot load %s: %s\n", pack_dir, err ? err->text : replylint_status_string(s));
    exit(1);
  }
  CHECK(err == NULL);
  return e;
}

static replylint_report* check(const replylint_engine* e, const char* text, const replylint_options* o) {
  replylint_report* r = NULL;
  replylint_error* err = NULL;
  int s = replylint_check(e, text, strlen(text), o, &r, &err);
  CHECK(s == REPLYLINT_OK);
  CHECK(err == NULL);
  if (s != REPLYLINT_OK) {
    fprintf(stderr, "  check(\"%s\"): %s\n", text, err ? err->text : replylint_status_string(s));
    replylint_error_free(err);
  }
  return r;
}

static void test_version(const char* expected) {
  CHECK_STR(replylint_version(), expected);
  unsigned major = 0, minor = 0, patch = 0;
  CHECK(sscanf(expected, "%u.%u.%u", &major, &minor, &patch) == 3);
  CHECK(replylint_version_number() == major * 10000 + minor * 100 + patch);
  for (int s = 0; s <= 10; ++s) CHECK(replylint_status_string(s) != NULL && strlen(replylint_status_string(s)) > 0);
  CHECK_STR(replylint_status_string(REPLYLINT_OK), "ok");
  CHECK_STR(replylint_status_string(REPLYLINT_ERR_TOO_LONG), "reply too long");
  CHECK_STR(replylint_status_string(-1), "unknown status");
  CHECK_STR(replylint_status_string(12345), "unknown status");
}

static void test_rules(void) {
  replylint_engine* e = shop_engine();
  CHECK(replylint_engine_rule_count(e) == 3);
  const replylint_rule* first = replylint_engine_rule(e, 0);
  CHECK(first != NULL);
  if (first) {
    CHECK_STR(first->id, "promise.guarantee"); /* packs load in file-name order */
    CHECK_STR(first->pack, "promise");
    CHECK(first->points == 4);
    CHECK(strlen(first->message) > 0 && strlen(first->suggestion) > 0 && strlen(first->source) > 0);
    CHECK_STR(first->platform_rule, "promise.guarantee"); /* no platform_rule: the rule is its own */
  }
  CHECK(replylint_engine_rule(e, 3) == NULL);
  CHECK(replylint_engine_rule(e, (size_t)-1) == NULL);
  replylint_engine_free(e);

  /* The packs built into the library compile (whatever they hold today). */
  replylint_error* err = NULL;
  int s = replylint_engine_from_embedded(&e, &err);
  CHECK(s == REPLYLINT_OK && replylint_engine_rule_count(e) > 0);
  if (s != REPLYLINT_OK) fprintf(stderr, "  embedded packs: %s\n", err ? err->text : replylint_status_string(s));
  replylint_error_free(err);
  replylint_engine_free(e);
}

/* Offsets in bytes, code points and UTF-16 units, with an emoji (two UTF-16 units) in front. */
static void test_spans(void) {
  replylint_engine* e = shop_engine();
  replylint_report* r = check(e, "\xF0\x9F\x98\x8A亲，加我微信吧", NULL); /* 😊亲，加我微信吧 */
  CHECK(replylint_report_count(r) == 1);
  CHECK(replylint_report_points(r) == 6);
  CHECK(replylint_report_invalid_utf8(r) == 0);
  const replylint_violation* v = replylint_report_violation(r, 0);
  CHECK(v != NULL);
  if (v) {
    CHECK_STR(v->rule, "shop.wechat");
    CHECK_STR(v->pack, "shop");
    CHECK_STR(v->title, "提供微信");
    CHECK(v->points == 6);
    CHECK(v->start == 16 && v->end == 22);             /* 4 + 3 * 4 bytes before */
    CHECK(v->char_start == 5 && v->char_end == 7);     /* 😊 亲 ， 加 我 */
    CHECK(v->utf16_start == 6 && v->utf16_end == 8);   /* 😊 is two UTF-16 units */
    CHECK_STR(v->text, "微信");
    CHECK(v->text_length == 6);
    CHECK(strstr(v->message, "微信") != NULL);
    CHECK(strlen(v->suggestion) > 0);
  }
  CHECK(replylint_report_violation(r, 1) == NULL);
  replylint_report_free(r);

  /* Several rules: ordered by position, points summed; spans keep separators. */
  r = check(e, "电话 138 1234 5678，保证今天发货", NULL);
  CHECK(replylint_report_count(r) == 2);
  CHECK(replylint_report_points(r) == 10);
  v = replylint_report_violation(r, 0);
  CHECK(v && strcmp(v->rule, "shop.phone") == 0 && strcmp(v->text, "138 1234 5678") == 0);
  v = replylint_report_violation(r, 1);
  CHECK(v && strcmp(v->rule, "promise.guarantee") == 0 && strcmp(v->text, "保证今天发货") == 0);
  replylint_report_free(r);

  /* A report outlives its engine. */
  r = check(e, "加我微信", NULL);
  replylint_engine_free(e);
  CHECK(replylint_report_count(r) == 1);
  v = replylint_report_violation(r, 0);
  CHECK(v && strcmp(v->text, "微信") == 0);
  replylint_report_free(r);
}

/* Invalid UTF-8 and NUL bytes in a reply are not an error: flagged, skipped, offsets exact. */
static void test_invalid_utf8_reply(void) {
  replylint_engine* e = shop_engine();
  const char bad[] = "加\xff微\xc0信";
  replylint_report* r = NULL;
  CHECK(replylint_check(e, bad, sizeof bad - 1, NULL, &r, NULL) == REPLYLINT_OK);
  CHECK(replylint_report_invalid_utf8(r) == 1);
  CHECK(replylint_report_count(r) == 1);
  const replylint_violation* v = replylint_report_violation(r, 0);
  if (v) {
    CHECK(v->start == 4 && v->end == 11);
    CHECK(v->text_length == 7 && memcmp(v->text, "微\xc0信", 7) == 0);
    CHECK(v->char_start == 2 && v->char_end == 5);   /* an invalid byte counts as one */
    CHECK(v->utf16_start == 2 && v->utf16_end == 5);
  }
  replylint_report_free(r);

  const char with_nul[] = "加我微\0信";
  CHECK(replylint_check(e, with_nul, sizeof with_nul - 1, NULL, &r, NULL) == REPLYLINT_OK);
  CHECK(replylint_report_count(r) == 1);
  v = replylint_report_violation(r, 0);
  CHECK(v && v->text_length == 7 && memcmp(v->text, "微\0信", 7) == 0);
  replylint_report_free(r);

  /* Truncated, overlong and surrogate sequences, and a lone continuation byte. */
  const char* odd[] = {"\xe5\xbe", "\xc0\xaf微信", "\xed\xa0\x80微信", "\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98"};
  for (size_t i = 0; i < sizeof odd / sizeof odd[0]; ++i) {
    CHECK(replylint_check(e, odd[i], strlen(odd[i]), NULL, &r, NULL) == REPLYLINT_OK);
    CHECK(replylint_report_invalid_utf8(r) == 1);
    replylint_report_free(r);
  }
  /* Empty and NULL-with-zero-length replies are clean. */
  CHECK(replylint_check(e, "", 0, NULL, &r, NULL) == REPLYLINT_OK && replylint_report_count(r) == 0);
  replylint_report_free(r);
  CHECK(replylint_check(e, NULL, 0, NULL, &r, NULL) == REPLYLINT_OK && replylint_report_count(r) == 0);
  replylint_report_free(r);
  replylint_engine_free(e);
}

static void test_options(void) {
  replylint_engine* e = shop_engine();
  const char* reply = "加我微信，电话13812345678，保证今天发货";
  replylint_options* o = NULL;
  replylint_report* r = NULL;
  replylint_error* err = NULL;

  CHECK(replylint_options_new(&o) == REPLYLINT_OK && o != NULL);
  r = check(e, reply, o); /* empty options: the defaults */
  CHECK(replylint_report_count(r) == 3 && replylint_report_points(r) == 16);
  replylint_report_free(r);
  replylint_options_free(o);

  /* skip a whole pack */
  replylint_options_new(&o);
  CHECK(replylint_options_skip(o, "shop") == REPLYLINT_OK);
  r = check(e, reply, o);
  CHECK(replylint_report_count(r) == 1);
  CHECK(replylint_report_violation(r, 0) && strcmp(replylint_report_violation(r, 0)->rule, "promise.guarantee") == 0);
  replylint_report_free(r);
  replylint_options_free(o);

  /* only one pack, minus one rule of it; skip beats only */
  replylint_options_new(&o);
  CHECK(replylint_options_only(o, "shop") == REPLYLINT_OK);
  CHECK(replylint_options_skip(o, "shop.phone") == REPLYLINT_OK);
  r = check(e, reply, o);
  CHECK(replylint_report_count(r) == 1);
  CHECK(replylint_report_violation(r, 0) && strcmp(replylint_report_violation(r, 0)->rule, "shop.wechat") == 0);
  CHECK(replylint_report_points(r) == 6);
  replylint_report_free(r);
  replylint_options_free(o);

  /* points overrides: a shop that weighs WeChat double and the promise at nothing */
  replylint_options_new(&o);
  CHECK(replylint_options_points(o, "shop.wechat", 12) == REPLYLINT_OK);
  CHECK(replylint_options_points(o, "promise.guarantee", 0) == REPLYLINT_OK);
  r = check(e, reply, o);
  CHECK(replylint_report_count(r) == 3);
  CHECK(replylint_report_points(r) == 18);
  CHECK(replylint_report_violation(r, 0) && replylint_report_violation(r, 0)->points == 12);
  replylint_report_free(r);
  replylint_options_free(o);

  /* a maximum reply length for this call */
  replylint_options_new(&o);
  CHECK(replylint_options_max_reply_bytes(o, 12) == REPLYLINT_OK);
  CHECK(replylint_check(e, "加我微信", 12, o, &r, &err) == REPLYLINT_OK);
  replylint_report_free(r);
  CHECK(replylint_check(e, "加我微信吧", 15, o, &r, &err) == REPLYLINT_ERR_TOO_LONG);
  CHECK(r == NULL);
  CHECK(err && err->code == REPLYLINT_ERR_TOO_LONG && strstr(err->text, "over the limit of 12") != NULL);
  replylint_error_free(err);
  replylint_options_free(o);

  /* ids the engine does not know are errors that name them, never silently ignored */
  const char* unknown[] = {"only", "skip", "points"};
  for (int i = 0; i < 3; ++i) {
    replylint_options_new(&o);
    if (i == 0) replylint_options_only(o, "shop.nope");
    if (i == 1) replylint_options_skip(o, "shop.nope");
    if (i == 2) replylint_options_points(o, "shop.nope", 3);
    err = NULL;
    CHECK(replylint_check(e, reply, strlen(reply), o, &r, &err) == REPLYLINT_ERR_INVALID_ARGUMENT);
    CHECK(r == NULL);
    CHECK(err && err->code == REPLYLINT_ERR_INVALID_ARGUMENT);
    CHECK(err && strcmp(err->rule, "shop.nope") == 0);
    CHECK(err && strstr(err->message, unknown[i]) != NULL);
    replylint_error_free(err);
    replylint_options_free(o);
  }
  /* a rule overridden twice */
  replylint_options_new(&o);
  replylint_options_points(o, "shop.wechat", 1);
  replylint_options_points(o, "shop.wechat", 2);
  CHECK(replylint_check(e, reply, strlen(reply), o, &r, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  replylint_options_free(o);

  /* setters refuse what can never be right */
  replylint_options_new(&o);
  CHECK(replylint_options_points(o, "shop.wechat", -1) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_points(o, "shop.wechat", 49) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_only(o, "") == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_only(o, "shop\xff") == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_skip(o, "\xed\xa0\x80") == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_points(o, "\xc0\xaf", 1) == REPLYLINT_ERR_INVALID_ARGUMENT);
  r = check(e, reply, o); /* nothing was added */
  CHECK(replylint_report_count(r) == 3);
  replylint_report_free(r);
  replylint_options_free(o);
  replylint_engine_free(e);
}

/* The pack given as text (tests/inline_pack.yaml, shared with the Python and Node.js tests),
 * read whole by main(). Not NUL-terminated: the API takes a length. */
static char* inline_pack;
static size_t inline_pack_length;

static void read_inline_pack(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f || fseek(f, 0, SEEK_END) != 0) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  const long size = ftell(f);
  rewind(f);
  inline_pack = malloc(size > 0 ? (size_t)size : 1);
  if (size <= 0 || !inline_pack || fread(inline_pack, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  inline_pack_length = (size_t)size;
  fclose(f);
}

static void test_from_yaml(void) {
  replylint_pack_text pack = {"mem.yaml", inline_pack, inline_pack_length};
  replylint_engine* e = NULL;
  replylint_error* err = NULL;
  CHECK(replylint_engine_from_yaml(&pack, 1, &e, &err) == REPLYLINT_OK && e != NULL && err == NULL);
  replylint_report* r = check(e, "加扣扣 88886666 吧", NULL);
  CHECK(replylint_report_count(r) == 1 && replylint_report_points(r) == 5);
  CHECK(replylint_report_violation(r, 0) && strcmp(replylint_report_violation(r, 0)->text, "88886666") == 0);
  replylint_report_free(r);
  replylint_engine_free(e);

  /* a NULL file name reads "<memory>"; the text need not be NUL-terminated */
  char* copy = malloc(inline_pack_length);
  memcpy(copy, inline_pack, inline_pack_length);
  replylint_pack_text unterminated = {NULL, copy, inline_pack_length};
  CHECK(replylint_engine_from_yaml(&unterminated, 1, &e, NULL) == REPLYLINT_OK);
  replylint_engine_free(e);
  free(copy);

  /* the same pack twice */
  replylint_pack_text twice[2] = {pack, {"again.yaml", inline_pack, inline_pack_length}};
  CHECK(replylint_engine_from_yaml(twice, 2, &e, &err) == REPLYLINT_ERR_DUPLICATE_RULE && e == NULL);
  CHECK(err && strcmp(err->file, "again.yaml") == 0);
  replylint_error_free(err);
}

/* Compile errors name the file, line, column and rule. */
static void test_compile_errors(void) {
  replylint_engine* e = NULL;
  replylint_error* err = NULL;
  static const char bad_regex[] =
      "pack: mem\ntitle: t\nversion: 1\nplatform_rules: [x]\nrules:\n"
      "  - id: mem.x\n    title: t\n    points: 1\n    message: m\n    suggestion: s\n    source: s\n"
      "    patterns:\n      - '(微信'\n"
      "    examples:\n      bad: ['[[微信]]', 'a[[微信]]', 'b[[微信]]']\n      good: [a, b, c]\n";
  replylint_pack_text pack = {"bad.yaml", bad_regex, sizeof bad_regex - 1};
  CHECK(replylint_engine_from_yaml(&pack, 1, &e, &err) == REPLYLINT_ERR_BAD_PATTERN);
  CHECK(e == NULL);
  CHECK(err != NULL);
  if (err) {
    CHECK(err->code == REPLYLINT_ERR_BAD_PATTERN);
    CHECK_STR(err->file, "bad.yaml");
    CHECK(err->line == 13);
    CHECK(err->column == 9);
    CHECK_STR(err->rule, "mem.x");
    CHECK(strncmp(err->text, "bad.yaml:13:9: error: ", 22) == 0);
    CHECK(strstr(err->text, "[mem.x]") != NULL);
  }
  replylint_error_free(err);

  static const char unknown_key[] = "pack: mem\ntitle: t\nversion: 1\nplatform_rules: [x]\nrules:\n  - id: mem.x\n    paterns: [a]\n";
  pack.yaml = unknown_key;
  pack.yaml_length = sizeof unknown_key - 1;
  CHECK(replylint_engine_from_yaml(&pack, 1, &e, &err) == REPLYLINT_ERR_SCHEMA);
  CHECK(err && err->line == 7 && strcmp(err->file, "bad.yaml") == 0);
  replylint_error_free(err);

  static const char not_yaml[] = "pack: [unclosed\n";
  pack.yaml = not_yaml;
  pack.yaml_length = sizeof not_yaml - 1;
  CHECK(replylint_engine_from_yaml(&pack, 1, &e, &err) == REPLYLINT_ERR_YAML_SYNTAX);
  CHECK(err && err->line >= 1);
  replylint_error_free(err);

  /* invalid UTF-8 in a pack is refused or loaded, never a crash */
  static const char invalid[] = "pack: mem\ntitle: \xff\xfe\nversion: 1\n";
  pack.yaml = invalid;
  pack.yaml_length = sizeof invalid - 1;
  int s = replylint_engine_from_yaml(&pack, 1, &e, &err);
  CHECK(s == REPLYLINT_ERR_YAML_SYNTAX || s == REPLYLINT_ERR_SCHEMA);
  CHECK(e == NULL && err != NULL && err->code == s);
  replylint_error_free(err);

  CHECK(replylint_engine_from_directory("/nonexistent/replylint-packs", &e, &err) == REPLYLINT_ERR_IO);
  CHECK(e == NULL && err && err->code == REPLYLINT_ERR_IO);
  replylint_error_free(err);
  /* without an error record */
  CHECK(replylint_engine_from_directory("/nonexistent/replylint-packs", &e, NULL) == REPLYLINT_ERR_IO);
}

/* Masking: what the engine reads as digits is masked, one '*' per character, every other byte
 * (invalid UTF-8 too) copied; a NULL text of length 0 is the empty text. */
static void test_mask(void) {
  static const struct {
    const char* text;
    const char* masked;
  } cases[] = {
      {"\xe7\x94\xb5\xe8\xaf\x9d" "13812345678", "\xe7\x94\xb5\xe8\xaf\x9d" "138****5678"},
      /* 电话⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻: parenthesized digits read as digits */
      {"\xe2\x91\xb4\xe2\x91\xb6\xe2\x91\xbb\xe2\x91\xb4\xe2\x91\xb5\xe2\x91\xb6\xe2\x91\xb7\xe2\x91\xb8"
       "\xe2\x91\xb9\xe2\x91\xba\xe2\x91\xbb",
       "\xe2\x91\xb4\xe2\x91\xb6\xe2\x91\xbb****\xe2\x91\xb8\xe2\x91\xb9\xe2\x91\xba\xe2\x91\xbb"},
      {"kf.shop@163.com", "*******@163.com"},
      {"1234 \xff 56", "**** \xff **"},
      {"price 1234", "price 1234"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    char* out = NULL;
    size_t length = 0;
    CHECK(replylint_mask(cases[i].text, strlen(cases[i].text), &out, &length) == REPLYLINT_OK);
    CHECK(out && length == strlen(cases[i].masked) && strcmp(out, cases[i].masked) == 0);
    replylint_mask_free(out);
  }
  char* out = NULL;
  CHECK(replylint_mask(NULL, 0, &out, NULL) == REPLYLINT_OK && out && *out == '\0');
  replylint_mask_free(out);
  /* a NUL inside the text is copied, and the length says where the text ends */
  size_t length = 0;
  CHECK(replylint_mask("12\0" "345", 6, &out, &length) == REPLYLINT_OK && length == 6 && memcmp(out, "**\0***", 6) == 0);
  replylint_mask_free(out);
}

static void test_bad_arguments(void) {
  replylint_engine* e = shop_engine();
  replylint_engine* out = (replylint_engine*)&passed; /* must be reset to NULL on failure */
  replylint_report* r = (replylint_report*)&passed;
  replylint_error* err = NULL;

  /* NULL where a value is needed */
  CHECK(replylint_engine_from_embedded(NULL, &err) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(err && err->code == REPLYLINT_ERR_INVALID_ARGUMENT);
  replylint_error_free(err);
  CHECK(replylint_engine_from_directory(NULL, &out, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT && out == NULL);
  CHECK(replylint_engine_from_directory(pack_dir, NULL, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  out = (replylint_engine*)&passed;
  CHECK(replylint_engine_from_yaml(NULL, 1, &out, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT && out == NULL);
  replylint_pack_text nothing = {NULL, NULL, 5};
  CHECK(replylint_engine_from_yaml(&nothing, 1, &out, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  replylint_pack_text empty = {"e.yaml", "", 0};
  CHECK(replylint_engine_from_yaml(&empty, 0, &out, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_engine_from_yaml(&empty, 1, &out, NULL) != REPLYLINT_OK && out == NULL);

  CHECK(replylint_check(NULL, "a", 1, NULL, &r, &err) == REPLYLINT_ERR_INVALID_ARGUMENT && r == NULL);
  CHECK(err && err->code == REPLYLINT_ERR_INVALID_ARGUMENT);
  replylint_error_free(err);
  CHECK(replylint_check(e, "a", 1, NULL, NULL, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_check(e, NULL, 3, NULL, &r, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT && r == NULL);

  CHECK(replylint_options_new(NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_only(NULL, "shop") == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_skip(NULL, "shop") == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_points(NULL, "shop.wechat", 1) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_max_reply_bytes(NULL, 1) == REPLYLINT_ERR_INVALID_ARGUMENT);
  replylint_options* o = NULL;
  replylint_options_new(&o);
  CHECK(replylint_options_only(o, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_skip(o, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_options_points(o, NULL, 1) == REPLYLINT_ERR_INVALID_ARGUMENT);
  char* masked = (char*)&passed;
  size_t masked_length = 99;
  CHECK(replylint_mask(NULL, 3, &masked, &masked_length) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(masked == NULL && masked_length == 0);
  CHECK(replylint_mask("a", 1, NULL, &masked_length) == REPLYLINT_ERR_INVALID_ARGUMENT);

  /* getters and frees accept NULL */
  CHECK(replylint_report_count(NULL) == 0);
  CHECK(replylint_report_violation(NULL, 0) == NULL);
  CHECK(replylint_report_points(NULL) == 0);
  CHECK(replylint_report_invalid_utf8(NULL) == 0);
  CHECK(replylint_engine_rule_count(NULL) == 0);
  CHECK(replylint_engine_rule(NULL, 0) == NULL);
  replylint_engine_free(NULL);
  replylint_report_free(NULL);
  replylint_options_free(NULL);
  replylint_slot_free(NULL);
  replylint_error_free(NULL);
  replylint_mask_free(NULL);
  ++passed;

  /* a handle of the wrong kind */
  replylint_report* real = check(e, "加我微信", NULL);
  CHECK(replylint_check((const replylint_engine*)real, "a", 1, NULL, &r, NULL) == REPLYLINT_ERR_BAD_HANDLE);
  CHECK(replylint_check(e, "a", 1, (const replylint_options*)real, &r, NULL) == REPLYLINT_ERR_BAD_HANDLE);
  CHECK(replylint_engine_rule_count((const replylint_engine*)real) == 0);
  CHECK(replylint_report_count((const replylint_report*)e) == 0);
  CHECK(replylint_options_only((replylint_options*)e, "shop") == REPLYLINT_ERR_BAD_HANDLE);
  replylint_engine_free((replylint_engine*)real); /* not an engine: ignored */
  CHECK(replylint_report_count(real) == 1);       /* still alive */

  /* freed handles (detected while their shells are kept: the last 256 frees of a thread) */
  replylint_report_free(real);
  CHECK(replylint_report_count(real) == 0);
  CHECK(replylint_report_violation(real, 0) == NULL);
  CHECK(replylint_report_points(real) == 0);
  replylint_report_free(real); /* a double free is ignored */
  ++passed;

  replylint_options_free(o);
  CHECK(replylint_options_only(o, "shop") == REPLYLINT_ERR_BAD_HANDLE);
  CHECK(replylint_options_max_reply_bytes(o, 10) == REPLYLINT_ERR_BAD_HANDLE);
  CHECK(replylint_check(e, "a", 1, o, &r, &err) == REPLYLINT_ERR_BAD_HANDLE && r == NULL);
  CHECK(err && err->code == REPLYLINT_ERR_BAD_HANDLE);
  replylint_error_free(err);
  replylint_options_free(o);

  replylint_engine* gone = shop_engine();
  replylint_engine_free(gone);
  CHECK(replylint_check(gone, "a", 1, NULL, &r, &err) == REPLYLINT_ERR_BAD_HANDLE && r == NULL);
  CHECK(err && err->code == REPLYLINT_ERR_BAD_HANDLE);
  replylint_error_free(err);
  CHECK(replylint_engine_rule_count(gone) == 0);
  CHECK(replylint_engine_rule(gone, 0) == NULL);
  replylint_slot* slot = (replylint_slot*)&passed;
  CHECK(replylint_slot_new(gone, &slot) == REPLYLINT_ERR_BAD_HANDLE && slot == NULL);
  replylint_engine_free(gone);
  ++passed;
  replylint_engine_free(e);
}

static replylint_report* check_with_buyer(const replylint_engine* e, const char* buyer, const char* text) {
  replylint_report* r = NULL;
  CHECK(replylint_check_with_buyer(e, buyer, buyer ? strlen(buyer) : 0, text, strlen(text), NULL, &r, NULL) ==
        REPLYLINT_OK);
  return r;
}

/* A rule with `buyer:` fires only when the buyer asked for it; rules sharing a platform rule
 * count once. */
static void test_buyer_context(void) {
  replylint_engine* e = NULL;
  CHECK(replylint_engine_from_directory(context_dir, &e, NULL) == REPLYLINT_OK);

  replylint_report* r = check_with_buyer(e, "有QQ吗？", "有的，稍等");
  CHECK(replylint_report_count(r) == 1 && replylint_report_points(r) == 6);
  const replylint_violation* v = replylint_report_violation(r, 0);
  CHECK(v && strcmp(v->rule, "shop.qq-consent") == 0 && strcmp(v->text, "有的") == 0);
  CHECK(v && strcmp(v->platform_rule, "shop.qq-consent") == 0 && v->counted == 1);
  replylint_report_free(r);

  const char* not_asked[] = {NULL, "", "有现货吗？"};
  for (size_t i = 0; i < sizeof not_asked / sizeof *not_asked; ++i) {
    r = check_with_buyer(e, not_asked[i], "有的，稍等");
    CHECK(r != NULL && replylint_report_count(r) == 0 && replylint_report_points(r) == 0);
    replylint_report_free(r);
  }
  r = check(e, "有的，稍等", NULL);
  CHECK(r != NULL && replylint_report_count(r) == 0);
  replylint_report_free(r);
  r = check_with_buyer(e, "有QQ吗？", "亲，我们只在旺旺上服务哦");
  CHECK(r != NULL && replylint_report_count(r) == 0);
  replylint_report_free(r);
  /* the buyer's message need not be NUL-terminated */
  const char buyer[] = {'q', 'q', '?', 'x'};
  CHECK(replylint_check_with_buyer(e, buyer, 3, "好的", strlen("好的"), NULL, &r, NULL) == REPLYLINT_OK);
  CHECK(replylint_report_count(r) == 1);
  replylint_report_free(r);

  /* a name and an ID number in one reply: one leak, counted at its highest rule */
  r = check(e, "买家叫李四，他的身份证号是110105194912310021", NULL);
  CHECK(replylint_report_count(r) == 2 && replylint_report_points(r) == 6);
  const replylint_violation* name = replylint_report_violation(r, 0);
  const replylint_violation* id = replylint_report_violation(r, 1);
  CHECK(name && strcmp(name->rule, "shop.name") == 0 && strcmp(name->platform_rule, "shop.leak") == 0 &&
        name->counted == 1 && name->points == 6);
  CHECK(id && strcmp(id->rule, "shop.id-number") == 0 && strcmp(id->platform_rule, "shop.leak") == 0 &&
        id->counted == 0 && id->points == 4);
  replylint_report_free(r);
  r = check(e, "他的身份证号是110105194912310021", NULL);
  CHECK(replylint_report_count(r) == 1 && replylint_report_points(r) == 4);
  CHECK(replylint_report_violation(r, 0) && replylint_report_violation(r, 0)->counted == 1);
  replylint_report_free(r);

  /* the length limit binds the buyer's message too */
  replylint_options* o = NULL;
  replylint_error* err = NULL;
  replylint_options_new(&o);
  replylint_options_max_reply_bytes(o, 8);
  const char* long_buyer = "请问你们有没有QQ号";
  CHECK(replylint_check_with_buyer(e, long_buyer, strlen(long_buyer), "有的", strlen("有的"), o, &r, &err) ==
        REPLYLINT_ERR_TOO_LONG && r == NULL);
  CHECK(err && err->code == REPLYLINT_ERR_TOO_LONG);
  replylint_error_free(err);

  /* bad arguments */
  r = (replylint_report*)&passed;
  CHECK(replylint_check_with_buyer(e, NULL, 3, "有的", 6, NULL, &r, &err) == REPLYLINT_ERR_INVALID_ARGUMENT && r == NULL);
  CHECK(err && err->code == REPLYLINT_ERR_INVALID_ARGUMENT && strcmp(err->message, "buyer is NULL") == 0);
  replylint_error_free(err);
  CHECK(replylint_check_with_buyer(e, "qq", 2, NULL, 6, NULL, &r, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT && r == NULL);
  CHECK(replylint_check_with_buyer(e, "qq", 2, "有的", 6, NULL, NULL, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_check_with_buyer(NULL, "qq", 2, "有的", 6, NULL, &r, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  replylint_report* not_an_engine = check(e, "有的", NULL);
  CHECK(replylint_check_with_buyer((const replylint_engine*)not_an_engine, "qq", 2, "有的", 6, NULL, &r, NULL) ==
        REPLYLINT_ERR_BAD_HANDLE && r == NULL);
  replylint_report_free(not_an_engine);
  CHECK(replylint_check_with_buyer(e, "qq", 2, "有的", 6, (const replylint_options*)e, &r, NULL) ==
        REPLYLINT_ERR_BAD_HANDLE && r == NULL);
  /* invalid UTF-8 in the buyer's message is skipped, as in a reply */
  CHECK(replylint_check_with_buyer(e, "\xffqq\xc0", 4, "有的", 6, NULL, &r, NULL) == REPLYLINT_OK);
  CHECK(replylint_report_count(r) == 1);
  replylint_report_free(r);
  replylint_options_free(o);
  CHECK(replylint_check_with_buyer(e, "qq", 2, "有的", 6, o, &r, NULL) == REPLYLINT_ERR_BAD_HANDLE && r == NULL);
  replylint_engine_free(e);
  CHECK(replylint_check_with_buyer(e, "qq", 2, "有的", 6, NULL, &r, NULL) == REPLYLINT_ERR_BAD_HANDLE && r == NULL);
}

/* A slot hands out the engine in force; handles taken before a swap keep working. */
static void test_slot(void) {
  replylint_engine* shop = shop_engine();
  replylint_pack_text pack = {"mem.yaml", inline_pack, inline_pack_length};
  replylint_engine* mem = NULL;
  CHECK(replylint_engine_from_yaml(&pack, 1, &mem, NULL) == REPLYLINT_OK);

  replylint_slot* slot = NULL;
  CHECK(replylint_slot_new(shop, &slot) == REPLYLINT_OK && slot != NULL);
  replylint_engine_free(shop); /* the slot keeps its own reference */
  replylint_engine* before = NULL;
  CHECK(replylint_slot_get(slot, &before) == REPLYLINT_OK);
  CHECK(replylint_engine_rule_count(before) == 3);

  CHECK(replylint_slot_set(slot, mem) == REPLYLINT_OK);
  replylint_engine_free(mem);
  replylint_engine* after = NULL;
  CHECK(replylint_slot_get(slot, &after) == REPLYLINT_OK);
  CHECK(replylint_engine_rule_count(after) == 1);
  CHECK(replylint_engine_rule_count(before) == 3); /* in flight: still the old rules */
  replylint_report* r = check(before, "加我微信", NULL);
  CHECK(replylint_report_count(r) == 1);
  replylint_report_free(r);
  r = check(after, "加我微信", NULL);
  CHECK(replylint_report_count(r) == 0);
  replylint_report_free(r);
  replylint_engine_free(before);
  replylint_engine_free(after);
  replylint_engine* freed = after;

  replylint_slot* none = (replylint_slot*)&passed;
  replylint_engine* got = (replylint_engine*)&passed;
  CHECK(replylint_slot_new(NULL, &none) == REPLYLINT_ERR_INVALID_ARGUMENT && none == NULL);
  CHECK(replylint_slot_new(freed, &none) == REPLYLINT_ERR_BAD_HANDLE && none == NULL);
  CHECK(replylint_slot_new(freed, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_slot_get(NULL, &got) == REPLYLINT_ERR_INVALID_ARGUMENT && got == NULL);
  CHECK(replylint_slot_get(slot, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_slot_set(slot, NULL) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_slot_set(NULL, freed) == REPLYLINT_ERR_INVALID_ARGUMENT);
  CHECK(replylint_slot_set(slot, freed) == REPLYLINT_ERR_BAD_HANDLE); /* freed above */
  CHECK(replylint_slot_get(slot, &got) == REPLYLINT_OK && replylint_engine_rule_count(got) == 1);
  replylint_engine_free(got);
  replylint_slot_free(slot);
  got = (replylint_engine*)&passed;
  CHECK(replylint_slot_get(slot, &got) == REPLYLINT_ERR_BAD_HANDLE && got == NULL);
  CHECK(replylint_slot_set(slot, shop) == REPLYLINT_ERR_BAD_HANDLE);
  replylint_slot_free(slot); /* a double free is ignored */
  ++passed;
}

/* One engine, four threads, results equal to the single-threaded ones (the C++ concurrency
 * test goes further; this one checks that the C layer adds no shared state). */
enum { kThreads = 4, kRounds = 300 };
static const char* kReplies[] = {"加我微信吧", "电话13812345678", "保证明天送到哦", "您好", "支持微信支付",
                                 "\xF0\x9F\x98\x8A 微.信", "不能加微信", "加\xff微信"};
#define NREPLIES (sizeof kReplies / sizeof kReplies[0])
static size_t expected_count[NREPLIES];
static uint32_t expected_utf16[NREPLIES];
static const replylint_engine* shared_engine;
static int thread_errors;
static pthread_mutex_t errors_lock = PTHREAD_MUTEX_INITIALIZER;

static void* worker(void* arg) {
  size_t offset = (size_t)arg;
  int errors = 0;
  for (int round = 0; round < kRounds; ++round)
    for (size_t k = 0; k < NREPLIES; ++k) {
      size_t i = (k + offset) % NREPLIES;
      replylint_report* r = NULL;
      if (replylint_check(shared_engine, kReplies[i], strlen(kReplies[i]), NULL, &r, NULL) != REPLYLINT_OK) {
        ++errors;
        continue;
      }
      const replylint_violation* v = replylint_report_violation(r, 0);
      if (replylint_report_count(r) != expected_count[i] || (v && v->utf16_start != expected_utf16[i])) ++errors;
      replylint_report_free(r);
    }
  pthread_mutex_lock(&errors_lock);
  thread_errors += errors;
  pthread_mutex_unlock(&errors_lock);
  return NULL;
}

static void test_threads(void) {
  replylint_engine* e = shop_engine();
  shared_engine = e;
  for (size_t i = 0; i < NREPLIES; ++i) {
    replylint_report* r = check(e, kReplies[i], NULL);
    expected_count[i] = replylint_report_count(r);
    const replylint_violation* v = replylint_report_violation(r, 0);
    expected_utf16[i] = v ? v->utf16_start : 0;
    replylint_report_free(r);
  }
  pthread_t threads[kThreads];
  for (size_t t = 0; t < kThreads; ++t) pthread_create(&threads[t], NULL, worker, (void*)t);
  for (size_t t = 0; t < kThreads; ++t) pthread_join(threads[t], NULL);
  CHECK(thread_errors == 0);
  replylint_engine_free(e);
}

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: test_c_api PACK_DIR VERSION CONTEXT_PACK_DIR INLINE_PACK\n");
    return 2;
  }
  pack_dir = argv[1];
  context_dir = argv[3];
  read_inline_pack(argv[4]);
  test_version(argv[2]);
  test_rules();
  test_spans();
  test_invalid_utf8_reply();
  test_options();
  test_from_yaml();
  test_compile_errors();
  test_mask();
  test_bad_arguments();
  test_buyer_context();
  test_slot();
  test_threads();
  free(inline_pack);
  printf("c-api: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

/* The Node.js addon: a thin N-API layer over the C API (include/replylint/replylint.h).
 *
 * Written in C against node_api.h rather than in C++ with node-addon-api: Node-API is the
 * same ABI-stable interface either way (node-addon-api is a header-only C++ wrapper around it),
 * and plain C needs no package from the npm registry and no network at build or test time:
 * CMake builds it with the rest (bindings/CMakeLists.txt), and `npm install` builds it with
 * node-gyp (binding.gyp) against an installed libreplylint. index.js gives it an idiomatic
 * JavaScript surface.
 *
 * Exports (all synchronous; errors are thrown as Error objects with code, status, file, line,
 * column and rule):
 *   version() -> "0.1.0"
 *   engineFromEmbedded(), engineFromDirectory(dir), engineFromYaml([{file, yaml}]) -> engine
 *   engineClose(engine)           frees it now rather than when garbage-collected
 *   rules(engine) -> [{id, pack, title, message, suggestion, source, points, platform_rule}]
 *   optionsNew({only, skip, points: {rule: n}, maxReplyBytes}) -> options
 *   check(engine, text | Buffer, options?, buyer?) -> {points, invalidUtf8, violations: [...]}
 *                                 buyer: the buyer's message (string | Buffer), or undefined
 *   mask(text | Buffer) -> the same kind, phone, ID numbers and e-mail local parts masked */
#include <node_api.h>
#include <stdlib.h>
#include <string.h>

#include "replylint/replylint.h"

/* A failed napi call leaves an exception pending (or we raise one); the function returns NULL. */
#define TRY(call)                                                          \
  do {                                                                     \
    if ((call) != napi_ok) return throw_napi(env);                         \
  } while (0)

static const napi_type_tag kEngineTag = {0x7265706c796c696eULL, 0x01656e67696e6501ULL};
static const napi_type_tag kOptionsTag = {0x7265706c796c696eULL, 0x026f7074696f6e02ULL};

static napi_value throw_napi(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) {
    const napi_extended_error_info* info = NULL;
    napi_get_last_error_info(env, &info);
    napi_throw_error(env, "ERR_REPLYLINT_NAPI", info && info->error_message ? info->error_message : "N-API call failed");
  }
  return NULL;
}

static const char* status_code(int status) {
  switch (status) {
    case REPLYLINT_ERR_INVALID_ARGUMENT: return "REPLYLINT_ERR_INVALID_ARGUMENT";
    case REPLYLINT_ERR_IO: return "REPLYLINT_ERR_IO";
    case REPLYLINT_ERR_YAML_SYNTAX: return "REPLYLINT_ERR_YAML_SYNTAX";
    case REPLYLINT_ERR_SCHEMA: return "REPLYLINT_ERR_SCHEMA";
    case REPLYLINT_ERR_BAD_PATTERN: return "REPLYLINT_ERR_BAD_PATTERN";
    case REPLYLINT_ERR_DUPLICATE_RULE: return "REPLYLINT_ERR_DUPLICATE_RULE";
    case REPLYLINT_ERR_OUT_OF_MEMORY: return "REPLYLINT_ERR_OUT_OF_MEMORY";
    case REPLYLINT_ERR_TOO_LONG: return "REPLYLINT_ERR_TOO_LONG";
    case REPLYLINT_ERR_BAD_HANDLE: return "REPLYLINT_ERR_BAD_HANDLE";
    default: return "REPLYLINT_ERR_INTERNAL";
  }
}

static napi_status set_string(napi_env env, napi_value obj, const char* key, const char* value, size_t length) {
  napi_value v;
  napi_status s = napi_create_string_utf8(env, value ? value : "", value ? length : 0, &v);
  return s == napi_ok ? napi_set_named_property(env, obj, key, v) : s;
}

static napi_status set_cstring(napi_env env, napi_value obj, const char* key, const char* value) {
  return set_string(env, obj, key, value, value ? strlen(value) : 0);
}

static napi_status set_int(napi_env env, napi_value obj, const char* key, int64_t value) {
  napi_value v;
  napi_status s = napi_create_int64(env, value, &v);
  return s == napi_ok ? napi_set_named_property(env, obj, key, v) : s;
}

/* Throws an Error for a failed replylint call and frees `err`. */
static napi_value throw_status(napi_env env, int status, replylint_error* err, const char* fallback) {
  napi_value code, message, error;
  const char* text = err ? err->text : fallback ? fallback : replylint_status_string(status);
  if (napi_create_string_utf8(env, status_code(status), NAPI_AUTO_LENGTH, &code) == napi_ok &&
      napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message) == napi_ok &&
      napi_create_error(env, code, message, &error) == napi_ok) {
    set_int(env, error, "status", status);
    set_cstring(env, error, "file", err ? err->file : "");
    set_int(env, error, "line", err ? err->line : 0);
    set_int(env, error, "column", err ? err->column : 0);
    set_cstring(env, error, "rule", err ? err->rule : "");
    set_cstring(env, error, "reason", err ? err->message : text);
    napi_throw(env, error);
  }
  replylint_error_free(err);
  return throw_napi(env);
}

/* A JavaScript string as NUL-terminated UTF-8 (lone surrogates become U+FFFD); free() it. */
static char* utf8_of(napi_env env, napi_value value, size_t* length) {
  size_t n = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &n) != napi_ok) return NULL;
  char* s = malloc(n + 1);
  if (!s) {
    napi_throw_error(env, "REPLYLINT_ERR_OUT_OF_MEMORY", "out of memory");
    return NULL;
  }
  if (napi_get_value_string_utf8(env, value, s, n + 1, &n) != napi_ok) {
    free(s);
    return NULL;
  }
  if (length) *length = n;
  return s;
}

static void finalize_engine(napi_env env, void* data, void* hint) {
  (void)env, (void)hint;
  replylint_engine_free(data);
}

static void finalize_options(napi_env env, void* data, void* hint) {
  (void)env, (void)hint;
  replylint_options_free(data);
}

static napi_value wrap(napi_env env, void* handle, const napi_type_tag* tag, napi_finalize finalize) {
  napi_value obj;
  if (napi_create_object(env, &obj) != napi_ok || napi_type_tag_object(env, obj, tag) != napi_ok ||
      napi_wrap(env, obj, handle, finalize, NULL, NULL) != napi_ok) {
    finalize(env, handle, NULL);
    return throw_napi(env);
  }
  return obj;
}

/* The handle inside a wrapped object of the given kind, else NULL with a TypeError thrown. */
static void* unwrap(napi_env env, napi_value obj, const napi_type_tag* tag, const char* what) {
  bool ok = false;
  void* handle = NULL;
  napi_valuetype type;
  if (napi_typeof(env, obj, &type) == napi_ok && type == napi_object &&
      napi_check_object_type_tag(env, obj, tag, &ok) == napi_ok && ok && napi_unwrap(env, obj, &handle) == napi_ok &&
      handle)
    return handle;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) {
    if (ok) throw_status(env, REPLYLINT_ERR_BAD_HANDLE, NULL, "the engine was closed");
    else napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", what);
  }
  return NULL;
}

static napi_value get_args(napi_env env, napi_callback_info info, size_t want, napi_value* argv) {
  size_t argc = want;
  for (size_t i = 0; i < want; ++i) napi_get_undefined(env, &argv[i]);
  TRY(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  napi_value ok;
  napi_get_boolean(env, true, &ok);
  return ok;
}

static napi_value engine_result(napi_env env, int status, replylint_engine* engine, replylint_error* err) {
  if (status != REPLYLINT_OK) return throw_status(env, status, err, NULL);
  return wrap(env, engine, &kEngineTag, finalize_engine);
}

static napi_value js_version(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  TRY(napi_create_string_utf8(env, replylint_version(), NAPI_AUTO_LENGTH, &v));
  return v;
}

static napi_value js_engine_from_embedded(napi_env env, napi_callback_info info) {
  (void)info;
  replylint_engine* engine = NULL;
  replylint_error* err = NULL;
  int status = replylint_engine_from_embedded(&engine, &err);
  return engine_result(env, status, engine, err);
}

static napi_value js_engine_from_directory(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  char* dir = utf8_of(env, argv[0], NULL);
  if (!dir) return throw_napi(env);
  replylint_engine* engine = NULL;
  replylint_error* err = NULL;
  int status = replylint_engine_from_directory(dir, &engine, &err);
  free(dir);
  return engine_result(env, status, engine, err);
}

static napi_value js_engine_from_yaml(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  uint32_t count = 0;
  bool is_array = false;
  TRY(napi_is_array(env, argv[0], &is_array));
  if (!is_array) {
    napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "engineFromYaml expects an array of {file, yaml}");
    return NULL;
  }
  TRY(napi_get_array_length(env, argv[0], &count));
  replylint_pack_text* packs = calloc(count ? count : 1, sizeof *packs);
  if (!packs) return throw_status(env, REPLYLINT_ERR_OUT_OF_MEMORY, NULL, NULL);
  napi_value result = NULL;
  uint32_t i = 0;
  for (; i < count; ++i) {
    napi_value item, file, yaml;
    if (napi_get_element(env, argv[0], i, &item) != napi_ok || napi_get_named_property(env, item, "yaml", &yaml) != napi_ok ||
        !(packs[i].yaml = utf8_of(env, yaml, &packs[i].yaml_length)))
      goto done;
    napi_valuetype type;
    if (napi_get_named_property(env, item, "file", &file) == napi_ok && napi_typeof(env, file, &type) == napi_ok &&
        type == napi_string && !(packs[i].file = utf8_of(env, file, NULL)))
      goto done;
  }
  {
    replylint_engine* engine = NULL;
    replylint_error* err = NULL;
    int status = replylint_engine_from_yaml(packs, count, &engine, &err);
    result = engine_result(env, status, engine, err);
  }
done:
  for (uint32_t k = 0; k < count; ++k) {
    free((char*)packs[k].yaml);
    free((char*)packs[k].file);
  }
  free(packs);
  return result ? result : throw_napi(env);
}

static napi_value js_engine_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  if (!unwrap(env, argv[0], &kEngineTag, "engineClose expects an engine")) return NULL;
  void* handle = NULL;
  TRY(napi_remove_wrap(env, argv[0], &handle));
  replylint_engine_free(handle);
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  return undefined;
}

static napi_value js_rules(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  const replylint_engine* engine = unwrap(env, argv[0], &kEngineTag, "rules expects an engine");
  if (!engine) return NULL;
  size_t n = replylint_engine_rule_count(engine);
  napi_value array;
  TRY(napi_create_array_with_length(env, n, &array));
  for (size_t i = 0; i < n; ++i) {
    const replylint_rule* r = replylint_engine_rule(engine, i);
    napi_value obj;
    TRY(napi_create_object(env, &obj));
    TRY(set_cstring(env, obj, "id", r->id));
    TRY(set_cstring(env, obj, "pack", r->pack));
    TRY(set_cstring(env, obj, "title", r->title));
    TRY(set_cstring(env, obj, "message", r->message));
    TRY(set_cstring(env, obj, "suggestion", r->suggestion));
    TRY(set_cstring(env, obj, "source", r->source));
    TRY(set_int(env, obj, "points", r->points));
    TRY(set_cstring(env, obj, "platform_rule", r->platform_rule));
    TRY(napi_set_element(env, array, (uint32_t)i, obj));
  }
  return array;
}

/* Adds every string of obj[key] (an array, or absent) with add(). */
static bool add_ids(napi_env env, replylint_options* options, napi_value obj, const char* key,
                    int (*add)(replylint_options*, const char*)) {
  bool has = false, is_array = false;
  napi_value list;
  uint32_t n = 0;
  if (napi_has_named_property(env, obj, key, &has) != napi_ok) return false;
  if (!has) return true;
  if (napi_get_named_property(env, obj, key, &list) != napi_ok) return false;
  napi_valuetype type;
  if (napi_typeof(env, list, &type) != napi_ok) return false;
  if (type == napi_undefined || type == napi_null) return true;
  if (napi_is_array(env, list, &is_array) != napi_ok || !is_array) {
    napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "options.only and options.skip must be arrays of ids");
    return false;
  }
  if (napi_get_array_length(env, list, &n) != napi_ok) return false;
  for (uint32_t i = 0; i < n; ++i) {
    napi_value item;
    if (napi_get_element(env, list, i, &item) != napi_ok) return false;
    char* id = utf8_of(env, item, NULL);
    if (!id) return false;
    int status = add(options, id);
    free(id);
    if (status != REPLYLINT_OK) {
      throw_status(env, status, NULL, "an id in options.only or options.skip is not valid");
      return false;
    }
  }
  return true;
}

static napi_value js_options_new(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  napi_valuetype type;
  TRY(napi_typeof(env, argv[0], &type));
  if (type != napi_object) {
    napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "options must be an object");
    return NULL;
  }
  replylint_options* options = NULL;
  if (replylint_options_new(&options) != REPLYLINT_OK) return throw_status(env, REPLYLINT_ERR_OUT_OF_MEMORY, NULL, NULL);
  napi_value obj = wrap(env, options, &kOptionsTag, finalize_options);
  if (!obj) return NULL;  /* wrap() freed it */
  if (!add_ids(env, options, argv[0], "only", replylint_options_only) ||
      !add_ids(env, options, argv[0], "skip", replylint_options_skip))
    return NULL;
  napi_value points, max;
  TRY(napi_get_named_property(env, argv[0], "points", &points));
  TRY(napi_typeof(env, points, &type));
  if (type == napi_object) {
    napi_value keys;
    uint32_t n = 0;
    TRY(napi_get_property_names(env, points, &keys));
    TRY(napi_get_array_length(env, keys, &n));
    for (uint32_t i = 0; i < n; ++i) {
      napi_value key, value;
      int32_t p = -1;
      double d = -1;
      TRY(napi_get_element(env, keys, i, &key));
      TRY(napi_get_property(env, points, key, &value));
      if (napi_get_value_double(env, value, &d) != napi_ok || d != (double)(int32_t)d) {
        napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "options.points values must be whole numbers");
        return NULL;
      }
      p = (int32_t)d;
      char* rule = utf8_of(env, key, NULL);
      if (!rule) return NULL;
      int status = replylint_options_points(options, rule, p);
      free(rule);
      if (status != REPLYLINT_OK) return throw_status(env, status, NULL, "options.points: points must be 0..48");
    }
  } else if (type != napi_undefined && type != napi_null) {
    napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "options.points must be an object {rule: points}");
    return NULL;
  }
  TRY(napi_get_named_property(env, argv[0], "maxReplyBytes", &max));
  TRY(napi_typeof(env, max, &type));
  if (type == napi_number) {
    double d = 0;
    TRY(napi_get_value_double(env, max, &d));
    if (!(d >= 0) || d > 9007199254740991.0 || d != (double)(int64_t)d) {
      napi_throw_range_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "options.maxReplyBytes must be a whole number >= 0");
      return NULL;
    }
    replylint_options_max_reply_bytes(options, (size_t)d);
  } else if (type != napi_undefined && type != napi_null) {
    napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", "options.maxReplyBytes must be a number");
    return NULL;
  }
  return obj;
}

static napi_value report_object(napi_env env, const replylint_report* report) {
  napi_value obj, list, flag;
  size_t n = replylint_report_count(report);
  TRY(napi_create_object(env, &obj));
  TRY(set_int(env, obj, "points", replylint_report_points(report)));
  TRY(napi_get_boolean(env, replylint_report_invalid_utf8(report) != 0, &flag));
  TRY(napi_set_named_property(env, obj, "invalidUtf8", flag));
  TRY(napi_create_array_with_length(env, n, &list));
  for (size_t i = 0; i < n; ++i) {
    const replylint_violation* v = replylint_report_violation(report, i);
    napi_value item;
    TRY(napi_create_object(env, &item));
    TRY(set_cstring(env, item, "rule", v->rule));
    TRY(set_cstring(env, item, "pack", v->pack));
    TRY(set_cstring(env, item, "title", v->title));
    TRY(set_int(env, item, "points", v->points));
    TRY(set_int(env, item, "start", v->start));
    TRY(set_int(env, item, "end", v->end));
    TRY(set_int(env, item, "charStart", v->char_start));
    TRY(set_int(env, item, "charEnd", v->char_end));
    TRY(set_int(env, item, "utf16Start", v->utf16_start));
    TRY(set_int(env, item, "utf16End", v->utf16_end));
    TRY(set_string(env, item, "text", v->text, v->text_length));
    TRY(set_cstring(env, item, "message", v->message));
    TRY(set_cstring(env, item, "suggestion", v->suggestion));
    TRY(set_cstring(env, item, "platformRule", v->platform_rule));
    TRY(napi_get_boolean(env, v->counted != 0, &flag));
    TRY(napi_set_named_property(env, item, "counted", flag));
    TRY(napi_set_element(env, list, (uint32_t)i, item));
  }
  TRY(napi_set_named_property(env, obj, "violations", list));
  return obj;
}

/* A reply or a buyer's message passed as a string (converted to UTF-8, `owned` to free()) or as
 * a Buffer (its bytes, as they are). */
struct text_arg {
  const char* text;
  size_t length;
  char* owned;
  bool is_buffer;
};

static napi_value get_text(napi_env env, napi_value value, const char* what, struct text_arg* out) {
  out->text = NULL;
  out->length = 0;
  out->owned = NULL;
  out->is_buffer = false;
  TRY(napi_is_buffer(env, value, &out->is_buffer));
  if (out->is_buffer) {
    void* data = NULL;
    TRY(napi_get_buffer_info(env, value, &data, &out->length));
    out->text = data;
  } else {
    napi_valuetype type;
    TRY(napi_typeof(env, value, &type));
    if (type != napi_string) {
      napi_throw_type_error(env, "REPLYLINT_ERR_INVALID_ARGUMENT", what);
      return NULL;
    }
    if (!(out->owned = utf8_of(env, value, &out->length))) return NULL;
    out->text = out->owned;
  }
  napi_value ok;
  TRY(napi_get_boolean(env, true, &ok));
  return ok;
}

static napi_value js_check(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!get_args(env, info, 4, argv)) return NULL;
  const replylint_engine* engine = unwrap(env, argv[0], &kEngineTag, "check expects an engine");
  if (!engine) return NULL;
  const replylint_options* options = NULL;
  napi_valuetype type;
  TRY(napi_typeof(env, argv[2], &type));
  if (type != napi_undefined && type != napi_null) {
    options = unwrap(env, argv[2], &kOptionsTag, "check expects options made by optionsNew()");
    if (!options) return NULL;
  }
  napi_valuetype buyer_type;
  TRY(napi_typeof(env, argv[3], &buyer_type));
  struct text_arg reply;
  if (!get_text(env, argv[1], "the reply must be a string or a Buffer", &reply)) return NULL;
  struct text_arg buyer = {NULL, 0, NULL, false};
  if (buyer_type != napi_undefined && buyer_type != napi_null &&
      !get_text(env, argv[3], "the buyer's message must be a string or a Buffer", &buyer)) {
    free(reply.owned);
    return NULL;
  }
  replylint_report* report = NULL;
  replylint_error* err = NULL;
  int status = replylint_check_with_buyer(engine, buyer.text, buyer.length, reply.text, reply.length, options, &report,
                                          &err);
  free(reply.owned);
  free(buyer.owned);
  if (status != REPLYLINT_OK) return throw_status(env, status, err, NULL);
  napi_value result = report_object(env, report);
  replylint_report_free(report);
  return result;
}

static napi_value js_mask(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  struct text_arg in;
  if (!get_text(env, argv[0], "mask expects a string or a Buffer", &in)) return NULL;
  char* masked = NULL;
  size_t length = 0;
  int status = replylint_mask(in.text, in.length, &masked, &length);
  free(in.owned);
  if (status != REPLYLINT_OK) return throw_status(env, status, NULL, NULL);
  napi_value result;
  napi_status made = in.is_buffer ? napi_create_buffer_copy(env, length, masked, NULL, &result)
                                  : napi_create_string_utf8(env, masked, length, &result);
  replylint_mask_free(masked);
  TRY(made);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      {"version", NULL, js_version, NULL, NULL, NULL, napi_enumerable, NULL},
      {"engineFromEmbedded", NULL, js_engine_from_embedded, NULL, NULL, NULL, napi_enumerable, NULL},
      {"engineFromDirectory", NULL, js_engine_from_directory, NULL, NULL, NULL, napi_enumerable, NULL},
      {"engineFromYaml", NULL, js_engine_from_yaml, NULL, NULL, NULL, napi_enumerable, NULL},
      {"engineClose", NULL, js_engine_close, NULL, NULL, NULL, napi_enumerable, NULL},
      {"rules", NULL, js_rules, NULL, NULL, NULL, napi_enumerable, NULL},
      {"optionsNew", NULL, js_options_new, NULL, NULL, NULL, napi_enumerable, NULL},
      {"check", NULL, js_check, NULL, NULL, NULL, napi_enumerable, NULL},
      {"mask", NULL, js_mask, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(replylint, init)

/* A chat client's send path in C, over the stable C API: every draft the agent types (one per
 * line of standard input) is checked before it is "sent"; a draft that breaks a rule is held
 * back and the agent sees where, what it would cost the shop, and a compliant way to say it.
 * A line "> TEXT" is a message from the buyer: the drafts after it answer it, and are checked
 * with it as their context.
 *
 *   example_chat_client_c [RULES_DIR] < drafts.txt
 *
 * Prints exactly what examples/chat_client.cpp prints; the test suite checks it. */
#define _POSIX_C_SOURCE 200809L
#include <replylint/replylint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
  /* Once, at start-up: compile the rules into an engine that every conversation shares. */
  replylint_engine* engine = NULL;
  replylint_error* err = NULL;
  int status = argc > 1 ? replylint_engine_from_directory(argv[1], &engine, &err)
                        : replylint_engine_from_embedded(&engine, &err);
  if (status != REPLYLINT_OK) {
    fprintf(stderr, "%s\n", err ? err->text : replylint_status_string(status));
    replylint_error_free(err);
    return 2;
  }
  replylint_options* shop = NULL; /* this shop's choices: every rule applies, drafts up to 2000 bytes */
  if (replylint_options_new(&shop) != REPLYLINT_OK || replylint_options_max_reply_bytes(shop, 2000) != REPLYLINT_OK)
    return 2;

  char* draft = NULL;
  char* buyer = NULL; /* the buyer's last message */
  size_t capacity = 0, buyer_length = 0;
  ssize_t length;
  for (int n = 0; (length = getline(&draft, &capacity, stdin)) >= 0;) {
    if (length > 0 && draft[length - 1] == '\n') draft[--length] = '\0';
    if (strncmp(draft, "> ", 2) == 0) { /* the buyer wrote */
      free(buyer);
      buyer = strdup(draft + 2);
      buyer_length = (size_t)length - 2;
      continue;
    }
    ++n;
    /* Before each send: check the draft as the answer to the buyer's last message (safe from any thread). */
    replylint_report* report = NULL;
    status = replylint_check_with_buyer(engine, buyer, buyer_length, draft, (size_t)length, shop, &report, &err);
    if (status != REPLYLINT_OK) {
      printf("draft %d: held back, not checked: %s\n", n, err ? err->text : replylint_status_string(status));
      replylint_error_free(err);
      continue;
    }
    size_t count = replylint_report_count(report);
    if (count == 0) {
      printf("draft %d: sent\n", n);
    } else {
      printf("draft %d: held back, %d points at risk\n", n, replylint_report_points(report));
      for (size_t i = 0; i < count; ++i) {
        const replylint_violation* v = replylint_report_violation(report, i);
        /* start/end are byte offsets into the draft, so the span can be marked in place. */
        printf("  %.*s[[%s]]%s\n", (int)v->start, draft, v->text, draft + v->end);
        printf("  %s (%d points", v->rule, v->points);
        if (!v->counted) printf(", not counted: %s counts once", v->platform_rule);
        printf("): %s\n  try instead: %s\n", v->message, v->suggestion);
      }
    }
    replylint_report_free(report);
  }
  free(draft);
  free(buyer);
  replylint_options_free(shop);
  replylint_engine_free(engine);
  return 0;
}

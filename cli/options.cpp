#include "options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>

#include "printers/printer.hpp"

namespace replylint::cli {

#ifndef REPLYLINT_VERSION
#define REPLYLINT_VERSION "unknown"
#endif

Parsed parse(int argc, char** argv) {
  CLI::App app{"replylint: says which Taobao/Tmall platform rule a customer-service reply breaks, where, how "
               "many penalty points it costs the shop, and how to say it within the rules.\n\n"
               "Exit status: 0 no violations, 1 violations, 2 usage, input or rule-pack error.",
               "replylint"};
  app.set_version_flag("--version", "replylint " REPLYLINT_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  Options o;

  // Both commands print through the same printers (printers/registry.cpp).
  std::vector<std::string> format_names;
  std::string format_help;
  for (const FormatInfo& f : formats()) {
    format_names.push_back(f.name);
    format_help += std::string(format_help.empty() ? "" : "; ") + f.name + ": " + f.help;
  }
  auto rules_option = [&](CLI::App* sub) {
    sub->add_option("--rules", o.rules_dir, "use the *.yaml packs in DIR instead of the built-in ones")
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory);
  };

  CLI::App* check = app.add_subcommand("check", "check replies; each TEXT argument is one reply");
  check->add_option("text", o.texts, "replies to check")->type_name("TEXT");
  bool from_stdin = false, lines = false, jsonl = false;
  auto* stdin_flag = check->add_flag("--stdin", from_stdin, "all of standard input is one reply");
  auto* lines_flag =
      check->add_flag("--lines", lines, "each line of standard input is one reply (CRLF or LF)")->excludes(stdin_flag);
  auto* jsonl_flag = check->add_flag("--jsonl", jsonl, "each line of standard input is a JSON object "
                                                       "{\"reply\": \"…\", \"buyer\": \"…\"} (buyer optional)")
                         ->excludes(stdin_flag)
                         ->excludes(lines_flag);
  check->add_option("--buyer", o.buyer, "the buyer's message the replies answer: rules that judge a consent "
                                        "(asked for a QQ number, answered 有的) fire only with it")
      ->type_name("TEXT")
      ->excludes(jsonl_flag);
  check->add_option("--format", o.format, format_help)
      ->transform(CLI::IsMember(format_names, CLI::ignore_case))
      ->type_name("FORMAT");
  check->add_flag("--show-matches", o.show_matches, "print matched phone numbers, IDs and e-mail addresses as they "
                                                    "are (default: masked, 138****5678)");
  check->add_option("--threads", o.threads, "threads that check --lines or --jsonl input (output stays in input order)")
      ->check(CLI::Range(1u, 256u))
      ->type_name("N");
  rules_option(check);

  CLI::App* rules = app.add_subcommand("rules", "list or test the rule packs");
  rules->require_subcommand(1);
  CLI::App* list = rules->add_subcommand("list", "every rule with its points");
  rules_option(list);
  CLI::App* test = rules->add_subcommand("test", "run every example of every pack (default: the built-in packs); "
                                                 "exit 1 when any fails");
  test->add_option("dir", o.rules_dir, "a directory of *.yaml packs")->type_name("DIR")->check(CLI::ExistingDirectory);

  CLI::App* profile = rules->add_subcommand(
      "profile", "what each rule costs on a corpus of replies (one per line): how often the Set picks it, "
                 "how long confirming it takes, and what it would cost alone; the slowest first");
  profile->add_option("corpus", o.corpus, "replies, one per line (default: standard input)")->type_name("FILE");
  profile->add_option("--sample", o.sample, "replies used for the per-rule costs that run a rule on every reply "
                                            "(default: 2000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->type_name("N");
  rules_option(profile);

  CLI::App* explain = app.add_subcommand("explain", "what a rule checks, why, what it costs, and its source");
  explain->add_option("rule", o.rule, "a rule id, e.g. off-platform.wechat")->required()->type_name("RULE");
  rules_option(explain);

  CLI::App* lint = app.add_subcommand(
      "lint", "check script libraries (话术库): .txt .csv .tsv .yaml .yml .json .md files and folders, with "
              ".replylint.yaml found upward from each file; FILE:LINE:COLUMN per finding (columns in characters)");
  lint->add_option("path", o.paths, "files and folders (default: .)")->type_name("PATH");
  lint->add_option("--format", o.format, format_help)
      ->transform(CLI::IsMember(format_names, CLI::ignore_case))
      ->type_name("FORMAT");
  lint->add_option("--fail-on", o.fail_on, "exit 1 only when a reply's points reach N (default: the config's "
                                           "fail_on, else any violation)")
      ->check(CLI::Range(1, 9999))
      ->type_name("POINTS");
  lint->add_option("--min-points", o.min_points, "show only replies with at least N points (does not change the "
                                                 "exit status)")
      ->check(CLI::Range(0, 9999))
      ->type_name("POINTS");
  lint->add_flag("--show-matches", o.show_matches, "print matched phone numbers, IDs and e-mail addresses as they "
                                                   "are (default: masked, 138****5678)");
  auto* config_opt = lint->add_option("--config", o.config_file, "use this config for every file instead of "
                                                                 "looking for .replylint.yaml")
                         ->check(CLI::ExistingFile)
                         ->type_name("FILE");
  lint->add_flag("--no-config", o.no_config, "ignore every .replylint.yaml (and ignore file)")->excludes(config_opt);
  lint->add_option("--encoding", o.encoding, "read every file in this encoding (an ICU name: gbk, utf-16le, big5, …) "
                                             "instead of detecting it (UTF-8, UTF-16 with a BOM, GB18030)")
      ->type_name("NAME");
  lint->add_option("--stdin-filename", o.stdin_filename, "with the path -: the name of standard input's file in "
                                                         "findings, which also picks its format and config")
      ->type_name("NAME");
  lint->add_option("--threads", o.threads, "files checked at once (output stays the same, in the same order)")
      ->check(CLI::Range(1u, 256u))
      ->type_name("N");
  rules_option(lint);

  serve::Settings& sv = o.serve;
  CLI::App* serve = app.add_subcommand(
      "serve", "an HTTP server: LanguageTool's /v2/check for its clients, replylint's JSON API (/v1/check), "
               "/metrics, and a page at / where agents try drafts; SIGHUP reloads the rules, SIGTERM stops");
  serve->add_option("--listen", sv.listen, "HOST:PORT to listen on (default 127.0.0.1:8081; port 0: any free port)")
      ->type_name("HOST:PORT");
  serve->add_option("--threads", sv.threads, "connections served at once, one thread each (default 8)")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  serve->add_option("--max-connections", sv.max_connections, "open connections, served or waiting; beyond them "
                                                             "requests get 503 (default 256)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->type_name("N");
  serve->add_option("--token-file", sv.token_file, "every request needs 'Authorization: Bearer TOKEN', TOKEN being "
                                                   "this file's first line; also enables POST /v1/reload")
      ->check(CLI::ExistingFile)
      ->type_name("FILE");
  serve->add_option("--allow-origin", sv.allow_origins, "let pages from ORIGIN call the server (CORS); repeatable")
      ->type_name("ORIGIN");
  serve->add_flag("--access-log", sv.access_log, "log method, path, status and time of each request on stderr "
                                                 "(never a reply's text)");
  serve->add_option("--max-body", sv.max_body_bytes, "largest request body in bytes; 413 beyond (default 1048576)")
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 30))
      ->type_name("BYTES");
  serve->add_option("--max-replies", sv.max_replies, "replies in one /v1/check request; 413 beyond (default 1000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24))
      ->type_name("N");
  serve->add_option("--max-reply-bytes", sv.max_reply_bytes, "a longer reply is not checked: an error for that reply "
                                                             "(default 65536)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->type_name("BYTES");
  serve->add_option("--read-timeout", sv.read_timeout_seconds, "seconds to wait for a request's headers or body "
                                                               "(each read) and to write an answer (default 5)")
      ->check(CLI::Range(1u, 3600u))
      ->type_name("SECONDS");
  serve->add_option("--keep-alive", sv.keep_alive_seconds, "seconds an idle connection stays open (default 5)")
      ->check(CLI::Range(1u, 3600u))
      ->type_name("SECONDS");
  rules_option(serve);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, the version or the error
    return {std::nullopt, code == 0 ? 0 : 2};
  }

  if (check->parsed()) {
    o.command = Command::kCheck;
    o.input = from_stdin ? Input::kStdin : lines ? Input::kLines : jsonl ? Input::kJsonl : Input::kArguments;
    if (o.input != Input::kArguments && !o.texts.empty()) {
      std::fprintf(stderr, "replylint check: give replies as arguments or on standard input, not both\n");
      return {std::nullopt, 2};
    }
    if (o.input == Input::kArguments && o.texts.empty()) {
      std::fprintf(stderr, "replylint check: no reply to check (give TEXT, --stdin, --lines or --jsonl; see --help)\n");
      return {std::nullopt, 2};
    }
  } else if (list->parsed()) {
    o.command = Command::kRulesList;
  } else if (test->parsed()) {
    o.command = Command::kRulesTest;
  } else if (lint->parsed()) {
    o.command = Command::kLint;
    const bool dash = std::find(o.paths.begin(), o.paths.end(), "-") != o.paths.end();
    if (!o.stdin_filename.empty() && !dash) {
      std::fprintf(stderr, "replylint lint: --stdin-filename names standard input, given as the path -\n");
      return {std::nullopt, 2};
    }
  } else if (profile->parsed()) {
    o.command = Command::kRulesProfile;
  } else if (serve->parsed()) {
    o.command = Command::kServe;
  } else {
    o.command = Command::kExplain;
  }
  return {std::move(o), 0};
}

}  // namespace replylint::cli

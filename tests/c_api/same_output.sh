#!/usr/bin/env bash
# same_output.sh EXPECTED INPUT COMMAND [ARG...]: runs COMMAND with INPUT on standard input and
# fails unless it exits 0 and prints exactly EXPECTED. The chat-client examples in C++, C,
# Python and JavaScript are all held to the same file.
set -euo pipefail
expected=$1 input=$2
shift 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$@" <"$input" >"$out"
if ! diff -u "$expected" "$out"; then
  echo "FAIL: $* printed something else than $expected (diff above)"
  exit 1
fi
echo "ok: $(basename "$1") prints $(basename "$expected")"

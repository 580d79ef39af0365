#!/usr/bin/env bash
# `replylint lint --format sarif` validates against the SARIF 2.1.0 JSON schema: for the example
# library, the tricky fixtures (errors become tool execution notifications), suppressions
# (unused ones are results), a clean run; and a broken log must be rejected, so that the
# validator is known to validate. Needs Debian's python3 and python3-jsonschema.
# Usage: sarif.sh REPLYLINT
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
python=/usr/bin/python3
if ! "$python" -c 'import jsonschema' 2>/dev/null; then
  echo "FAIL: this test needs Debian's python3-jsonschema: apt-get install -y python3-jsonschema"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
run() {  # run NAME EXIT ARGS...
  local name=$1 want=$2
  shift 2
  "$bin" lint --rules packs --format sarif "$@" >"$tmp/$name.sarif" 2>/dev/null
  local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, expected $want"; failed=$((failed + 1)); return; fi
  if "$python" validate_sarif.py sarif/sarif-schema-2.1.0.json "$tmp/$name.sarif"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); fi
}
run examples 1 ../../examples/script-library
run fixtures 2 fixtures
run suppressions 2 cases/suppress
run clean 0 cases/suppress/ok.txt
run config-error 2 cases/unknown-rule
# `replylint check --format sarif` (issue 12): arguments (logical locations only), --lines
# (regions on standard input's lines) and --jsonl with the buyer's messages and errors.
run_check() {  # run_check NAME EXIT STDIN ARGS...
  local name=$1 want=$2 input=$3
  shift 3
  "$bin" check --format sarif "$@" <"$input" >"$tmp/$name.sarif" 2>/dev/null
  local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, expected $want"; failed=$((failed + 1)); return; fi
  if "$python" validate_sarif.py sarif/sarif-schema-2.1.0.json "$tmp/$name.sarif"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); fi
}
printf '加我微信\n您好\n\xff电话 138 1234 5678\n' >"$tmp/lines.txt"
printf '%s\n' '{"reply": "有的，稍等", "buyer": "有QQ吗？"}' 'not json' '{"reply": "买家叫李四，他的身份证号是110105194912310021"}' >"$tmp/context.jsonl"
run_check check-arguments 1 /dev/null --rules packs "加我微信" "您好"
run_check check-lines 1 "$tmp/lines.txt" --rules packs --lines
run_check check-jsonl 2 "$tmp/context.jsonl" --rules ../context_pack --jsonl
run_check check-clean 0 /dev/null --rules packs "您好"
# The validator must reject a log that breaks the schema.
sed 's/"version": "2.1.0"/"version": "2.0.0"/' "$tmp/examples.sarif" >"$tmp/broken.sarif"
if "$python" validate_sarif.py sarif/sarif-schema-2.1.0.json "$tmp/broken.sarif" >/dev/null; then
  echo "FAIL negative control: a log with version 2.0.0 passed"; failed=$((failed + 1)); else passed=$((passed + 1)); fi
echo "sarif: $passed passed, $failed failed"
[ "$failed" = 0 ]

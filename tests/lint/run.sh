#!/usr/bin/env bash
# Golden tests of `replylint lint`: standard output and standard error to the byte, and the exit
# status, for every input format (with tricky files: BOM, CRLF, quoted multi-line CSV cells,
# escaped JSON strings, YAML block scalars, invalid UTF-8 in one line of a good file, UTF-16
# and GBK files (decoded since issue 13, with a note saying so; the JSON formats name every
# file's encoding, SARIF its default), broken files), every output format, the config, suppressions and thresholds. Runs from
# this folder against the fixed packs in packs/, so that shipped pack changes do not move it.
# Usage: run.sh REPLYLINT [--update] (--update rewrites golden/ from the binary).
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p golden
passed=0 failed=0

# The tool's version is in SARIF output; keep the goldens free of it.
normalize() { sed -e 's/"semanticVersion": "[^"]*"/"semanticVersion": "VERSION"/' "$1"; }

# golden NAME EXIT ARGS...: stdout must equal golden/NAME.out, stderr golden/NAME.err, the
# exit status EXIT.
golden() {
  local name=$1 want=$2
  shift 2
  "$bin" lint "$@" </dev/null >"$tmp/raw" 2>"$tmp/err"
  local got=$?
  normalize "$tmp/raw" >"$tmp/out"
  if [ "$update" = --update ]; then cp "$tmp/out" "golden/$name.out"; cp "$tmp/err" "golden/$name.err"; fi
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; head -5 "$tmp/err"; failed=$((failed + 1)); return
  fi
  for stream in out err; do
    if ! diff -u "golden/$name.$stream" "$tmp/$stream" >"$tmp/diff"; then
      echo "FAIL $name: std$stream differs from golden/$name.$stream"; head -40 "$tmp/diff"; failed=$((failed + 1)); return
    fi
  done
  passed=$((passed + 1))
}

# stderr_has NAME EXIT TEXT ARGS...: the status is EXIT and standard error contains TEXT.
stderr_has() {
  local name=$1 want=$2 text=$3
  shift 3
  "$bin" lint "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ] || ! grep -qF -- "$text" "$tmp/err"; then
    echo "FAIL $name: exit $got (expected $want), stderr:"; head -5 "$tmp/err"
    echo "  expected it to contain: $text"; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}

P=(--rules packs)
ex=../../examples/script-library

# Input formats, tricky files included.
golden input-txt 2 "${P[@]}" fixtures/bom-crlf.txt fixtures/invalid-utf8.txt fixtures/utf16.txt fixtures/gbk.txt
golden input-csv 2 "${P[@]}" fixtures/multiline.csv fixtures/invalid-utf8.csv fixtures/unterminated.csv \
  fixtures/bad-quote.csv fixtures/no-column.csv
golden input-tsv 1 "${P[@]}" $ex/presale.tsv
golden input-json 2 "${P[@]}" fixtures/escaped.json fixtures/invalid-utf8.json fixtures/broken.json fixtures/empty.json
golden input-yaml 2 "${P[@]}" fixtures/blocks.yaml fixtures/documents.yaml fixtures/invalid-utf8.yaml fixtures/broken.yaml \
  fixtures/regression-loadall-loop.yaml
golden input-md 1 "${P[@]}" fixtures/playbook.md
golden examples 1 "${P[@]}" $ex

# Output formats, over violations (masked), an unused suppression, a broken file and a file
# with one line of invalid UTF-8.
mix=($ex/quick-phrases.txt $ex/aftersale.csv cases/suppress/unused.txt fixtures/broken.json fixtures/invalid-utf8.txt)
for f in text json jsonl sarif github junit; do golden format-$f 2 "${P[@]}" --format $f "${mix[@]}"; done
golden examples-sarif 1 "${P[@]}" --format sarif $ex

# The config: every setting, discovery, --config, --no-config, and its errors.
golden config 1 "${P[@]}" cases/config
golden config-excluded-by-name 0 "${P[@]}" cases/config/skip-me.txt cases/config/old/legacy.txt
golden config-forced 1 "${P[@]}" --config cases/config/.replylint.yaml fixtures/bom-crlf.txt
golden no-config 1 "${P[@]}" --no-config cases/config/replies.txt
golden builtin-off 1 "${P[@]}" cases/builtin-off
golden all-strings 1 "${P[@]}" cases/all-strings
golden md-fenced 1 "${P[@]}" cases/md-fenced

# The buyer's question beside each reply (a CSV/TSV column, a YAML/JSON key), found by name or
# named in the config: the pack's shop.qq-consent fires only where the question asks for a QQ.
# The hashes these goldens print for replies with a question cover the question (issue 12; they
# changed then, see buyer-suppress below).
golden buyer 1 --rules ../context_pack cases/buyer
golden buyer-config 1 --rules ../context_pack cases/buyer-config
# A name and an ID number in one reply are one leak: its reply_points count the platform rule once.
golden buyer-points 1 --rules ../context_pack --format jsonl cases/buyer/qa.csv
# The hash of a reply that answers a question covers the question (issue 12): an entry for
# question and reply suppresses, an older entry by the reply alone still does, and an entry
# for the same reply to another question does not (it is reported unused).
golden buyer-suppress 1 --rules ../context_pack cases/buyer-suppress
golden buyer-suppress-sarif 1 --rules ../context_pack --format sarif cases/buyer-suppress cases/buyer/qa.csv
# A suppressed rule is checked away: the ID number, counted once with the name before, now
# counts on its own (4 points, counted), as the engine decides.
golden buyer-suppress-counted 1 --rules ../context_pack --format jsonl cases/buyer-suppress/counted.txt
golden unknown-key 2 "${P[@]}" cases/unknown-key
golden unknown-rule 2 "${P[@]}" cases/unknown-rule
golden bad-value 2 "${P[@]}" cases/bad-value
golden bad-ignore-file 2 "${P[@]}" cases/bad-ignore

# Suppressions: used ones pass, unused ones fail (1), malformed ones are errors (2).
golden suppress-ok 0 "${P[@]}" cases/suppress/ok.txt cases/suppress/data.json
golden suppress-unused 1 "${P[@]}" cases/suppress/unused.txt
golden suppress-malformed 2 "${P[@]}" cases/suppress/malformed.txt
golden suppress-all 2 "${P[@]}" cases/suppress

# Thresholds: --fail-on decides the exit status, --min-points what is shown.
golden fail-on-12 0 "${P[@]}" --fail-on 12 $ex
golden fail-on-6 1 "${P[@]}" --fail-on 6 $ex/aftersale.csv $ex/groups.yaml
golden min-points 1 "${P[@]}" --min-points 6 $ex/aftersale.csv
golden show-matches 1 "${P[@]}" --show-matches $ex/quick-phrases.txt $ex/aftersale.csv

# Usage and input errors.
stderr_has bad-format 2 "--format" "${P[@]}" --format xml $ex
stderr_has fail-on-range 2 "--fail-on" "${P[@]}" --fail-on 0 $ex
stderr_has config-and-no-config 2 "excludes" "${P[@]}" --config cases/config/.replylint.yaml --no-config $ex
stderr_has missing-path 2 "no-such-dir: error: no such file or directory" "${P[@]}" no-such-dir
stderr_has not-a-library 2 "run.sh: error: not a script library" "${P[@]}" run.sh
# A missing path is an error, and the other paths are still checked.
"$bin" lint "${P[@]}" no-such.txt fixtures/bom-crlf.txt >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status = 2 ] && grep -q '^fixtures/bom-crlf.txt:4:4: error: 手机号码' "$tmp/out"; then passed=$((passed + 1)); else
  echo "FAIL missing-and-good: exit $status"; cat "$tmp/out" "$tmp/err"; failed=$((failed + 1)); fi
# The default path is the working folder.
(cd cases/builtin-off && "$bin" lint --rules ../../packs >"$tmp/out" 2>"$tmp/err")
status=$?
if [ $status = 1 ] && grep -q '^replies.txt:1:6: error: 承诺送达时间' "$tmp/out"; then passed=$((passed + 1)); else
  echo "FAIL default-path: exit $status"; cat "$tmp/out" "$tmp/err"; failed=$((failed + 1)); fi
# The reply hash is the first 16 hex digits of SHA-256 of the reply, as sha256sum computes it;
# with the buyer's question, of the question, a line feed and the reply.
want=$(printf '%s' '加我微信' | sha256sum | cut -c1-16)
"$bin" lint "${P[@]}" --format jsonl --no-config cases/bad-ignore/data.csv >"$tmp/out" 2>&1
if grep -q "\"hash\":\"$want\"" "$tmp/out"; then
  passed=$((passed + 1)); else echo "FAIL hash: expected $want"; failed=$((failed + 1)); fi
want=$(printf '%s\n%s' '有QQ吗？' '有的，稍等' | sha256sum | cut -c1-16)
"$bin" lint --rules ../context_pack --format jsonl --no-config cases/buyer/qa.csv >"$tmp/out" 2>&1
if grep -q "\"hash\":\"$want\"" "$tmp/out"; then
  passed=$((passed + 1)); else echo "FAIL hash with question: expected $want"; failed=$((failed + 1)); fi

# --threads N: the same standard output, standard error and status as one thread, in the same
# order, over every fixture, case (config errors among files) and a missing path.
for f in text jsonl sarif; do
  "$bin" lint "${P[@]}" --format $f no-such.txt fixtures cases $ex >"$tmp/t1" 2>"$tmp/e1"
  s1=$?
  "$bin" lint "${P[@]}" --format $f --threads 4 no-such.txt fixtures cases $ex >"$tmp/t4" 2>"$tmp/e4"
  s4=$?
  if [ $s1 = $s4 ] && [ -s "$tmp/t1" ] && cmp -s "$tmp/t1" "$tmp/t4" && cmp -s "$tmp/e1" "$tmp/e4"; then
    passed=$((passed + 1)); else echo "FAIL threads-$f: differs from one thread"; diff "$tmp/t1" "$tmp/t4" | head; failed=$((failed + 1)); fi
done
stderr_has threads-range 2 "--threads" "${P[@]}" --threads 0 $ex

echo "lint: $passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# Checks that `check --lines --format jsonl` and `--format json` print, byte for byte, what a
# reference binary prints on a corpus (the reference: a build of a commit whose printer was
# nlohmann::json, e.g. the one before "Direct JSON writer"), apart from the two fields added
# since to each violation, "platform_rule" and "counted", which are removed from the new
# output before comparing; and that --threads 2 prints what one thread prints.
# Usage: bench/check_json_identical.sh REFERENCE_BINARY [NEW_BINARY] [CORPUS]
# CORPUS: one reply per line; default 400,000 replies of bench/gen_corpus.py.
# Exits 0 when identical, 1 with the first differing line when not.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:?usage: bench/check_json_identical.sh REFERENCE_BINARY [NEW_BINARY] [CORPUS]}
new=${2:-$here/build/replylint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${3:-}
if [ -z "$corpus" ]; then
  (cd "$work" && python3 "$here/bench/gen_corpus.py" 400000 >/dev/null)
  corpus=$work/corpus.txt
fi
status=0
for format in jsonl json; do
  "$ref" check --lines --format "$format" <"$corpus" >"$work/ref.$format" || true
  "$new" check --lines --format "$format" <"$corpus" >"$work/new.$format" || true
  "$new" check --lines --threads 2 --format "$format" <"$corpus" >"$work/new2.$format" || true
  if [ "$format" = jsonl ]; then
    sed -E 's/,"platform_rule":"[^"]*","counted":(true|false)//g' "$work/new.$format" >"$work/stripped.$format"
  else
    grep -Ev '^ *"(platform_rule": "[^"]*"|counted": (true|false)),$' "$work/new.$format" >"$work/stripped.$format"
  fi
  if ! cmp "$work/ref.$format" "$work/stripped.$format"; then
    status=1
    diff "$work/ref.$format" "$work/stripped.$format" | head -5
  fi
  if ! cmp "$work/new.$format" "$work/new2.$format"; then
    status=1
    echo "--threads 2 differs from one thread ($format)"
  fi
  echo "$format: $(wc -l <"$corpus") replies, $(wc -c <"$work/ref.$format") bytes compared"
done
[ $status = 0 ] && echo "identical"
exit $status

#!/usr/bin/env bash
# Replies per second of `replylint check --lines` over generated replies, as a whole process
# (reading, folding, matching, printing jsonl). Usage: bench/check_lines.sh [BINARY] [N] [MODE]
# Defaults: build/replylint, 200000 replies from bench/gen_corpus.py (fixed seed).
# MODE lines (default) or jsonl: the same replies as `check --jsonl` input, each with a buyer's
# message (有QQ吗？ on every other line), to see what reading JSON and the buyer's side cost.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/replylint}
n=${2:-200000}
mode=${3:-lines}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && python3 "$here/bench/gen_corpus.py" "$n" >/dev/null)
bytes=$(wc -c < "$work/corpus.txt")
input=$work/corpus.txt
if [ "$mode" = jsonl ]; then
  python3 -c 'import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8", newline="\n")):
    print(json.dumps({"reply": line.rstrip("\n"), "buyer": "有QQ吗？" if i % 2 else "在吗"}, ensure_ascii=False))' \
    "$work/corpus.txt" >"$work/corpus.jsonl"
  input=$work/corpus.jsonl
fi
best=
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" check --"$mode" --format jsonl < "$input" > "$work/out.jsonl" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
done
flagged=$(grep -c '"violations":\[{' "$work/out.jsonl" || true)
awk -v n="$n" -v b="$bytes" -v t="$best" -v f="$flagged" -v day="$(date -u +%Y-%m-%d)" 'BEGIN {
  printf "replies: %d (%.1f MB), flagged: %d\n", n, b / 1e6, f
  printf "best of 3: %.3f s, %.0f replies/s, %.1f MB/s of replies (%s)\n", t, n / t, b / 1e6 / t, day }'

#!/usr/bin/env bash
# Replies per second of `replylint check --lines` over generated replies, as a whole process
# (reading, folding, matching, printing jsonl). Usage: bench/check_lines.sh [BINARY] [N]
# Defaults: build/replylint, 200000 replies from ../shared/bench/gen_corpus.py (fixed seed).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/replylint}
n=${2:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && python3 "$here/../shared/bench/gen_corpus.py" "$n" >/dev/null)
bytes=$(wc -c < "$work/corpus.txt")
best=
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" check --lines --format jsonl < "$work/corpus.txt" > "$work/out.jsonl" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
done
flagged=$(grep -c '"violations":\[{' "$work/out.jsonl" || true)
awk -v n="$n" -v b="$bytes" -v t="$best" -v f="$flagged" -v day="$(date -u +%Y-%m-%d)" 'BEGIN {
  printf "replies: %d (%.1f MB), flagged: %d\n", n, b / 1e6, f
  printf "best of 3: %.3f s, %.0f replies/s, %.1f MB/s (%s)\n", t, n / t, b / 1e6 / t, day }'

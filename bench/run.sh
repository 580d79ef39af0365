#!/usr/bin/env bash
# The benchmark of issue #6 in one command. Usage:
#   bench/run.sh [BUILD_DIR] [replylint_bench options...]
# BUILD_DIR (default: build) holds replylint_bench and replylint. The corpus is $CORPUS if set,
# else 200,000 replies of bench/gen_corpus.py (fixed seed), made in a temporary
# folder. Runs on the built-in packs with --threads 2, times `replylint check "…"` as a whole
# process (median, min, max; wall and CPU) and `replylint check --lines --format jsonl` on the
# corpus as a whole process on 1 and 2 threads; prints a Markdown table (machine, date,
# figures) for the README. Measures only: it exits 1 only if the fast path and the per-rule
# loop disagree. On a machine shared with other jobs, pass --cpu-time and compare CPU times.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${CORPUS:-}
if [ -z "$corpus" ]; then
  (cd "$work" && python3 "$here/bench/gen_corpus.py" 200000 >/dev/null)
  corpus=$work/corpus.txt
fi
exec "$build/replylint_bench" --threads 2 --process "$build/replylint" "$@" "$corpus"

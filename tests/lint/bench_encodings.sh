#!/usr/bin/env bash
# What decoding costs: bench.sh's tree as UTF-8 and as GBK (decoded as GB18030), each timed
# RUNS times (default 3), the best of each, and the ratio GBK / UTF-8. Issue 13 asks for at most
# 2x; this prints the figure and asserts nothing. Usage: bench_encodings.sh REPLYLINT [FILES] [RUNS]
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
files=${2:-10000}
runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
best() {  # best ENCODING: the smallest time of RUNS runs, in seconds
  local t min=
  for _ in $(seq "$runs"); do
    t=$(REPLYLINT_BENCH_ENCODING=$1 bash "$here/bench.sh" "$bin" "$files" | sed -n 's/.* MB in \([0-9.]*\) s:.*/\1/p')
    [ -z "$t" ] && { echo "FAIL: bench.sh gave no time" >&2; exit 1; }
    if [ -z "$min" ] || awk -v a="$t" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$t; fi
  done
  echo "$min"
}
utf8=$(best utf-8)
gbk=$(best gbk)
awk -v u="$utf8" -v g="$gbk" -v f="$files" 'BEGIN {
  printf "lint %d files: UTF-8 %.2f s, GBK %.2f s: decoding costs %.2fx\n", f, u, g, g / u }'

#!/usr/bin/env bash
# `check --lines` reads its input a chunk (1 MiB) at a time and checks it on N threads: over
# input of several chunks, with CRLF lines, empty lines, a line across each chunk boundary and
# a last line without a line break, every line is one record, in order, the same on 1 and 2
# threads, and the same as checking the lines one by one as arguments.
# Usage: lines_chunks.sh REPLYLINT
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/in.txt" <<'PY'
import sys
lines = ["您好，发票可以正常开具的", "亲,加我微信 abc12345\r", "", "發票要另加3個點哦", "x" * 5000]
with open(sys.argv[1], "wb") as f:
    n = 0
    while f.tell() < 3_500_000:
        f.write((lines[n % len(lines)] + "\n").encode())
        n += 1
    f.write("最后一行没有换行，亲,加我微信 abc12345".encode())
PY
lines=$(($(wc -l <"$work/in.txt") + 1))
"$bin" check --lines --format jsonl <"$work/in.txt" >"$work/one.jsonl" || [ $? -eq 1 ]
"$bin" check --lines --threads 2 --format jsonl <"$work/in.txt" >"$work/two.jsonl" || [ $? -eq 1 ]
cmp "$work/one.jsonl" "$work/two.jsonl"
[ "$(wc -l <"$work/one.jsonl")" -eq "$lines" ] || { echo "expected $lines records"; exit 1; }
# Record k is line k.
awk -F'[:,]' '$2 != NR { print "record " NR " says line " $2; bad = 1 } END { exit bad }' "$work/one.jsonl"
# The CR of a CRLF line is not part of the reply; the last line is checked.
"$bin" check --format jsonl "您好，发票可以正常开具的" "亲,加我微信 abc12345" >"$work/args.jsonl" || [ $? -eq 1 ]
cmp <(head -2 "$work/one.jsonl") "$work/args.jsonl"
tail -1 "$work/one.jsonl" | grep -q '"rule":"off-platform' || { echo "the last line was not checked"; exit 1; }
echo "lines-chunks: $lines lines, ok"

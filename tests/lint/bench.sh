#!/usr/bin/env bash
# How fast `replylint lint` goes over a large tree: N files (default 10,000; a quarter each
# .txt, .csv, .yaml, .json) of about 12 replies each, one reply in 20 breaking a rule. Prints
# the size, the time and seconds per MB; with --max-s-per-mb X it fails above X. The fixed test
# packs by default; REPLYLINT_BENCH_PACKS=builtin for the packs built into the binary;
# REPLYLINT_BENCH_ENCODING=gbk (or another Python codec) writes the tree in that encoding, so
# that the decoding stage is timed too (bench_encodings.sh compares).
# Usage: bench.sh REPLYLINT [FILES] [--max-s-per-mb X]
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
files=${2:-10000}
limit=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lib"
awk -v n="$files" -v dir="$tmp/lib" 'BEGIN {
  split("亲，在的，请问有什么可以帮您？|您好，本店所有商品均为正品，支持七天无理由退换。|亲，拍下后48小时内发货，到货时间以物流为准哦。|亲，退货地址请在订单详情里查看，寄回时备注订单号哦。|亲，发票可以正常开具的，请在订单备注里留下抬头和税号。|亲，双十一活动期间全场满300减50，可以和店铺优惠券叠加使用。|亲，这款是均码的，身高160到175都可以穿。|亲，已经为您催促快递了，请耐心等待哦。|亲，收到后有任何问题请联系我们，一定给您满意的处理。|亲，加我微信 abc12345 聊", r, "|");
  for (i = 0; i < n; i++) {
    sub_ = sprintf("%s/g%03d", dir, int(i / 100)); if (i % 100 == 0) system("mkdir -p " sub_);
    kind = i % 4;
    ext = kind == 0 ? "txt" : kind == 1 ? "csv" : kind == 2 ? "yaml" : "json";
    f = sprintf("%s/f%05d.%s", sub_, i, ext);
    if (kind == 1) print "标题,内容" > f;
    if (kind == 3) printf "[" > f;
    for (k = 0; k < 12; k++) {
      j = (i * 12 + k) % 200; t = r[(j < 190) ? (j % 9) + 1 : 10];
      if (kind == 0) print t > f;
      else if (kind == 1) printf "q%d,\"%s\"\n", k, t > f;
      else if (kind == 2) printf "- title: q%d\n  content: \"%s\"\n", k, t > f;
      else printf "%s{\"title\": \"q%d\", \"content\": \"%s\"}\n", (k ? "," : ""), k, t > f;
    }
    if (kind == 3) print "]" > f;
    close(f);
  }
}'
if [ -n "${REPLYLINT_BENCH_ENCODING:-}" ]; then
  python3 - "$tmp/lib" "$REPLYLINT_BENCH_ENCODING" <<'PY' || exit 1
import os, sys
for d, _, names in os.walk(sys.argv[1]):
    for n in names:
        p = os.path.join(d, n)
        with open(p, encoding="utf-8") as f:
            text = f.read()
        with open(p, "wb") as f:
            f.write(text.encode(sys.argv[2]))
PY
fi
bytes=$(find "$tmp/lib" -type f -printf "%s\n" | awk "{ s += \$1 } END { print s }")
start=$(date +%s.%N)
rules=(--rules "$here/packs")
[ "${REPLYLINT_BENCH_PACKS:-}" = builtin ] && rules=()  # the packs built into the binary
"$bin" lint "${rules[@]}" --format jsonl "$tmp/lib" >"$tmp/out" 2>"$tmp/err"
status=$?
end=$(date +%s.%N)
replies=$(tail -1 "$tmp/out" | sed 's/.*"replies":\([0-9]*\).*/\1/')
awk -v b="$bytes" -v s="$start" -v e="$end" -v f="$files" -v r="$replies" -v st="$status" -v lim="$limit" 'BEGIN {
  mb = b / 1048576; t = e - s;
  printf "lint bench: %d files, %d replies, %.2f MB in %.2f s: %.3f s per MB, %.0f files/s (exit %d)\n", f, r, mb, t, t / mb, f / t, st;
  if (st != 1) { print "FAIL: expected exit 1 (the library has violations)"; exit 1 }
  if (lim != "" && t / mb > lim) { printf "FAIL: %.3f s per MB is above %s\n", t / mb, lim; exit 1 }
}'

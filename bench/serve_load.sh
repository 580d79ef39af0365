#!/usr/bin/env bash
# Load test of `replylint serve` on loopback with wrk: CONNECTIONS keep-alive connections post
# POST /v1/check with REPLIES replies each (a mix of violating and compliant replies from
# tests/corpus/, built-in packs) for SECONDS, then stop by themselves. Prints requests/s,
# replies/s, p50/p99/max latency, errors, and the server's RSS after the first and the second
# half of the run. Measures only, but exits 1 on any error or when RSS grew by more than 10%
# in the second half (a leak).
# Usage: bench/serve_load.sh [BUILD_DIR] [SECONDS=20] [CONNECTIONS=8] [REPLIES=10] [SERVER_THREADS=CONNECTIONS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$here/build}")
seconds=${2:-20}
connections=${3:-8}
replies=${4:-10}
threads=${5:-$connections}
command -v wrk >/dev/null || { echo "serve_load: needs wrk (apt-get install wrk)"; exit 2; }
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

python3 - "$here/tests/corpus" "$replies" >"$work/body.json" <<'PY'
import json, re, sys
corpus, n = sys.argv[1], int(sys.argv[2])
bad = [re.sub(r"\[\[|\]\]", "", l.split("\t", 1)[1].rstrip("\n")) for l in open(corpus + "/evasions.tsv", encoding="utf-8")
       if "\t" in l and not l.startswith("#")]
good = [l.rstrip("\n") for l in open(corpus + "/compliant.txt", encoding="utf-8") if l.strip() and not l.startswith("#")]
mix = [(bad if i % 3 == 0 else good)[i * 7 % len(bad if i % 3 == 0 else good)] for i in range(n)]
print(json.dumps({"replies": [{"reply": r, "buyer": "在吗？"} for r in mix]}, ensure_ascii=False))
PY
cat >"$work/post.lua" <<LUA
local f = io.open("$work/body.json", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LOAD requests=%d seconds=%.3f p50_us=%d p99_us=%d max_us=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
LUA

"$build/replylint" serve --listen 127.0.0.1:0 --threads "$threads" --max-connections $((connections + 16)) 2>"$work/log" &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$work/log" 2>/dev/null && break; sleep 0.05; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/log")v1/check
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }
# Warm up (thread-local scratch memory, allocator arenas) so that RSS is compared in steady state.
wrk -t1 -c "$connections" -d 2s -s "$work/post.lua" "$url" >/dev/null
rss_start=$(rss)
( sleep "$(awk -v s="$seconds" 'BEGIN { print s / 2 }')"; rss >"$work/rss_half" ) &
wrk -t1 -c "$connections" -d "${seconds}s" --timeout 5s -s "$work/post.lua" "$url" >"$work/wrk.out"
wait $!
rss_half=$(cat "$work/rss_half")
rss_end=$(rss)
read -r requests secs p50 p99 max errors < <(sed -n 's/^LOAD requests=\([0-9]*\) seconds=\([0-9.]*\) p50_us=\([0-9]*\) p99_us=\([0-9]*\) max_us=\([0-9]*\) errors=\([0-9]*\)$/\1 \2 \3 \4 \5 \6/p' "$work/wrk.out")
awk -v r="$requests" -v s="$secs" -v n="$replies" -v p50="$p50" -v p99="$p99" -v max="$max" -v e="$errors" \
    -v c="$connections" -v t="$threads" -v a="$rss_start" -v h="$rss_half" -v z="$rss_end" -v cpus="$(nproc)" 'BEGIN {
  printf "serve load: %d connections (keep-alive), %d replies per request, %d server threads, %.0f s, %d cores\n", c, n, t, s, cpus
  printf "  %.0f requests/s, %.0f replies/s\n", r / s, r * n / s
  printf "  latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", p50 / 1000, p99 / 1000, max / 1000
  printf "  errors %d; server RSS %d KiB at start, %d KiB at half time, %d KiB at the end\n", e, a, h, z
}'
[ "$errors" -eq 0 ] || { echo "serve_load: $errors errors"; exit 1; }
[ "$rss_end" -le $((rss_half + rss_half / 10)) ] || { echo "serve_load: RSS grew in the second half"; exit 1; }

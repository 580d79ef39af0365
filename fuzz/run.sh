#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-fuzz/ and runs each for SECONDS (default 60) on its committed seed corpus plus the
# repository's own packs and corpora. Exit 1 on any finding; the crashing input is left in
# build-fuzz/. Usage: fuzz/run.sh [SECONDS]   Needs: clang, libclang-rt-14-dev.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link -g -O1"
mapfile -t use_gen < <(bash "$root/tests/plain_packs_gen.sh" "$root")  # the plain build's pack generator
cmake -S "$root" -B "$build" "${use_gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" -DREPLYLINT_FUZZ=ON -DREPLYLINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target fuzz_check fuzz_load_pack fuzz_lint_readers >/dev/null
status=0 passed=0 failed=0
run() {
  local target=$1
  shift
  local work=$build/corpus-$target
  mkdir -p "$work"
  echo "fuzz_$target: ${seconds}s"
  if ! (cd "$build" && ASAN_OPTIONS=detect_leaks=1 "./fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=8192 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work" "$@" 2>"$build/fuzz_$target.log"); then
    echo "fuzz_$target: FINDING (see $build/fuzz_$target.log)"; tail -40 "$build/fuzz_$target.log"; status=1
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/fuzz_$target.log" | sed "s/^/  /"
}
run check "$root/fuzz/corpus/check" "$root/tests/corpus"
run load_pack "$root/fuzz/corpus/load_pack" "$root/rules" "$root/tests/bad_packs"
run lint_readers "$root/fuzz/corpus/lint_readers"
echo "fuzz: $passed passed, $failed failed"
exit $status

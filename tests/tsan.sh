#!/usr/bin/env bash
# ThreadSanitizer run of the tests that share engines between threads: the concurrency test
# (one engine, eight threads, a reloading thread), the C API test (its threaded part and the
# slot), the C++ API test, and `replylint serve` driven over HTTP (thread pool, metrics,
# reloads under load). Not part of the default ctest run: the TSan build of the library
# takes about two minutes on two cores. Exits non-zero on any data race.
#
#   tests/tsan.sh [BUILD_DIR]        (default: build-tsan in the source folder)
#   REPLYLINT_CONCURRENCY_SECONDS=10 tests/tsan.sh     a longer run
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-tsan}
mapfile -t use_gen < <(bash "$src/tests/plain_packs_gen.sh" "$src")  # the plain build's pack generator
cmake -S "$src" -B "$build" "${use_gen[@]}" -DREPLYLINT_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target replylint_concurrency test_c_api replylint_api_tests replylint_cli
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$src/tests/tsan.supp ${TSAN_OPTIONS:-}"
# GCC 12's TSan cannot map its shadow memory under the kernel's larger ASLR ranges: run the
# tests without address randomization when setarch allows it.
run=()
if setarch "$(uname -m)" -R true 2>/dev/null; then run=(setarch "$(uname -m)" -R); fi
"${run[@]}" ctest --test-dir "$build" -R '^(concurrency|c-api|cpp-api|serve-native|serve-http)$' --output-on-failure
echo "tsan: no data race reported"

#!/usr/bin/env bash
# The test suite under sanitizers: everything built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan/ and run by ctest, then the threaded tests with
# ThreadSanitizer (tests/tsan.sh). Exits non-zero on any report.
# Left out of the ASan run: the tests that load the library into another program (python,
# node), which would need the sanitizer runtime preloaded, and the install and packaging tests,
# which build consumers and bindings without the sanitizer flags. They run in the ordinary build.
#   tests/sanitizers.sh [ASAN_BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-asan}
mapfile -t use_gen < <(bash "$src/tests/plain_packs_gen.sh" "$src")  # the plain build's pack generator
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
cmake -S "$src" -B "$build" "${use_gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j2 >/dev/null
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
ctest --test-dir "$build" --output-on-failure \
  -E '^(python-binding|node-binding|example-chat-client(-context)?-(python|js)|install|packaging)$'
echo "asan+ubsan: no report"
bash "$src/tests/tsan.sh"

#!/usr/bin/env bash
# The build settles: right after a build nothing plans to run the pack-embedding step again
# (it used to run on every build, because its output kept an old date when the packs had not
# changed). Asks the build tool for a dry run (make -n, ninja -n) of the build folder. A pack
# edited since the last build fails it, as it should: the binary's packs are out of date.
#   tests/build_settles.sh BUILD_DIR
set -euo pipefail
build=${1:?build dir}
plan=$(cmake --build "$build" -- -n 2>&1)
if grep -q -e 'embed_packs\.cmake' -e 'Embedding rule packs' <<<"$plan"; then
  echo "FAIL: a build right after a build would embed the packs again:"
  grep -e 'embed_packs\.cmake' -e 'Embedding rule packs' <<<"$plan" | head -5
  exit 1
fi
echo "ok: the pack-embedding step is up to date"

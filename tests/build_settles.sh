#!/usr/bin/env bash
# The build settles: right after a build nothing plans to run the pack-compiling step
# (src/packs_gen.cpp) or the page-embedding step again (the embedding used to run on every
# build, because its output kept an old date when the packs had not changed). Asks the build tool for a dry run (make -n, ninja -n) of the build folder. A pack
# edited since the last build fails it, as it should: the binary's packs are out of date.
#   tests/build_settles.sh BUILD_DIR
set -euo pipefail
build=${1:?build dir}
plan=$(cmake --build "$build" -- -n 2>&1)
if grep -q -e 'embed_files\.cmake' -e 'Compiling the rule packs in' -e 'Embedding the serve page' <<<"$plan"; then
  echo "FAIL: a build right after a build would compile the packs in or embed the page again:"
  grep -e 'embed_files\.cmake' -e 'Compiling the rule packs in' -e 'Embedding the serve page' <<<"$plan" | head -5
  exit 1
fi
echo "ok: the pack and page steps are up to date"

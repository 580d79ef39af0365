#!/usr/bin/env bash
# The page of `replylint serve` in a real browser: headless Debian chromium driven by
# puppeteer-core (installed from the npm registry with `npm ci`, into the build folder).
# Usage: run.sh REPLYLINT_BINARY BUILD_DIR. Exits 77 (ctest: skipped), saying why, when
# chromium or npm is missing; .ci/run installs both.
set -euo pipefail
bin=$(realpath "${1:?replylint binary}")
build=$(realpath "${2:?build dir}")
here=$(cd "$(dirname "$0")" && pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then echo "skipped: no chromium on PATH (apt-get install chromium)"; exit 77; fi
if ! command -v npm >/dev/null; then echo "skipped: no npm on PATH"; exit 77; fi
work=$build/serve-browser
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/page_test.js" "$work/"
# npm ci again only when the lock file changed.
if ! cmp -s "$here/package-lock.json" "$work/node_modules/.replylint-lock" 2>/dev/null; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$work/node_modules/.replylint-lock"
fi
cd "$work"
REPLYLINT="$bin" CHROMIUM="$chromium" PACKS="$here/../../c_api/packs" SCREENSHOT="$build/serve-page.png" node page_test.js

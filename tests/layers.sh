#!/usr/bin/env bash
# The layers of the tree (README, "Where things go"): lint/ sees the library through its public
# headers (include/replylint/, tools/ included) and its own folder, never src/ nor cli/; cli/
# may use lint/, not the other way round. A quoted include that resolves anywhere else fails.
# Usage: layers.sh SOURCE_DIR
set -uo pipefail
root=$(realpath "${1:?source dir}")
cd "$root"
failed=0
for f in lint/*.cpp lint/*.hpp; do
  while IFS= read -r inc; do
    if [ -f "lint/$inc" ]; then continue; fi
    if [[ "$inc" == replylint/* ]] && [ -f "include/$inc" ]; then continue; fi
    echo "FAIL $f includes \"$inc\": lint/ may include its own headers and replylint/… only"
    failed=1
  done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
done
# cli/ may use lint/ (by "lint/…"); lint/ must not name cli/ in any way, nor reach up a folder.
if grep -rnE '#\s*include\s*"(\.\./|cli/|src/)' lint/; then echo "FAIL lint/ reaches out of its layer"; failed=1; fi
[ "$failed" = 0 ] && echo "layers: lint/ uses only itself and the public headers"
exit "$failed"

#!/usr/bin/env bash
# The README gives two set-up commands; .ci/run must run the second one verbatim, and both
# must build with the same packages. A drift between them is how a README stops being true.
set -euo pipefail
root=${1:?source dir}
mapfile -t cmds < <(sed -n '/^```sh setup/,/^```/p' "$root/README.md" | grep -v '^```')
[ "${#cmds[@]}" -eq 2 ] || { echo "README: expected 2 set-up commands, found ${#cmds[@]}"; exit 1; }
grep -qxF -- "${cmds[1]}" "$root/.ci/run" || { echo ".ci/run does not run the README's test command:"; echo "${cmds[1]}"; exit 1; }
deps() { sed 's/ && cmake.*//' <<<"$1"; }
[ "$(deps "${cmds[0]}")" = "$(deps "${cmds[1]}")" ] || { echo "the two commands install different packages"; exit 1; }
case "${cmds[0]}" in *"replylint check"*) ;; *) echo "the first command must run replylint check"; exit 1 ;; esac
echo "README set-up commands and .ci/run agree"

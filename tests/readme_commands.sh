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

# The example session at the top of the README is what the binary prints today.
bin=${2:-}
if [ -n "$bin" ]; then
  block=$(awk '/^```$/ { if (seen++) exit; next } seen == 1' "$root/README.md")
  cmd=$(head -n 1 <<<"$block")
  case "$cmd" in '$ replylint '*) ;; *) echo "README: the first block must start with '\$ replylint …'"; exit 1 ;; esac
  want=$(tail -n +2 <<<"$block")
  got=$(eval "\"$bin\" ${cmd#\$ replylint }" || true)
  if [ "$got" != "$want" ]; then
    echo "README: the example session differs from what replylint prints:"
    diff <(echo "$want") <(echo "$got")
    exit 1
  fi
  echo "README example session matches the binary"
fi

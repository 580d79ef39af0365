#!/usr/bin/env bash
# The installed package, as a client team meets it: `cmake --install` into an empty prefix,
# then examples/ built against it with find_package(replylint) (shared and static) and with
# pkg-config (shared and static), and run on the test packs. Also checks the SONAME and that
# the shared library exports the API and nothing else.
#
#   tests/install/run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "${1:?build dir}" && pwd)
src=$(cd "${2:?source dir}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
packs=$src/tests/c_api/packs
drafts=$src/tests/c_api/drafts.txt
expected=$src/tests/c_api/chat_client.expected
fail() { echo "FAIL: $*"; exit 1; }
same() {  # same NAME COMMAND...: COMMAND < drafts prints the expected chat-client output
  local name=$1; shift
  "$@" "$packs" <"$drafts" >"$work/out" || fail "$name exited with $?"
  diff -u "$expected" "$work/out" || fail "$name printed something else"
  echo "ok: $name"
}

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
libdir=$(dirname "$(find "$prefix" -name 'libreplylint.so' | head -1)")
[ -d "$libdir" ] || fail "no libreplylint.so installed"
for f in include/replylint/replylint.h include/replylint/engine.hpp include/replylint/engine_slot.hpp \
         include/replylint/export.h bin/replylint; do
  [ -e "$prefix/$f" ] || fail "$f not installed"
done
for f in libreplylint.a pkgconfig/replylint.pc cmake/replylint/replylint-config.cmake \
         cmake/replylint/replylint-config-version.cmake cmake/replylint/replylint-targets.cmake; do
  [ -e "$libdir/$f" ] || fail "$libdir/$f not installed"
done
echo "ok: headers, libraries, CLI, CMake package and replylint.pc installed"

# The CLI runs from the prefix.
"$prefix/bin/replylint" check --rules "$packs" "您好" >/dev/null || fail "installed CLI"
echo "ok: installed CLI"

# A SONAME, and only the API exported: C functions replylint_* and C++ names in replylint::
# (not replylint::detail), nothing of RE2, ICU or yaml-cpp.
soname=$(readelf -d "$libdir/libreplylint.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[[ $soname == libreplylint.so.* ]] || fail "SONAME is '$soname'"
[ -e "$libdir/$soname" ] || fail "$soname not installed"
nm -D --defined-only "$libdir/libreplylint.so" | awk '{print $3}' | c++filt >"$work/exports"
grep -q '^replylint_check$' "$work/exports" || fail "replylint_check is not exported"
grep -q '^replylint::Engine::check' "$work/exports" || fail "replylint::Engine::check is not exported"
if grep -v -E '^(replylint_[a-z0-9_]+$|replylint::[A-Za-z]|(typeinfo|typeinfo name|vtable) for replylint::[A-Za-z])' "$work/exports" |
   grep -v -E '^_(init|fini)$' >"$work/stray"; then
  head -20 "$work/stray"
  fail "the shared library exports more than the API ($(wc -l <"$work/stray") symbols, above)"
fi
grep -q 'replylint::detail' "$work/exports" && fail "replylint::detail is exported"
echo "ok: SONAME $soname, $(wc -l <"$work/exports") exported symbols, all of the API"

# ICU only generates the fold table at build time: the library neither needs it at run time
# nor asks its users for it.
readelf -d "$libdir/libreplylint.so" | grep -q 'NEEDED.*libicu' && fail "libreplylint.so needs ICU"
nm -D --undefined-only "$libdir/libreplylint.so" | grep -q -E '_[0-9]+$|\bu_|icu_' && fail "libreplylint.so calls into ICU"
grep -q -i icu "$libdir/pkgconfig/replylint.pc" "$libdir/cmake/replylint/"*.cmake && fail "the package asks for ICU"
echo "ok: no ICU at run time"

# CMake: find_package(replylint) -> replylint::replylint (shared) and replylint::replylint_static.
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DREPLYLINT_EXAMPLES_DIR="$src/examples" -DCMAKE_BUILD_TYPE=Release >"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "configuring a find_package(replylint) project"; }
cmake --build "$work/consumer" -j2 >>"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; fail "building it"; }
same "find_package: chat_client (C++, shared)" "$work/consumer/chat_client"
same "find_package: chat_client_c (C, shared)" "$work/consumer/chat_client_c"
same "find_package: chat_client_static (C++, static)" "$work/consumer/chat_client_static"
same "find_package: chat_client_c_static (C, static)" "$work/consumer/chat_client_c_static"
ldd "$work/consumer/chat_client_c_static" | grep -q libreplylint && fail "the static build still needs libreplylint.so"
"$work/consumer/reload_rules" "$packs" "$src/tests/c_api/packs-v2" | grep -q '^reloaded: serving 4 rules' ||
  fail "find_package: reload_rules"
echo "ok: find_package: reload_rules"

# pkg-config: shared, then static (the archive plus `pkg-config --static` for what it needs).
export PKG_CONFIG_PATH=$libdir/pkgconfig
pc_version=$(pkg-config --modversion replylint)
cli_version=$("$prefix/bin/replylint" --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)
[ "$pc_version" = "$cli_version" ] || fail "replylint.pc says version $pc_version, the CLI $cli_version"
read -r -a cflags <<<"$(pkg-config --cflags replylint)"
read -r -a libs <<<"$(pkg-config --libs replylint)"
read -r -a static_libs <<<"$(pkg-config --static --libs replylint | sed 's/-lreplylint\b//')"
cc -std=c11 -Wall -Werror "${cflags[@]}" "$src/examples/chat_client.c" "${libs[@]}" -Wl,-rpath,"$libdir" -o "$work/pc_c" ||
  fail "pkg-config: building chat_client.c"
c++ -std=c++20 -Wall -Werror "${cflags[@]}" "$src/examples/chat_client.cpp" "${libs[@]}" -Wl,-rpath,"$libdir" -o "$work/pc_cpp" ||
  fail "pkg-config: building chat_client.cpp"
cc -std=c11 -Wall -Werror "${cflags[@]}" "$src/examples/chat_client.c" "$libdir/libreplylint.a" "${static_libs[@]}" -o "$work/pc_c_static" ||
  fail "pkg-config --static: building chat_client.c"
same "pkg-config: chat_client.c (shared)" "$work/pc_c"
same "pkg-config: chat_client.cpp (shared)" "$work/pc_cpp"
same "pkg-config --static: chat_client.c" "$work/pc_c_static"
echo "install: all passed"

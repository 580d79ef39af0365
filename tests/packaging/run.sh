#!/usr/bin/env bash
# The bindings as packages, as a client team installs them: the library by `cmake --install`
# into an empty prefix, found through pkg-config; `pip install` of bindings/python into a folder
# of its own and `npm install` of bindings/node (packed, as a registry would serve it) into an
# empty project. Then the bindings' own tests and the Python chat-client example run against
# the installed copies, with no variable saying where the library or the addon is: what pip and
# npm recorded must be enough. No package index is used.
#
#   tests/packaging/run.sh BUILD_DIR SOURCE_DIR PYTHON
set -euo pipefail
build=$(cd "${1:?build dir}" && pwd)
src=$(cd "${2:?source dir}" && pwd)
python=${3:?python interpreter}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export REPLYLINT_TEST_PACKS=$src/tests/c_api/packs REPLYLINT_TEST_CONTEXT_PACKS=$src/tests/context_pack
# Nothing from the environment may point at a library or an addon: the packages must find theirs.
unset REPLYLINT_LIBRARY REPLYLINT_NODE_ADDON LD_LIBRARY_PATH PYTHONPATH NODE_PATH

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
libdir=$(dirname "$(find "$prefix" -name 'libreplylint.so' | head -1)")
export PKG_CONFIG_PATH=$libdir/pkgconfig
version=$(pkg-config --modversion replylint) || fail "pkg-config does not find the installed replylint.pc"

# ---- Python. --no-index: no package index is asked for anything. Byte code would be written
# into the source folder by pip's run of the build backend.
export PYTHONDONTWRITEBYTECODE=1
pip=("$python" -m pip install --no-deps --no-index --no-cache-dir --disable-pip-version-check)
"${pip[@]}" --no-build-isolation --target "$work/site" "$src/bindings/python" >"$work/pip.log" 2>&1 ||
  { cat "$work/pip.log"; fail "pip install --no-build-isolation bindings/python"; }
# The backend needs nothing, so an isolated build (pip's default) works offline too.
"${pip[@]}" --target "$work/site-isolated" "$src/bindings/python" >"$work/pip.log" 2>&1 ||
  { cat "$work/pip.log"; fail "pip install bindings/python"; }
cmp "$work/site/replylint/_library.py" "$work/site-isolated/replylint/_library.py" || fail "the two installs differ"
echo "ok: pip install bindings/python, with and without build isolation"
export PYTHONPATH=$work/site
(cd "$work" && "$python" - "$work/site" "$libdir" "$version") <<'PY' || fail "the installed Python package"
import importlib.metadata, os, sys
import replylint
site, libdir, version = sys.argv[1:]
assert replylint.__file__.startswith(site + os.sep), f"imported {replylint.__file__}, not the installed copy"
from replylint._library import PATH
assert PATH == os.path.join(libdir, "libreplylint.so"), f"recorded {PATH}, not the library pkg-config names"
assert replylint.version() == version, f"library {replylint.version()}, replylint.pc {version}"
assert importlib.metadata.version("replylint") == version, \
    (f"the Python package says {importlib.metadata.version('replylint')}, the library {version}: "
     "keep VERSION in bindings/python/backend/replylint_build.py in step")
PY
echo "ok: the installed module loads $libdir/libreplylint.so, version $version"
(cd "$src/bindings/python/tests" && "$python" -m unittest test_replylint) >"$work/py-test.log" 2>&1 ||
  { cat "$work/py-test.log"; fail "bindings/python/tests against the installed package"; }
tail -3 "$work/py-test.log"
bash "$src/tests/c_api/same_output.sh" "$src/tests/c_api/chat_client.expected" "$src/tests/c_api/drafts.txt" \
     "$python" "$src/examples/chat_client.py" "$src/tests/c_api/packs" || fail "examples/chat_client.py, installed package"
# The environment still overrides what was recorded.
if REPLYLINT_LIBRARY=$work/none.so "$python" -c 'import replylint' 2>"$work/err"; then
  fail "REPLYLINT_LIBRARY=$work/none.so did not override the recorded library"
fi
grep -q "none.so" "$work/err" || { cat "$work/err"; fail "the load error does not name REPLYLINT_LIBRARY's path"; }
echo "ok: REPLYLINT_LIBRARY overrides the recorded path"
unset PYTHONPATH

# ---- Node.js: packed as npm would publish it, installed into an empty project with no registry.
command -v npm >/dev/null || fail "npm not found (NodeSource's nodejs has it; with Debian's nodejs: npm, node-gyp, libnode-dev)"
export npm_config_cache=$work/npm-cache npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false
(cd "$work" && npm pack --silent "$src/bindings/node" >"$work/pack.log" 2>&1) || { cat "$work/pack.log"; fail "npm pack"; }
tarball=$(ls "$work"/replylint-*.tgz)
mkdir "$work/app"
(cd "$work/app" && echo '{"name": "app", "version": "1.0.0", "private": true}' >package.json &&
 npm install --offline --foreground-scripts "$tarball" >"$work/npm.log" 2>&1) || { cat "$work/npm.log"; fail "npm install"; }
addon=$work/app/node_modules/replylint/build/Release/replylint.node
[ -f "$addon" ] || fail "npm install built no $addon"
readelf -d "$addon" | grep -q "R.*PATH.*$libdir" || fail "the addon has no RPATH to $libdir"
echo "ok: npm install bindings/node built the addon with node-gyp, offline"
(cd "$work/app" && node -e '
const replylint = require("replylint");
const path = require.resolve("replylint");
if (!path.startsWith(process.cwd() + "/node_modules/")) throw new Error(`required ${path}, not the installed copy`);
if (replylint.version !== process.argv[1]) throw new Error(`library ${replylint.version}, replylint.pc ${process.argv[1]}`);
if (require("replylint/package.json").version !== process.argv[1])
  throw new Error("package.json and the library disagree on the version: keep them in step");
' "$version") || fail "the installed Node.js package"
(cd "$work/app" && node --test node_modules/replylint/test/) >"$work/node-test.log" 2>&1 ||
  { cat "$work/node-test.log"; fail "bindings/node/test against the installed package"; }
grep -E '^# (tests|pass|fail)' "$work/node-test.log"
echo "packaging: all passed"

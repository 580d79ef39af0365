"""The build backend (PEP 517) of `pip install bindings/python`.

The package is pure Python over ctypes, so the one thing to build is where libreplylint is. It
is found now, once, and written into the wheel as replylint/_library.py, so that the installed
module loads that library without any environment variable and cannot pick up another copy
from the loader's path. Where from, first found:

  REPLYLINT_LIBRARY=/path/to/libreplylint.so   e.g. a CMake build tree: build/libreplylint.so
  pkg-config replylint                         an installed copy (`cmake --install`; for a
                                               prefix of your own, set PKG_CONFIG_PATH)

Neither: the install fails, saying so. At run time REPLYLINT_LIBRARY still overrides. The wheel
names a path on this machine: it is built for this machine's install, not for publishing.

Standard library only, so that installing needs no setuptools, wheel or network.
"""
import base64
import hashlib
import io
import os
import subprocess
import tarfile
import zipfile

NAME = "replylint"
# The library's version: tests/packaging/run.sh fails when the two drift apart.
VERSION = "0.1.0"
SUMMARY = "Compliance linter for Taobao/Tmall customer-service replies: Python binding over the C API"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # bindings/python
DIST_INFO = f"{NAME}-{VERSION}.dist-info"


def _fail(why):
    raise SystemExit(f"replylint: {why}. Install the library (cmake --install build --prefix P, then "
                     "PKG_CONFIG_PATH=P/lib/pkgconfig) or set REPLYLINT_LIBRARY=/path/to/libreplylint.so")


def find_library():
    path = os.environ.get("REPLYLINT_LIBRARY")
    if path:
        if not os.path.isfile(path):
            _fail(f"REPLYLINT_LIBRARY={path} is not a file")
        return os.path.abspath(path)
    try:
        libdir = subprocess.run(["pkg-config", "--variable=libdir", "replylint"], check=True,
                                capture_output=True, text=True).stdout.strip()
    except FileNotFoundError:
        _fail("pkg-config is not installed")
    except subprocess.CalledProcessError as e:
        _fail(f"pkg-config does not know replylint ({e.stderr.strip()})")
    path = os.path.normpath(os.path.join(libdir, "libreplylint.so"))
    if not os.path.isfile(path):
        _fail(f"pkg-config says libdir={libdir}, which has no libreplylint.so")
    return path


def _metadata():
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\nSummary: {SUMMARY}\n"
            "License: Apache-2.0\nRequires-Python: >=3.8\n").encode()


def _package_files():
    """(path in the archive, bytes) of the module's sources."""
    package = os.path.join(HERE, NAME)
    for name in sorted(os.listdir(package)):
        if name.endswith(".py") and name != "_library.py":
            with open(os.path.join(package, name), "rb") as f:
                yield f"{NAME}/{name}", f.read()


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = list(_package_files())
    files.append((f"{NAME}/_library.py",
                  ("# Written when this package was installed: the libreplylint it was built for.\n"
                   f"PATH = {find_library()!r}\n").encode()))
    files.append((f"{DIST_INFO}/METADATA", _metadata()))
    files.append((f"{DIST_INFO}/WHEEL",
                  b"Wheel-Version: 1.0\nGenerator: replylint_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    record = io.StringIO()
    for path, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.write(f"{path},sha256={digest},{len(data)}\n")
    record.write(f"{DIST_INFO}/RECORD,,\n")
    files.append((f"{DIST_INFO}/RECORD", record.getvalue().encode()))
    wheel = f"{NAME}-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files:
            z.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return wheel


def build_sdist(sdist_directory, config_settings=None):
    """The sources, for tools that want them; the library is found when a wheel is built."""
    base = f"{NAME}-{VERSION}"
    sdist = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, sdist), "w:gz") as t:
        for rel in ("pyproject.toml", "backend/replylint_build.py"):
            t.add(os.path.join(HERE, rel), f"{base}/{rel}")
        for path, data in _package_files():
            info = tarfile.TarInfo(f"{base}/{path}")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        meta = _metadata()
        info.size = len(meta)
        t.addfile(info, io.BytesIO(meta))
    return sdist
